package dev.dockenv.lock.conda;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a MatchSpec the way conda's {@code _parse_spec_str} does: a {@code #} comment is cut off,
 * an explicit package URL ({@code .conda}, {@code .tar.bz2}) names itself, a trailing
 * {@code [key=value, ...]} overrides fields, {@code channel::} comes first, then the name, then
 * version and build separated by a blank or {@code =}.
 */
final class MatchSpecParser {
    /** conda's {@code _parse_version_plus_build}: the build follows a blank or '=' that no operator precedes. */
    private static final Pattern VERSION_PLUS_BUILD =
            Pattern.compile("((?:.+?)[^><!,|]?)(?:(?<![=!|,<>~])(?:[ =])([^-=,|<>~]+?))?$");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");
    private static final Pattern BUILD = Pattern.compile("[A-Za-z0-9_.*+!]+");
    private static final String NAME_END = " =<>!~";
    private static final String NOT_IN_CHANNEL = " \t=<>!,|[]'\"";
    private static final List<String> BRACKET_KEYS = List.of("version", "build", "channel", "subdir",
            "build_number", "md5", "sha256", "url", "fn", "license", "license_family", "track_features",
            "features", "namespace", "name");
    private static final List<String> PACKAGE_SUFFIXES = List.of(".tar.bz2", ".conda");

    private final String text;
    private String channel;
    private String name;
    private String version;
    private String build;

    private MatchSpecParser(String text) {
        this.text = text;
    }

    static MatchSpec parse(String text, SourceLocation at) {
        MatchSpecParser p = new MatchSpecParser(text);
        try {
            p.parse();
        } catch (CondaSyntaxException e) {
            int column = at.column() > 0 ? at.column() + e.column() - 1 : 0;
            throw new InputException(new SourceLocation(at.file(), at.line(), column),
                    "invalid conda dependency '" + text.strip() + "': " + e.getMessage(),
                    "write a conda MatchSpec such as numpy, numpy=1.26, 'numpy>=1.20,<2' or conda-forge::numpy");
        }
        return new MatchSpec(Optional.ofNullable(p.channel), p.name, Optional.ofNullable(p.version),
                Optional.ofNullable(p.build), text, at);
    }

