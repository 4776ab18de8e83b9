package dev.dockenv.stack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A value of the stack that may hold a secret: literal text and references to secrets, in order
 * ({@code postgresql://app:} + secret {@code DOCKENV_SECRET_DB} + {@code @db:5432/app}). Secrets
 * are never part of the plan: compose files name them (interpolated from dockenv's secret store)
 * and only the env file of a run holds them resolved.
 */
public record StackValue(List<Part> parts) {
    public StackValue {
        parts = List.copyOf(parts);
    }

    /** A part of a value. */
    public sealed interface Part {
        /** Text as it is. */
        record Text(String text) implements Part {
        }

        /** The secret of this name (an environment variable name: {@code DOCKENV_SECRET_DB}). */
        record SecretRef(String name) implements Part {
            public SecretRef {
                if (!name.matches("[A-Z_][A-Z0-9_]*")) {
                    throw new IllegalArgumentException("not a secret name: " + name);
                }
            }
        }
    }

    public static StackValue text(String text) {
        return new StackValue(List.of(new Part.Text(text)));
    }

    public static StackValue secret(String name) {
        return new StackValue(List.of(new Part.SecretRef(name)));
    }

    /** Builds a value from literal text and secret references. */
    public static StackValue of(Object... parts) {
        List<Part> out = new ArrayList<>();
        for (Object p : parts) {
            out.add(p instanceof Part part ? part : new Part.Text(String.valueOf(p)));
        }
        return new StackValue(out);
    }

    /** The secrets this value names. */
    public List<String> secrets() {
        return parts.stream().filter(p -> p instanceof Part.SecretRef).map(p -> ((Part.SecretRef) p).name()).toList();
    }

    /** The value with each secret replaced by what {@code lookup} gives (an unknown secret is an error). */
    public String resolve(Map<String, String> secrets) {
        return render(Function.identity(), name -> {
            String v = secrets.get(name);
            if (v == null) {
                throw new IllegalStateException("no value for secret " + name);
            }
            return v;
        });
    }

    /** The value with text passed through {@code text} and each secret through {@code secret}. */
    public String render(Function<String, String> text, Function<String, String> secret) {
        StringBuilder b = new StringBuilder();
        for (Part p : parts) {
            b.append(p instanceof Part.Text t ? text.apply(t.text()) : secret.apply(((Part.SecretRef) p).name()));
        }
        return b.toString();
    }

    /** The value as it can be shown: secrets as {@code ${NAME}}. */
    @Override
    public String toString() {
        return render(Function.identity(), name -> "${" + name + "}");
    }
}
