package dev.dockenv.packaging;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An INI file read the way setuptools reads setup.cfg: Python's {@code configparser.ConfigParser}
 * with its defaults (strict: no section or option twice; {@code =} or {@code :} between key and
 * value; {@code #} and {@code ;} start full-line comments only; lines indented deeper than their
 * key continue its value; a {@code [DEFAULT]} section shared by all) and option names kept as
 * written. Values are interpolated on reading as {@code BasicInterpolation} does ({@code %%},
 * {@code %(key)s}). What configparser would refuse is an {@link InputException} at its line.
 */
public final class IniFile {
    /** configparser's default section, whose options every section sees. */
    public static final String DEFAULT_SECTION = "DEFAULT";

    private static final Pattern SECTION = Pattern.compile("^\\[(.+)]");
    private static final Pattern OPTION = Pattern.compile("^(.*?)\\s*([=:])\\s*(.*)$");
    private static final Pattern REFERENCE = Pattern.compile("^%\\(([^)]+)\\)s");
    private static final int MAX_INTERPOLATION_DEPTH = 10;

    /**
     * One option: its name as written, its raw (not interpolated) value, where its key is, and the
     * line number of each line of the value.
     */
    public record Option(String name, String rawValue, SourceLocation location, List<Integer> valueLines) {
        public Option {
            valueLines = List.copyOf(valueLines);
        }

        /** Where the value's line {@code index} (0-based, the value split into lines) is written. */
        public SourceLocation lineLocation(int index) {
            return index < valueLines.size() ? new SourceLocation(location.file(), valueLines.get(index), 0) : location;
        }
    }

    private final Path file;
    private final Map<String, SourceLocation> sections;
    private final Map<String, Map<String, Option>> options;

    private IniFile(Path file, Map<String, SourceLocation> sections, Map<String, Map<String, Option>> options) {
        this.file = file;
        this.sections = sections;
        this.options = options;
    }

    public static IniFile parse(Path file, String text) {
        Map<String, SourceLocation> sections = new LinkedHashMap<>();
        Map<String, Map<String, Option>> options = new LinkedHashMap<>();
        // (section, option) -> lines: a list key, as either name may hold any character (NUL included)
        Map<List<String>, List<String>> values = new LinkedHashMap<>();
        Map<List<String>, List<Integer>> valueLines = new LinkedHashMap<>();
        Map<List<String>, SourceLocation> optionAt = new LinkedHashMap<>();
        String section = null;
        String option = null;
        int indentLevel = 0;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            String stripped = line.strip();
            boolean comment = stripped.startsWith("#") || stripped.startsWith(";");
            if (stripped.isEmpty() || comment) {
                // an empty line belongs to the value being read (trailing ones are dropped); a comment does not
                if (!comment && section != null && option != null) {
                    values.get(List.of(section, option)).add("");
                    valueLines.get(List.of(section, option)).add(lineNo);
                }
                continue;
            }
            int indent = indentOf(line);
            if (section != null && option != null && indent > indentLevel) {
                values.get(List.of(section, option)).add(stripped);
                valueLines.get(List.of(section, option)).add(lineNo);
                continue;
            }
            indentLevel = indent;
            Matcher header = SECTION.matcher(stripped);
            if (header.find()) {
                section = header.group(1);
                option = null;
                if (section.equals(DEFAULT_SECTION) && sections.containsKey(section)) {
                    continue; // configparser reads a second [DEFAULT] into the first
                }
                if (sections.containsKey(section)) {
                    throw new InputException(new SourceLocation(file, lineNo, indent + 1), "section [" + section
                            + "] is already defined at line " + sections.get(section).line()
                            + " (configparser refuses a section twice)", "merge the two sections");
                }
                sections.put(section, new SourceLocation(file, lineNo, indent + 1));
                options.put(section, new LinkedHashMap<>());
                continue;
            }
            if (section == null) {
                throw new InputException(new SourceLocation(file, lineNo, indent + 1),
                        "a line before any [section] header (configparser refuses it)",
                        "start the file with a section such as [metadata]");
            }
            Matcher m = OPTION.matcher(stripped);
            if (!m.matches() || m.group(1).isEmpty()) {
                throw new InputException(new SourceLocation(file, lineNo, indent + 1),
                        "not a 'key = value' line, a [section] header or a comment (configparser refuses it)",
                        "indent a line that continues the value above it");
            }
            option = m.group(1).stripTrailing();
            List<String> key = List.of(section, option);
            if (values.containsKey(key)) {
                throw new InputException(new SourceLocation(file, lineNo, indent + 1), "option '" + option
                        + "' is already set in [" + section + "] at line " + optionAt.get(key).line()
                        + " (configparser refuses an option twice)", "keep one of them");
            }
            List<String> value = new ArrayList<>();
            value.add(m.group(3).strip());
            values.put(key, value);
            valueLines.put(key, new ArrayList<>(List.of(lineNo)));
            optionAt.put(key, new SourceLocation(file, lineNo, indent + 1));
        }
        for (Map.Entry<List<String>, List<String>> e : values.entrySet()) {
            List<String> parts = e.getKey();
            String joined = String.join("\n", e.getValue()).stripTrailing();
            options.get(parts.get(0)).put(parts.get(1), new Option(parts.get(1), joined, optionAt.get(e.getKey()),
                    valueLines.get(e.getKey())));
        }
        return new IniFile(file, sections, options);
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && Character.isWhitespace(line.charAt(n))) {
            n++;
        }
        return n;
    }

    public Path file() {
        return file;
    }

    public boolean hasSection(String section) {
        return sections.containsKey(section);
    }

    public Optional<SourceLocation> sectionLocation(String section) {
        return Optional.ofNullable(sections.get(section));
    }

    /** The options of a section as written (the DEFAULT section's too, as configparser lists them). */
    public List<Option> options(String section) {
        Map<String, Option> all = new LinkedHashMap<>();
        if (!section.equals(DEFAULT_SECTION)) {
            all.putAll(options.getOrDefault(DEFAULT_SECTION, Map.of()));
        }
        all.putAll(options.getOrDefault(section, Map.of()));
        return List.copyOf(all.values());
    }

    /**
     * The option whose name, lower-cased with dashes as underscores (as setuptools reads them),
     * is {@code key}; the last one written wins, as in setuptools.
     */
    public Optional<Option> option(String section, String key) {
        Option found = null;
        for (Option o : options(section)) {
            if (normalize(o.name()).equals(key)) {
                found = o;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The interpolated value of an option (see {@link #option}). */
    public Optional<String> get(String section, String key) {
        return option(section, key).map(o -> interpolate(section, o, o.rawValue(), 1));
    }

    /** A setup.cfg option name as setuptools compares it. */
    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }

    private String interpolate(String section, Option at, String value, int depth) {
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw new InputException(at.location(), "'" + at.name() + "': interpolation nested too deeply",
                    "write %% for a literal percent sign");
        }
        StringBuilder out = new StringBuilder();
        String rest = value;
        while (!rest.isEmpty()) {
            int p = rest.indexOf('%');
            if (p < 0) {
                out.append(rest);
                break;
            }
            out.append(rest, 0, p);
            rest = rest.substring(p);
            if (rest.startsWith("%%")) {
                out.append('%');
                rest = rest.substring(2);
                continue;
            }
            Matcher ref = REFERENCE.matcher(rest);
            if (!rest.startsWith("%(") || !ref.find()) {
                throw new InputException(at.location(), "'" + at.name() + "': configparser reads '%' as the start of "
                        + "an interpolation ('%%' or '%(name)s'), found: " + firstLine(rest),
                        "write %% for a literal percent sign");
            }
            String name = ref.group(1);
            Option referenced = null;
            for (Option o : options(section)) {
                if (o.name().equals(name)) {
                    referenced = o;
                }
            }
            if (referenced == null) {
                throw new InputException(at.location(), "'" + at.name() + "': %(" + name + ")s names no option of ["
                        + section + "]", "write %% for a literal percent sign");
            }
            out.append(interpolate(section, referenced, referenced.rawValue(), depth + 1));
            rest = rest.substring(ref.end());
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
