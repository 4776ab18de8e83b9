package dev.dockenv.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Docker image reference as the engine reads it ({@code [host[:port]/]path[:tag][@algorithm:hex]}),
 * the grammar of distribution's reference package: the repository path lower case, nothing else
 * (no whitespace, no line break), so that a reference can never carry a second Dockerfile
 * instruction or a {@code FROM ... AS} clause.
 */
public final class ImageReference {
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = "(?:" + DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*"
            + "|\\[[0-9a-fA-F:]+\\])(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::" + TAG + ")?(?:@" + DIGEST + ")?");
    private static final int MAX_NAME_LENGTH = 255;

    private ImageReference() {
    }

    public static boolean isValid(String reference) {
        return problem(reference).isEmpty();
    }

    /** Why {@code reference} is not an image reference, in words; empty when it is one. */
    public static Optional<String> problem(String reference) {
        if (reference.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (reference.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            return Optional.of("it holds a line break");
        }
        if (reference.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return Optional.of("it holds whitespace");
        }
        if (reference.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("it holds a control character");
        }
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            String lower = reference.toLowerCase(Locale.ROOT);
            if (!lower.equals(reference) && REFERENCE.matcher(lower).matches()) {
                return Optional.of("the repository path must be lower case");
            }
            return Optional.of("it is not of the form [registry[:port]/]path[:tag][@sha256:digest]");
        }
        if (m.group(1).length() > MAX_NAME_LENGTH) {
            return Optional.of("the repository name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /**
     * Why {@code repository} is not a repository name (a reference without tag or digest, as a
     * release names where its tags go); empty when it is one.
     */
    public static Optional<String> repositoryProblem(String repository) {
        Optional<String> problem = problem(repository);
        if (problem.isPresent()) {
            return problem;
        }
        Matcher m = REFERENCE.matcher(repository);
        m.matches();
        return m.group(1).equals(repository) ? Optional.empty()
                : Optional.of("it has a tag or digest (dockenv release adds the tags)");
    }

    /** The reference, or an IllegalArgumentException saying why it is not one. */
    public static String require(String reference) {
        problem(reference).ifPresent(p -> {
            throw new IllegalArgumentException("'" + printable(reference) + "' is not an image reference: " + p);
        });
        return reference;
    }

    /** A value as it can be shown on one line: line breaks and other control characters escaped. */
    public static String printable(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