    private void parse() throws CondaSyntaxException {
        int end = text.indexOf('#');
        end = end < 0 ? text.length() : end;
        int start = 0;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            throw new CondaSyntaxException("the dependency is empty", 1);
        }
        String region = text.substring(start, end);
        if (PACKAGE_SUFFIXES.stream().anyMatch(region::endsWith)) {
            packageFile(region, start);
            return;
        }
        Map<String, Bracketed> brackets = Map.of();
        if (region.endsWith("]")) {
            int open = region.lastIndexOf('[');
            if (open < 0) {
                throw new CondaSyntaxException("']' without '['", end);
            }
            brackets = brackets(region.substring(open + 1, region.length() - 1), start + open + 1);
            end = start + open;
            while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
        } else {
            int bracket = firstOf(region, "[]");
            if (bracket >= 0) {
                throw new CondaSyntaxException("'" + region.charAt(bracket) + "' here: [key=value, ...] must come last",
                        start + bracket + 1);
            }
        }
        int nameStart = channel(start, end);
        int nameEnd = nameStart;
        while (nameEnd < end && NAME_END.indexOf(text.charAt(nameEnd)) < 0) {
            nameEnd++;
        }
        name(nameStart, nameEnd);
        versionAndBuild(nameEnd, end);
        applyBrackets(brackets);
    }

    /** {@code channel::name}, as conda's rsplit(':', 2); returns where the name starts. */
    private int channel(int start, int end) throws CondaSyntaxException {
        int last = text.lastIndexOf(':', end - 1);
        if (last < start) {
            return start;
        }
        int previous = last > start ? text.lastIndexOf(':', last - 1) : -1;
        if (previous < start) {
            throw new CondaSyntaxException("a single ':' here: write two to name a channel, as in conda-forge::"
                    + text.substring(last + 1, end).strip(), last + 1);
        }
        if (previous != last - 1) {
            throw new CondaSyntaxException("unexpected ':': write channel::package", previous + 1);
        }
        String written = text.substring(start, previous);
        if (written.isEmpty()) {
            throw new CondaSyntaxException("expected a channel name before '::'", start + 1);
        }
        for (int i = 0; i < written.length(); i++) {
            if (NOT_IN_CHANNEL.indexOf(written.charAt(i)) >= 0) {
                throw new CondaSyntaxException("invalid character '" + written.charAt(i) + "' in channel '" + written
                        + "'", start + i + 1);
            }
        }
        channel = written;
        return last + 1;
    }

    private void name(int start, int end) throws CondaSyntaxException {
        String written = text.substring(start, end);
        if (written.isEmpty()) {
            String found = start < text.length() ? "'" + text.charAt(start) + "'" : "the end";
            throw new CondaSyntaxException("expected a package name, found " + found, start + 1);
        }
        if (written.indexOf('*') >= 0) {
            throw new CondaSyntaxException("a package name cannot be a '*' pattern in an environment",
                    start + written.indexOf('*') + 1);
        }
        if (!NAME.matcher(written).matches()) {
            int bad = 0;
            while (bad < written.length() && NAME.matcher(written.substring(0, bad + 1)).matches()) {
                bad++;
            }
            throw new CondaSyntaxException("invalid character '" + written.charAt(bad) + "' in package name '"
                    + written + "'", start + bad + 1);
        }
        name = written;
    }

    private void versionAndBuild(int start, int end) throws CondaSyntaxException {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == end) {
            return;
        }
        String rest = text.substring(start, end);
        Matcher m = VERSION_PLUS_BUILD.matcher(rest);
        String versionPart = rest;
        int buildStart = -1;
        if (m.find() && m.start() == 0) {
            versionPart = m.group(1);
            buildStart = m.group(2) == null ? -1 : m.start(2);
        }
        StringBuilder compact = new StringBuilder();
        int[] origin = new int[versionPart.length() + 1];
        for (int i = 0; i < versionPart.length(); i++) {
            char c = versionPart.charAt(i);
            if (c != ' ' && c != '\t') {
                origin[compact.length()] = start + i;
                compact.append(c);
            }
        }
        origin[compact.length()] = start + versionPart.length();
        version = compact.toString();
        try {
            CondaVersionSpec.validate(version);
        } catch (CondaSyntaxException e) {
            int index = Math.min(e.column() - 1, compact.length());
            throw new CondaSyntaxException(e.getMessage(), origin[index] + 1);
        }
        if (buildStart >= 0) {
            String written = rest.substring(buildStart).strip();
            validateBuild(written, start + buildStart);
            build = written;
        }
    }

    private static void validateBuild(String written, int at) throws CondaSyntaxException {
        if (!BUILD.matcher(written).matches()) {
            int bad = 0;
            while (bad < written.length() && BUILD.matcher(String.valueOf(written.charAt(bad))).matches()) {
                bad++;
            }
            String what = Character.isWhitespace(written.charAt(bad))
                    ? "unexpected blank in build string '" + written + "'"
                    : "invalid character '" + written.charAt(bad) + "' in build string '" + written + "'";
            throw new CondaSyntaxException(what, at + bad + 1);
        }
    }

    /** An explicit package: {@code https://.../name-version-build.conda} or a local path. */
    private void packageFile(String region, int start) throws CondaSyntaxException {
        int slash = region.lastIndexOf('/');
        String file = region.substring(slash + 1);
        String stem = PACKAGE_SUFFIXES.stream().filter(file::endsWith).findFirst()
                .map(s -> file.substring(0, file.length() - s.length())).orElseThrow();
        int buildDash = stem.lastIndexOf('-');
        int versionDash = buildDash > 0 ? stem.lastIndexOf('-', buildDash - 1) : -1;
        if (versionDash <= 0) {
            throw new CondaSyntaxException("a package file is named name-version-build" + file.substring(stem.length()),
                    start + slash + 2);
        }
        if (slash > 0) {
            channel = region.substring(0, slash);
        }
        name = stem.substring(0, versionDash);
        version = "==" + stem.substring(versionDash + 1, buildDash);
        build = stem.substring(buildDash + 1);
    }

    /** A value in brackets and the column where it starts. */
    private record Bracketed(String value, int column) {
    }

    /** {@code version='>=1.2', build=py*}: keys and values, quotes optional. */
    private Map<String, Bracketed> brackets(String content, int offset) throws CondaSyntaxException {
        Map<String, Bracketed> out = new LinkedHashMap<>();
        int i = 0;
        while (true) {
            i = skipBlanks(content, i);
            int keyStart = i;
            while (i < content.length() && (Character.isLetterOrDigit(content.charAt(i)) || content.charAt(i) == '_')) {
                i++;
            }
            String key = content.substring(keyStart, i);
            if (key.isEmpty()) {
                throw new CondaSyntaxException("expected a key inside [...], such as version='>=1.2'", offset + i + 1);
            }
            if (!BRACKET_KEYS.contains(key)) {
                throw new CondaSyntaxException("unknown key '" + key + "' inside [...]; conda knows "
                        + String.join(", ", BRACKET_KEYS), offset + keyStart + 1);
            }
            i = skipBlanks(content, i);
            if (i >= content.length() || content.charAt(i) != '=') {
                throw new CondaSyntaxException("expected '=' after '" + key + "'", offset + i + 1);
            }
            i = skipBlanks(content, i + 1);
            String value;
            int valueStart;
            if (i < content.length() && (content.charAt(i) == '\'' || content.charAt(i) == '"')) {
                char quote = content.charAt(i);
                int close = content.indexOf(quote, i + 1);
                if (close < 0) {
                    throw new CondaSyntaxException("unterminated " + quote + " quote", offset + i + 1);
                }
                valueStart = i + 1;
                value = content.substring(i + 1, close);
                i = close + 1;
            } else {
                valueStart = i;
                while (i < content.length() && content.charAt(i) != ',') {
                    i++;
                }
                value = content.substring(valueStart, i).strip();
            }
            if (value.isEmpty()) {
                throw new CondaSyntaxException("expected a value for '" + key + "'", offset + valueStart + 1);
            }
            out.put(key, new Bracketed(value, offset + valueStart + 1));
            i = skipBlanks(content, i);
            if (i >= content.length()) {
                return out;
            }
            if (content.charAt(i) != ',') {
                throw new CondaSyntaxException("expected ',' or ']' after the value of '" + key + "'", offset + i + 1);
            }
            i++;
        }
    }

    private void applyBrackets(Map<String, Bracketed> brackets) throws CondaSyntaxException {
        Bracketed v = brackets.get("version");
        if (v != null) {
            String compact = v.value().replace(" ", "");
            try {
                CondaVersionSpec.validate(compact);
            } catch (CondaSyntaxException e) {
                throw e.shiftedBy(v.column() - 1);
            }
            version = compact;
        }
        Bracketed b = brackets.get("build");
        if (b != null) {
            validateBuild(b.value(), b.column() - 1);
            build = b.value();
        }
        Bracketed c = brackets.get("channel");
        if (c != null && channel == null) {
            channel = c.value();
        }
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
