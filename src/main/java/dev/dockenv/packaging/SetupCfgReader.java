package dev.dockenv.packaging;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.ProjectFileCheck;
import dev.dockenv.io.Utf8File;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.dockenv.python.DeclaredPython;

/**
 * Reads setup.cfg as setuptools does ({@link IniFile}, then setuptools' value syntax: lists split
 * on lines or commas (requirement lists on lines or semicolons), {@code key = value} dicts,
 * {@code file:} and {@code attr:} directives). What it must read and cannot (an INI syntax error,
 * an invalid requirement, a {@code file:} outside the project) is an error at its line.
 */
public final class SetupCfgReader {
    private static final String METADATA = "metadata";
    private static final String OPTIONS = "options";
    private static final String FILE = "file:";
    private static final String ATTR = "attr:";

    private SetupCfgReader() {
    }

    public static SetupCfg read(Path root, Path file) {
        return read(root, IniFile.parse(file, Utf8File.read(file)));
    }

    public static SetupCfg read(Path root, IniFile ini) {
        Set<String> referenced = new LinkedHashSet<>();
        Optional<String> name = ini.get(METADATA, "name").map(String::strip).filter(s -> !s.isEmpty());
        Optional<String> versionAttr = Optional.empty();
        Optional<SourceLocation> versionAt = ini.option(METADATA, "version").map(IniFile.Option::location);
        Optional<String> version = ini.get(METADATA, "version").map(String::strip);
        if (version.isPresent() && version.get().startsWith(ATTR)) {
            versionAttr = Optional.of(version.get().substring(ATTR.length()).strip());
        }
        for (IniFile.Option o : ini.options(METADATA)) {
            String value = ini.get(METADATA, IniFile.normalize(o.name())).orElse("").strip();
            if (value.startsWith(FILE)) {
                referenced.addAll(fileDirective(root, o, value));
            }
        }
        for (String key : List.of("license_file", "license_files")) {
            ini.option(METADATA, key).ifPresent(o -> {
                for (String pattern : list(ini.get(METADATA, key).orElse(""), ",")) {
                    referenced.addAll(ProjectFiles.glob(root, pattern));
                }
            });
        }
        ini.option(OPTIONS, "entry_points").ifPresent(o -> {
            String value = ini.get(OPTIONS, "entry_points").orElse("").strip();
            if (value.startsWith(FILE)) {
                referenced.addAll(fileDirective(root, o, value));
            }
        });

        List<DeclaredRequirement> install = ini.option(OPTIONS, "install_requires")
                .map(o -> requirements(root, ini, OPTIONS, o, referenced)).orElse(List.of());
        Map<String, List<DeclaredRequirement>> extras = new LinkedHashMap<>();
        for (IniFile.Option o : ini.options("options.extras_require")) {
            extras.put(Pep503.normalize(o.name()), requirements(root, ini, "options.extras_require", o, referenced));
        }
        Map<String, String> packageDir = new LinkedHashMap<>();
        ini.option(OPTIONS, "package_dir").ifPresent(o -> {
            for (String line : list(ini.get(OPTIONS, "package_dir").orElse(""), ",")) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    throw new InputException(o.location(), "package_dir: '" + line + "' is not 'package = folder'",
                            "write '=src' for a src layout");
                }
                packageDir.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        });
        List<String> packages = new ArrayList<>();
        ini.get(OPTIONS, "packages").map(String::strip).filter(v -> !v.startsWith("find:")
                && !v.startsWith("find_namespace:")).ifPresent(v -> packages.addAll(list(v, ",")));
        Optional<DeclaredPython> pythonRequires = ini.option(OPTIONS, "python_requires")
                .map(o -> new DeclaredPython(ini.get(OPTIONS, "python_requires").orElse("").strip(),
                        o.location()));
        List<String> scripts = new ArrayList<>();
        ini.get("options.entry_points", "console_scripts").ifPresent(v -> {
            for (String line : list(v, ",")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    scripts.add(line.substring(0, eq).strip());
                }
            }
        });
        return new SetupCfg(ini.file(), name, versionAttr, versionAt, List.copyOf(referenced), install, extras,
                packageDir, packages, pythonRequires, scripts);
    }

    /** setuptools' _parse_list: one item a line when the value has several lines, else split on the separator. */
    static List<String> list(String value, String separator) {
        String[] items = value.contains("\n") ? value.split("\n") : value.split(java.util.regex.Pattern.quote(separator));
        List<String> out = new ArrayList<>();
        for (String item : items) {
            if (!item.strip().isEmpty()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    /** The files of a {@code file: a, b} directive that exist (setuptools skips missing ones). */
    private static List<String> fileDirective(Path root, IniFile.Option at, String value) {
        List<String> out = new ArrayList<>();
        for (String path : value.substring(FILE.length()).split(",")) {
            String p = path.strip();
            if (p.isEmpty()) {
                continue;
            }
            Optional<String> inside = ProjectFiles.inside(root, p);
            if (inside.isEmpty()) {
                throw new InputException(at.location(), at.name() + ": file: " + p + " is outside the project",
                        "setuptools reads only files inside the project folder");
            }
            Path file = root.resolve(inside.get());
            if (ProjectFileCheck.present(file)) {
                ProjectFileCheck.checkInProject(root, file);
                out.add(inside.get());
            }
        }
        return out;
    }

    /** setuptools' requirement list: a file: directive or lines (or ';'-separated), '#' lines dropped. */
    private static List<DeclaredRequirement> requirements(Path root, IniFile ini, String section, IniFile.Option o,
            Set<String> referenced) {
        String value = ini.get(section, IniFile.normalize(o.name())).orElse("");
        List<DeclaredRequirement> out = new ArrayList<>();
        if (value.strip().startsWith(FILE)) {
            for (String file : fileDirective(root, o, value.strip())) {
                referenced.add(file);
                Path path = root.resolve(file);
                List<String> lines = Utf8File.read(path).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        out.add(validated(line, new SourceLocation(path, i + 1, 1)));
                    }
                }
            }
            return out;
        }
        boolean byLine = value.contains("\n");
        String[] items = byLine ? value.split("\n", -1) : value.split(";");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].strip();
            if (!item.isEmpty() && !item.startsWith("#")) {
                out.add(validated(item, byLine ? o.lineLocation(i) : o.location()));
            }
        }
        return out;
    }

    static DeclaredRequirement validated(String text, SourceLocation at) {
        try {
            Requirement.parse(text);
        } catch (PepSyntaxException e) {
            throw new InputException(at, "invalid requirement '" + text + "': " + e.getMessage(),
                    "write one PEP 508 requirement a line");
        }
        return new DeclaredRequirement(text, at);
    }
}
