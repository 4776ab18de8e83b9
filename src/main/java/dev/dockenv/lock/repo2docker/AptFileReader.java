package dev.dockenv.lock.repo2docker;

import dev.dockenv.io.Utf8File;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads repo2docker's {@code apt.txt}: one Debian package per line, {@code #} starts a comment
 * anywhere on a line, blank lines and surrounding blanks are ignored (repo2docker takes
 * {@code line.partition("#")[0].strip()}). A line is {@code name}, {@code name=version} or
 * {@code name/release}; names follow Debian policy (lower-case letters, digits, {@code + - .},
 * at least two characters, starting with a letter or digit). repo2docker only checks that a line
 * starts like a name and then hands the lines to the shell, so anything else (a second word,
 * shell syntax) is an {@link InputException} here, at its line and column.
 */
public final class AptFileReader {
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final String SHELL_CHARACTERS = ";&|<>$`\\\"'()*?[]{}!~^";
    private static final String PER_LINE_HINT = "write one package per line";

    private AptFileReader() {
    }

    public static List<AptPackage> read(Path file) {
        return parse(file, Utf8File.read(file));
    }

    /** Parses {@code content}; {@code file} names it in locations. */
    public static List<AptPackage> parse(Path file, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        String[] lines = LINE_BREAK.split(text, -1);
        List<AptPackage> packages = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            new Line(file, i + 1, lines[i]).parse().ifPresent(packages::add);
        }
        return List.copyOf(packages);
    }

    /** One physical line, read left to right. */
    private static final class Line {
        private final Path file;
        private final int number;
        private final String text;
        private final int end;
        private int pos;
        private int nameStart;

        Line(Path file, int number, String text) {
            this.file = file;
            this.number = number;
            this.text = text;
            int hash = text.indexOf('#');
            int e = hash < 0 ? text.length() : hash;
            while (e > 0 && Character.isWhitespace(text.charAt(e - 1))) {
                e--;
            }
            this.end = e;
        }

        Optional<AptPackage> parse() {
            while (pos < end && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (pos == end) {
                return Optional.empty();
            }
            nameStart = pos;
            String name = name();
            Optional<String> version = Optional.empty();
            Optional<String> release = Optional.empty();
            if (pos < end && text.charAt(pos) == '=') {
                version = Optional.of(version(name));
            } else if (pos < end && text.charAt(pos) == '/') {
                release = Optional.of(release(name));
            }
            if (pos < end) {
                rest(name);
            }
            return Optional.of(new AptPackage(name, version, release, at(nameStart)));
        }

        private String name() {
            int start = pos;
            while (pos < end && isNameChar(Character.toLowerCase(text.charAt(pos)))) {
                pos++;
            }
            String name = text.substring(start, pos);
            if (name.isEmpty()) {
                throw unexpected("expected a Debian package name");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.equals(name)) {
                int upper = 0;
                while (name.charAt(upper) == lower.charAt(upper)) {
                    upper++;
                }
                throw error(start + upper, "Debian package names are lower case: '" + name + "'",
                        "write " + lower);
            }
            if (!Character.isLetterOrDigit(name.charAt(0))) {
                throw error(start, "a Debian package name starts with a letter or digit: '" + name + "'", null);
            }
            if (name.length() < 2) {
                throw error(start, "a Debian package name has at least two characters: '" + name + "'", null);
            }
            return name;
        }

        /** {@code =[epoch:]upstream[-revision]}: the upstream version starts with a digit. */
        private String version(String name) {
            pos++;
            int start = pos;
            while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || ".+~:-".indexOf(text.charAt(pos)) >= 0)
                    && text.charAt(pos) < 128) {
                pos++;
            }
            String version = text.substring(start, pos);
            if (version.isEmpty()) {
                throw unexpected("expected a version after '" + name + "='");
            }
            int colon = version.indexOf(':');
            String upstream = version;
            if (colon >= 0) {
                if (colon == 0 || !version.substring(0, colon).chars().allMatch(Character::isDigit)) {
                    throw error(start, "the epoch before ':' in version '" + version + "' must be a number", null);
                }
                upstream = version.substring(colon + 1);
            }
            if (upstream.isEmpty() || !Character.isDigit(upstream.charAt(0))) {
                throw error(start + (colon + 1), "a Debian version starts with a digit: '" + version + "'", null);
            }
            return version;
        }

        /** {@code /release}: a suite or codename such as bookworm-backports. */
        private String release(String name) {
            pos++;
            int start = pos;
            while (pos < end && (Character.isLetterOrDigit(text.charAt(pos)) || ".+_-".indexOf(text.charAt(pos)) >= 0)
                    && text.charAt(pos) < 128) {
                pos++;
            }
            if (start == pos) {
                throw unexpected("expected a release such as bookworm-backports after '" + name + "/'");
            }
            return text.substring(start, pos);
        }

        /** Something follows the package: a second word, shell syntax or a stray character. */
        private void rest(String name) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c)) {
                int next = pos;
                while (next < end && Character.isWhitespace(text.charAt(next))) {
                    next++;
                }
                throw error(next, "one package per line: '" + text.substring(next, end) + "' follows '"
                        + text.substring(nameStart, pos) + "'", PER_LINE_HINT);
            }
            if (c == ':') {
                throw error(pos, "architecture qualifiers such as '" + name + ":i386' are not supported", null);
            }
            if (SHELL_CHARACTERS.indexOf(c) >= 0) {
                throw error(pos, "'" + c + "' is not allowed in apt.txt",
                        "repo2docker passes each line to the shell: list package names only");
            }
            throw error(pos, "invalid character '" + c + "' after '" + text.substring(nameStart, pos) + "'",
                    "write name, name=version or name/release");
        }

        private static boolean isNameChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
        }

        private InputException unexpected(String expected) {
            if (pos >= end) {
                return error(pos, expected, null);
            }
            char c = text.charAt(pos);
            if (SHELL_CHARACTERS.indexOf(c) >= 0) {
                return error(pos, "'" + c + "' is not allowed in apt.txt",
                        "repo2docker passes each line to the shell: list package names only");
            }
            return error(pos, expected + ", found '" + c + "'", null);
        }

        private SourceLocation at(int index) {
            return new SourceLocation(file, number, index + 1);
        }

        private InputException error(int index, String problem, String hint) {
            return new InputException(at(index), problem, hint);
        }
    }
}
