package dev.dockenv.compose;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A string value of a compose file. Compose interpolates {@code ${NAME}} and {@code $NAME} in every
 * string it reads, so the model says which strings ask for that: a {@link Literal} is written so
 * that compose reads back exactly its value (each {@code $} written {@code $$}); an
 * {@link Interpolated} is a template written as it is, whose variables compose fills in from its
 * environment (and the project's {@code .env}) when it reads the file.
 *
 * <pre>{@code
 * ComposeString.literal("pa$$word")                 // written "pa$$$$word", read back pa$$word
 * ComposeString.variable("DOCKENV_DB_PASSWORD")     // written "${DOCKENV_DB_PASSWORD}"
 * ComposeString.interpolated("postgresql://app:${DOCKENV_DB_PASSWORD:?run dockenv up}@db:5432/app")
 * }</pre>
 */
public sealed interface ComposeString {

    /** The text as it goes into the file, before YAML quoting: what compose interpolates. */
    String composeText();

    /** The value as given to the model: a literal's value, or an interpolated string's template. */
    String text();

    static Literal literal(String value) {
        return new Literal(value);
    }

    static Interpolated interpolated(String template) {
        return new Interpolated(template);
    }

    /** {@code ${NAME}}: the variable's value, empty when it is not set. */
    static Interpolated variable(String name) {
        return new Interpolated("${" + ComposeChecks.variable("an interpolated variable", name) + "}");
    }

    /**
     * {@code ${NAME:?message}}: the variable's value; compose refuses the file with the message when
     * the variable is unset or empty.
     */
    static Interpolated required(String name, String message) {
        return new Interpolated("${" + ComposeChecks.variable("an interpolated variable", name) + ":?"
                + plainPart("the message of ${" + name + ":?...}", message) + "}");
    }

    /** {@code ${NAME:-default}}: the variable's value, or the default when it is unset or empty. */
    static Interpolated withDefault(String name, String defaultValue) {
        return new Interpolated("${" + ComposeChecks.variable("an interpolated variable", name) + ":-"
                + plainPart("the default of ${" + name + ":-...}", defaultValue) + "}");
    }

    private static String plainPart(String what, String text) {
        if (text.indexOf('$') >= 0 || text.indexOf('}') >= 0) {
            throw new IllegalArgumentException(what + " cannot hold '$' or '}' (docker-compose 1.29 and v2 read them "
                    + "differently there): '" + ComposeChecks.printable(text) + "'");
        }
        return text;
    }

    /** Literal strings, one per value. */
    static List<ComposeString> literals(List<String> values) {
        return values.stream().<ComposeString>map(Literal::new).toList();
    }

    /** A string compose reads back as written: its {@code $} are escaped as {@code $$}. */
    record Literal(String value) implements ComposeString {
        public Literal {
            Objects.requireNonNull(value, "a literal string");
        }

        @Override
        public String composeText() {
            return value.replace("$", "$$");
        }

        @Override
        public String text() {
            return value;
        }
    }

    /**
     * A template for compose's interpolation: literal text, {@code $$} for a literal {@code $}, and
     * variables written {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME-default}},
     * {@code ${NAME:?message}} or {@code ${NAME?message}}, the forms that docker-compose 1.29 and compose
     * v2 read alike. A default or message holds no {@code $} and no <code>}</code> (1.29 takes them
     * literally, v2 would interpolate them again); {@code $NAME} without braces and any other
     * {@code $} are refused.
     */
    record Interpolated(String template) implements ComposeString {
        private static final Pattern VARIABLE = Pattern.compile(
                "\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-|:\\?|\\?)([^}$]*))?}");

        public Interpolated {
            Objects.requireNonNull(template, "an interpolated string");
            variables(template);
        }

        /** The names of the variables the template reads, in order, repeated when read twice. */
        public List<String> variables() {
            return variables(template);
        }

        @Override
        public String composeText() {
            return template;
        }

        @Override
        public String text() {
            return template;
        }

        private static List<String> variables(String template) {
            List<String> names = new ArrayList<>();
            Matcher m = VARIABLE.matcher(template);
            int i = 0;
            while (i < template.length()) {
                int dollar = template.indexOf('$', i);
                if (dollar < 0) {
                    break;
                }
                if (template.startsWith("$$", dollar)) {
                    i = dollar + 2;
                } else if (m.find(dollar) && m.start() == dollar) {
                    names.add(m.group(1));
                    i = m.end();
                } else {
                    throw new IllegalArgumentException("the interpolated string '" + ComposeChecks.printable(template)
                            + "' has a '$' at " + dollar + " that is not a variable compose 1.29 and v2 both read: "
                            + "write ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message} or ${NAME?message} "
                            + "(a default or message without '$' or '}'), and $$ for a literal '$'");
                }
            }
            return List.copyOf(names);
        }
    }
}
