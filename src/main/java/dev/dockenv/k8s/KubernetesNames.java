package dev.dockenv.k8s;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The name rules of the Kubernetes API that a manifest's values must follow, each as a check that
 * says why a value breaks it ({@code problem...}: empty when the value is fine), and the one
 * derivation dockenv makes: an app's name turned into the base of every object's name.
 *
 * <ul>
 * <li>object names: a DNS-1035 label for Services ({@code [a-z]([-a-z0-9]*[a-z0-9])?}, at most 63
 * characters), which is also a valid DNS-1123 label for the Deployment, the ConfigMap, the Secret and
 * the container; dockenv uses one base name for all of them, so it keeps to the stricter rule;</li>
 * <li>port names: an IANA service name (at most 15 characters, lower-case letters, digits and
 * {@code -}, at least one letter, no {@code -} at either end or twice in a row);</li>
 * <li>label values: at most 63 characters, letters, digits, {@code -_.}, beginning and ending with a
 * letter or digit;</li>
 * <li>environment variable names: a C identifier ({@code [A-Za-z_][A-Za-z0-9_]*}), which every
 * Kubernetes version accepts and a ConfigMap key may be.</li>
 * </ul>
 */
public final class KubernetesNames {
    /** The longest suffix dockenv adds to the base name ({@code -secrets}). */
    static final String SECRET_SUFFIX = "-secrets";
    static final String CONFIG_SUFFIX = "-env";
    /** 63, the length of a DNS label, less the longest suffix: every derived name stays a label. */
    public static final int MAX_BASE_LENGTH = 63 - SECRET_SUFFIX.length();

    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern PORT_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern LABEL_VALUE = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern NOT_NAME_CHARACTERS = Pattern.compile("[^a-z0-9]+");
    private static final Pattern NOT_LABEL_CHARACTERS = Pattern.compile("[^-A-Za-z0-9_.]");
    /** Environment variables Kubernetes itself sets in every container, which a ConfigMap must not shadow. */
    private static final Set<String> RESERVED_ENV = Set.of("KUBERNETES_SERVICE_HOST", "KUBERNETES_SERVICE_PORT");

    private KubernetesNames() {
    }

    /**
     * The base of every object's name for an app called {@code appName}: lower case, each run of
     * characters other than {@code a-z0-9} one {@code -}, no {@code -} at either end, {@code app-}
     * before a name that begins with a digit (a Service's name begins with a letter), cut to
     * {@link #MAX_BASE_LENGTH} characters (and any {@code -} the cut leaves at the end dropped).
     * {@code My_Shop} gives {@code my-shop}, {@code 2048.game} gives {@code app-2048-game}.
     *
     * @throws IllegalArgumentException when nothing is left (a name without a letter or digit of
     *         a-z, 0-9 after lower-casing): {@link #problemDeriving} says so beforehand
     */
    public static String derive(String appName) {
        problemDeriving(appName).ifPresent(p -> {
            throw new IllegalArgumentException("no Kubernetes name can be made of the app name '" + appName + "': " + p);
        });
        String name = NOT_NAME_CHARACTERS.matcher(appName.toLowerCase(Locale.ROOT)).replaceAll("-");
        name = trimHyphens(name);
        if (Character.isDigit(name.charAt(0))) {
            name = "app-" + name;
        }
        if (name.length() > MAX_BASE_LENGTH) {
            name = trimHyphens(name.substring(0, MAX_BASE_LENGTH));
        }
        return name;
    }

    /** Why {@link #derive} cannot make a name of {@code appName}; empty when it can. */
    public static Optional<String> problemDeriving(String appName) {
        String rest = NOT_NAME_CHARACTERS.matcher(appName.toLowerCase(Locale.ROOT)).replaceAll("");
        return rest.isEmpty() ? Optional.of("it has no letter or digit a-z, 0-9") : Optional.empty();
    }

