package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.io.Utf8File;
import dev.dockenv.pep.Version;
import dev.dockenv.pyproject.PyprojectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * Reads a project's version, description and license the way the build backends state them, in
 * this order: pyproject.toml {@code [project]} (PEP 621), {@code [tool.poetry]}, setup.cfg
 * {@code [metadata]} (a literal, {@code attr: pkg.__version__} read from the module's source, or
 * {@code file: VERSION}), then a literal of setup.py. A version that is not PEP 440 is an error at
 * its place; a dynamic one (computed by the build, e.g. from git tags) is reported as absent.
 */
public final class DistributionMetadataReader {
    private static final List<String> PROJECT = List.of("project");
    private static final List<String> POETRY = List.of("tool", "poetry");
    private static final java.util.regex.Pattern STRING_ASSIGNMENT = java.util.regex.Pattern.compile(
            "\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(?::[^=]*)?=\\s*(['\"])([^'\"\\\\\\n]*)\\1\\s*(#.*)?", java.util.regex.Pattern.DOTALL);

    private DistributionMetadataReader() {
    }

    public static DistributionMetadata read(Path root, Optional<PyprojectFile> pyproject) {
        if (pyproject.isPresent()) {
            TomlDocument doc = pyproject.get().document();
            if (doc.table(PROJECT).isPresent()) {
                return fromTable(doc, PROJECT, "[project]", isDynamic(doc));
            }
            if (doc.table(POETRY).isPresent()) {
                return fromTable(doc, POETRY, "[tool.poetry]", false);
            }
        }
        Path setupCfg = root.resolve("setup.cfg");
        if (Files.isRegularFile(setupCfg)) {
            IniFile ini = IniFile.parse(setupCfg, Utf8File.read(setupCfg));
            if (ini.option("metadata", "version").isPresent() || ini.option("metadata", "description").isPresent()) {
                return fromSetupCfg(root, ini);
            }
        }
        Path setupPy = root.resolve("setup.py");
        if (Files.isRegularFile(setupPy)) {
            SetupPy setup = SetupPyReader.read(setupPy);
            Optional<String> version = setup.string("version");
            Optional<SourceLocation> at = Optional.ofNullable(setup.keywords().get("version"))
                    .map(SetupPy.Keyword::location);
            return new DistributionMetadata(version.map(v -> normalized(v, at.orElse(SourceLocation.of(setupPy)))),
                    version.isPresent() ? "setup.py version" : "setup.py states no literal version", at,
                    setup.string("description").filter(d -> !d.isBlank()), setup.string("license").flatMap(
                            DistributionMetadataReader::oneLine));
        }
        return DistributionMetadata.none("the project states no version (pyproject.toml [project] version, "
                + "[tool.poetry] version, setup.cfg or setup.py)");
    }

    private static boolean isDynamic(TomlDocument doc) {
        List<String> path = List.of("project", "dynamic");
        return doc.isArray(path) && doc.strings(path, "an array of field names", false).contains("version");
    }

    private static DistributionMetadata fromTable(TomlDocument doc, List<String> table, String name, boolean dynamic) {
        List<String> versionKey = append(table, "version");
        Optional<String> raw = doc.string(versionKey, "a version string");
        Optional<SourceLocation> at = raw.map(v -> doc.locationOf(versionKey));
        Optional<String> version = raw.map(v -> normalized(v, at.get()));
        String source = version.isPresent() ? "pyproject.toml " + name + " version"
                : dynamic ? "pyproject.toml [project] version is dynamic (the build computes it)"
                : "pyproject.toml " + name + " has no version";
        Optional<String> description = doc.string(append(table, "description"), "a string").filter(d -> !d.isBlank());
        return new DistributionMetadata(version, source, at, description, license(doc, append(table, "license")));
    }

