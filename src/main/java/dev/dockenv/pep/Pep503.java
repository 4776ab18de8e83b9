package dev.dockenv.pep;

import java.util.Locale;
import java.util.regex.Pattern;

/** Project names: PEP 503 normalization and the PEP 508 name rule. */
public final class Pep503 {
    private static final Pattern SEPARATOR_RUN = Pattern.compile("[-_.]+");
    private static final Pattern VALID_NAME =
            Pattern.compile("^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$", Pattern.CASE_INSENSITIVE);

    private Pep503() {
    }

    /** {@code Foo.Bar_baz} becomes {@code foo-bar-baz}. */
    public static String normalize(String name) {
        return SEPARATOR_RUN.matcher(name).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} is a valid PEP 508 project (or extra) name. */
    public static boolean isValidName(String name) {
        return VALID_NAME.matcher(name).matches();
    }
}