    /** Why {@code name} is not a base name dockenv can suffix (a DNS-1035 label of at most 55 characters). */
    public static Optional<String> problemWithBaseName(String name) {
        if (name.length() > MAX_BASE_LENGTH) {
            return Optional.of("it is longer than " + MAX_BASE_LENGTH + " characters (with '" + SECRET_SUFFIX
                    + "' it must stay within a DNS label's 63)");
        }
        if (!DNS_1035_LABEL.matcher(name).matches()) {
            return Optional.of("it is not a DNS-1035 label (lower-case letters, digits and '-', beginning with a "
                    + "letter, ending with a letter or digit)");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a DNS-1123 label (a Secret's or ConfigMap's name here); empty when it is one. */
    public static Optional<String> problemWithLabelName(String name) {
        if (name.length() > 63) {
            return Optional.of("it is longer than 63 characters");
        }
        if (!DNS_1123_LABEL.matcher(name).matches()) {
            return Optional.of("it is not a DNS-1123 label (lower-case letters, digits and '-', beginning and "
                    + "ending with a letter or digit)");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a DNS-1123 subdomain (an image pull Secret's name); empty when it is one. */
    public static Optional<String> problemWithSubdomain(String name) {
        if (name.length() > 253) {
            return Optional.of("it is longer than 253 characters");
        }
        if (!DNS_1123_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("it is not a DNS-1123 subdomain (dot-separated lower-case labels of letters, digits "
                    + "and '-')");
        }
        return Optional.empty();
    }

    /** Why {@code name} is not a port name (IANA_SVC_NAME); empty when it is one. */
    public static Optional<String> problemWithPortName(String name) {
        if (name.length() > 15) {
            return Optional.of("it is longer than 15 characters");
        }
        if (!PORT_NAME.matcher(name).matches() || name.contains("--")) {
            return Optional.of("it is not an IANA service name (lower-case letters, digits and single '-' inside)");
        }
        if (name.chars().noneMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.of("it has no letter");
        }
        return Optional.empty();
    }

    /** Why {@code value} is not a label value (an empty value is one); empty when it is one. */
    public static Optional<String> problemWithLabelValue(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > 63) {
            return Optional.of("it is longer than 63 characters");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            return Optional.of("a label value holds letters, digits and '-_.', beginning and ending with a letter "
                    + "or digit");
        }
        return Optional.empty();
    }

    /**
     * A version as the value of the label {@code app.kubernetes.io/version}: each character a label
     * value cannot hold becomes {@code _} ({@code 1.4.0+local.2} gives {@code 1.4.0_local.2}, the
     * epoch of {@code 1!2.0} gives {@code 1_2.0}), then cut to 63 characters and to a letter or digit
     * at either end. Empty when nothing is left.
     */
    public static String versionLabel(String version) {
        String value = NOT_LABEL_CHARACTERS.matcher(version).replaceAll("_");
        if (value.length() > 63) {
            value = value.substring(0, 63);
        }
        int start = 0;
        int end = value.length();
        while (start < end && !Character.isLetterOrDigit(value.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    /** Why {@code name} cannot be an environment variable of the manifest; empty when it can. */
    public static Optional<String> problemWithEnvName(String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            return Optional.of("an environment variable's name is a letter or '_' followed by letters, digits and '_'");
        }
        if (RESERVED_ENV.contains(name)) {
            return Optional.of("Kubernetes sets it in every container");
        }
        return Optional.empty();
    }

    /** Why {@code key} cannot be a key of a Secret; empty when it can. */
    public static Optional<String> problemWithSecretKey(String key) {
        if (key.length() > 253) {
            return Optional.of("it is longer than 253 characters");
        }
        if (!SECRET_KEY.matcher(key).matches() || key.equals(".") || key.equals("..")) {
            return Optional.of("a Secret's key holds letters, digits and '-._' (and is not '.' or '..')");
        }
        return Optional.empty();
    }

    static String require(String what, String value, Optional<String> problem) {
        problem.ifPresent(p -> {
            throw new IllegalArgumentException(what + " '" + printable(value) + "' is not valid: " + p);
        });
        return value;
    }

    /** A value on one line: control characters escaped. */
    static String printable(String value) {
        StringBuilder s = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    private static String trimHyphens(String name) {
        int start = 0;
        int end = name.length();
        while (start < end && name.charAt(start) == '-') {
            start++;
        }
        while (end > start && name.charAt(end - 1) == '-') {
            end--;
        }
        return name.substring(start, end);
    }
}