    /** A string (an SPDX expression, PEP 639), or a table's {@code text} when it is one line. */
    private static Optional<String> license(TomlDocument doc, List<String> key) {
        if (!doc.contains(key)) {
            return Optional.empty();
        }
        Object value = doc.root().get(key);
        if (value instanceof String s) {
            return oneLine(s);
        }
        if (value instanceof TomlTable t && t.get("text") instanceof String text) {
            return oneLine(text);
        }
        return Optional.empty(); // {file = "LICENSE"}: its text is not a label
    }

    private static DistributionMetadata fromSetupCfg(Path root, IniFile ini) {
        Optional<IniFile.Option> option = ini.option("metadata", "version");
        Optional<String> version = Optional.empty();
        String source = "setup.cfg [metadata] has no version";
        Optional<SourceLocation> at = option.map(IniFile.Option::location);
        if (option.isPresent()) {
            String raw = option.get().rawValue().strip();
            if (raw.startsWith("attr:")) {
                version = attribute(root, ini, raw.substring(5).strip(), at.get());
                source = version.isPresent() ? "setup.cfg [metadata] version (" + raw + ")"
                        : "setup.cfg [metadata] version is " + raw + ", which dockenv cannot read statically";
            } else if (raw.startsWith("file:")) {
                Path file = root.resolve(raw.substring(5).strip().split(",")[0].strip()).normalize();
                version = file.startsWith(root) && Files.isRegularFile(file)
                        ? Optional.of(Utf8File.read(file).strip()).filter(v -> !v.isEmpty()) : Optional.empty();
                source = version.isPresent() ? "setup.cfg [metadata] version (" + raw + ")"
                        : "setup.cfg [metadata] version names a file that is missing or empty: " + raw;
            } else {
                version = Optional.of(raw);
                source = "setup.cfg [metadata] version";
            }
            SourceLocation where = at.get();
            version = version.map(v -> normalized(v, where));
        }
        return new DistributionMetadata(version, source, at,
                ini.get("metadata", "description").map(String::strip).filter(d -> !d.isEmpty()),
                ini.get("metadata", "license").flatMap(DistributionMetadataReader::oneLine));
    }

    /** {@code pkg.mod.__version__}: a string literal assigned at the top of pkg/mod.py (or its package). */
    private static Optional<String> attribute(Path root, IniFile ini, String dotted, SourceLocation at) {
        int dot = dotted.lastIndexOf('.');
        if (dot <= 0 || !dotted.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            return Optional.empty();
        }
        String module = dotted.substring(0, dot).replace('.', '/');
        String name = dotted.substring(dot + 1);
        String base = ini.get("options", "package_dir").map(String::strip)
                .filter(v -> v.startsWith("=")).map(v -> v.substring(1).strip()).orElse("");
        for (Path candidate : List.of(root.resolve(base).resolve(module + ".py"),
                root.resolve(base).resolve(module).resolve("__init__.py"))) {
            Path file = candidate.normalize();
            if (file.startsWith(root) && Files.isRegularFile(file)) {
                // the module's last top-level assignment of the name, when its value is a plain string
                return Optional.ofNullable(ModuleSource.parse(Utf8File.read(file)).literals().get(name))
                        .map(STRING_ASSIGNMENT::matcher).filter(java.util.regex.Matcher::matches).map(m -> m.group(2));
            }
        }
        return Optional.empty();
    }

    private static String normalized(String raw, SourceLocation at) {
        return Version.tryParse(raw.strip()).map(Version::toString).orElseThrow(() -> new InputException(at,
                "'" + raw + "' is not a valid version (PEP 440)", "write it as PEP 440 says, e.g. 1.4.0 or 2.0rc1"));
    }

    private static Optional<String> oneLine(String text) {
        String t = text.strip();
        return t.isEmpty() || t.contains("\n") || t.length() > 200 ? Optional.empty() : Optional.of(t);
    }

    private static List<String> append(List<String> path, String key) {
        return java.util.stream.Stream.concat(path.stream(), java.util.stream.Stream.of(key)).toList();
    }
}
