package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.context.IgnoreRules;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Pep503;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.pyproject.PyprojectFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;
import dev.dockenv.python.DeclaredPython;

/**
 * Decides whether a project is an installable distribution and reads what building it takes
 * ({@link PackagingProject}): a pyproject.toml {@code [build-system]} (its backend, or setuptools'
 * legacy backend when it names none), else a setup.py (pip's fallback). A setup.cfg alone, or a
 * {@code [project]} table without a {@code [build-system]}, is not installable by pip and stays a
 * plain source folder. setup.py is read, never run.
 */
public final class PackagingScanner {
    /** The outcome: the installable project, if it is one, and what to say about it in "detected". */
    public record Scan(Optional<PackagingProject> project, List<String> detected) {
        public Scan {
            detected = List.copyOf(detected);
        }
    }

    private final ProjectFileReader reader;

    /** A scanner reading the project's files through {@code reader} (the public {@link #scan}: strict UTF-8). */
    PackagingScanner(ProjectFileReader reader) {
        this.reader = reader;
    }

    public static Scan scan(Path root, Optional<PyprojectFile> pyproject) {
        return new PackagingScanner(ProjectFileReader.UTF8).scanProject(root, pyproject);
    }

    Scan scanProject(Path root, Optional<PyprojectFile> pyproject) {
        PackagingFiles files = PackagingFiles.in(root, reader);
        Optional<TomlDocument> doc = pyproject.map(PyprojectFile::document);
        Installability installability = Installability.decide(BuildSystem.of(doc),
                pyproject.flatMap(PyprojectFile::name).isPresent(), files);
        Optional<PackagingProject> project = Optional.empty();
        if (installability instanceof Installability.Installable installable) {
            project = Optional.of(new Reading(root, installable.backend(), doc, pyproject, installable.setuptools(),
                    reader).read());
        }
        List<String> detected = new ArrayList<>(files.detected());
        installability.detected().ifPresent(detected::add);
        return new Scan(project, detected);
    }

    /** One reading of an installable project's packaging files. */
    private static final class Reading {
        private final Path root;
        private final BuildBackend backend;
        private final Optional<TomlDocument> doc;
        private final Optional<PyprojectFile> pyproject;
        private final Optional<SetupCfg> setupCfg;
        private final Optional<SetupPy> setupPy;
        private final ProjectFileReader reader;
        private final Set<String> metadata = new LinkedHashSet<>();
        private final List<String> notes = new ArrayList<>();
        private final List<Path> read = new ArrayList<>();
        private ModuleStubs stubs;

        Reading(Path root, BuildBackend backend, Optional<TomlDocument> doc, Optional<PyprojectFile> pyproject,
                SetuptoolsFiles setuptools, ProjectFileReader reader) {
            this.root = root;
            this.backend = backend;
            this.doc = doc;
            this.pyproject = pyproject;
            this.setupCfg = setuptools.setupCfg();
            this.setupPy = setuptools.setupPy();
            this.reader = reader;
        }

        PackagingProject read() {
            List<String> packaging = new ArrayList<>();
            List<String> candidates = backend.isSetuptools()
                    ? List.of("pyproject.toml", "setup.py", "setup.cfg", "MANIFEST.in") : List.of("pyproject.toml");
            for (String f : candidates) {
                if (Files.isRegularFile(root.resolve(f))) {
                    packaging.add(f);
                    read.add(root.resolve(f));
                }
            }
            Map<String, String> packageDir = packageDir();
            stubs = new ModuleStubs(root, packageDir, reader);
            projectTable();
            if (backend.isSetuptools()) {
                setuptools();
            } else {
                otherBackend();
            }
            metadata.removeAll(packaging);
            // a file the context leaves out cannot be read by the build: say so rather than fail at a COPY
            IgnoreRules ignored = IgnoreRules.forProject(root);
            for (String file : List.copyOf(metadata)) {
                if (ignored.excludes(file)) {
                    metadata.remove(file);
                    notes.add(file + " is excluded by .dockerignore (or dockenv's defaults): the build of the project "
                            + "cannot read it");
                }
            }
            List<String> whole = stubs.wholeModules();
            for (String module : whole) {
                notes.add(module + " is copied whole into the dev image's editable build: packaging reads a name "
                        + "from it that is not a literal, so editing it rebuilds the dev image");
            }
            metadata.addAll(whole);
            read.addAll(stubs.filesRead());
            metadata.forEach(m -> read.add(root.resolve(m)));
            return new PackagingProject(name(), backend, packaging, List.copyOf(metadata), stubs.stubs(),
                    packageDirs(packageDir), dependencies(), dependencySource(), extras(), pythonRequires(), scripts(),
                    read, notes);
        }

        private Optional<String> name() {
            return pyproject.flatMap(PyprojectFile::name)
                    .or(() -> doc.flatMap(d -> d.string(List.of("tool", "poetry", "name"), "a string")))
                    .or(() -> setupPy.flatMap(s -> s.string("name")))
                    .or(() -> setupCfg.flatMap(SetupCfg::name))
                    .filter(n -> !n.isBlank());
        }

        /** [project] readme, license file and license-files: read by every PEP 621 backend. */
        private void projectTable() {
            if (doc.isEmpty()) {
                return;
            }
            TomlDocument d = doc.get();
            Object readme = d.root().get(List.of("project", "readme"));
            if (readme instanceof String s) {
                addFile(s);
            } else if (readme instanceof TomlTable t && t.get("file") instanceof String s) {
                addFile(s);
            }
            if (d.root().get(List.of("project", "license")) instanceof TomlTable t && t.get("file") instanceof String s) {
                addFile(s);
            }
            if (d.isArray(List.of("project", "license-files"))) {
                d.strings(List.of("project", "license-files"), "an array of glob patterns", false)
                        .forEach(g -> metadata.addAll(ProjectFiles.glob(root, g)));
            }
            Object poetryReadme = d.root().get(List.of("tool", "poetry", "readme"));
            if (poetryReadme instanceof String s) {
                addFile(s);
            } else if (poetryReadme instanceof TomlArray a) {
                for (int i = 0; i < a.size(); i++) {
                    if (a.get(i) instanceof String s) {
                        addFile(s);
                    }
                }
            }
        }

        private void addFile(String relative) {
            ProjectFiles.inside(root, relative).filter(p -> Files.isRegularFile(root.resolve(p))).ifPresent(metadata::add);
        }

        private Map<String, String> packageDir() {
            Map<String, String> dirs = new LinkedHashMap<>();
            doc.flatMap(d -> d.table(List.of("tool", "setuptools", "package-dir"))).ifPresent(t -> {
                for (String key : t.keySet()) {
                    if (t.get(List.of(key)) instanceof String s) {
                        dirs.put(key, s);
                    }
                }
            });
            setupCfg.ifPresent(c -> dirs.putAll(c.packageDir()));
            setupPy.flatMap(s -> s.literal("package_dir")).filter(Map.class::isInstance).ifPresent(m -> {
                for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
                    if (e.getKey() instanceof String k && e.getValue() instanceof String v) {
                        dirs.put(k, v);
                    }
                }
            });
            return dirs;
        }

        private void setuptools() {
            doc.ifPresent(d -> {
                if (d.isArray(List.of("tool", "setuptools", "license-files"))) {
                    d.strings(List.of("tool", "setuptools", "license-files"), "an array of glob patterns", false)
                            .forEach(g -> metadata.addAll(ProjectFiles.glob(root, g)));
                }
                d.table(List.of("tool", "setuptools", "dynamic")).ifPresent(dynamic -> {
                    for (String key : dynamic.keySet()) {
                        List<String> path = List.of("tool", "setuptools", "dynamic", key);
                        dynamicDirective(d, path, "version".equals(key));
                        if ("optional-dependencies".equals(key) && d.table(path).isPresent()) {
                            for (String extra : d.table(path).get().keySet()) {
                                dynamicDirective(d, List.of("tool", "setuptools", "dynamic", key, extra), false);
                            }
                        }
                    }
                });
            });
            setupCfg.ifPresent(c -> {
                read.add(c.file());
                metadata.addAll(c.referencedFiles());
                c.versionAttr().ifPresent(attr -> attribute(attr, "setup.cfg version = attr: " + attr));
            });
            setupPy.ifPresent(this::setupPy);
        }

        /** A [tool.setuptools.dynamic] entry: {file = ...} or {attr = ...}. */
        private void dynamicDirective(TomlDocument d, List<String> path, boolean version) {
            Optional<TomlTable> table = d.table(path);
            if (table.isEmpty()) {
                return;
            }
            if (table.get().get("file") != null) {
                List<String> filePath = new ArrayList<>(path);
                filePath.add("file");
                d.strings(filePath, "a file name or an array of them", true).forEach(this::addFile);
            }
            if (table.get().get("attr") instanceof String attr) {
                attribute(attr.strip(), "pyproject.toml " + TomlDocument.key(path) + ".attr");
            } else if (version && table.get().get("attr") != null) {
                List<String> attrPath = new ArrayList<>(path);
                attrPath.add("attr");
                throw d.wrongType(attrPath, "a string such as \"pkg.__version__\"");
            }
        }

        /** {@code attr: pkg.module.NAME}: the module is read (statically, else imported) for NAME. */
        private void attribute(String attr, String reason) {
            int dot = attr.lastIndexOf('.');
            String module = dot < 0 ? "__init__" : attr.substring(0, dot);
            stubs.module(module, Set.of(attr.substring(dot + 1)), reason);
        }

        private void setupPy(SetupPy s) {
            s.unreadable().ifPresent(at -> notes.add(at + ": dockenv cannot read setup.py statically (it runs only "
                    + "in the image's build)"));
            for (SetupPy.Import i : s.imports()) {
                String top = i.module().split("\\.")[0];
                if (!top.equals("setuptools") && !top.equals("distutils") && stubs.isProjectModule(i.module())) {
                    stubs.module(i.module(), i.names(), "setup.py imports " + i.module() + " (" + i.location() + ")");
                }
            }
            for (SetupPy.PathReference ref : s.pathReferences()) {
                Optional<String> inside = ProjectFiles.inside(root, ref.path());
                if (inside.isEmpty() || !Files.isRegularFile(root.resolve(inside.get()))
                        || inside.get().equals("setup.py")) {
                    continue;
                }
                if (inside.get().endsWith(".py")) {
                    stubs.readAsText(inside.get(), "setup.py names it (" + ref.location() + ")");
                } else {
                    metadata.add(inside.get());
                }
            }
        }

        /** hatchling, flit, pdm-backend, poetry-core: their version file and the package they look for. */
        private void otherBackend() {
            if (doc.isEmpty()) {
                return;
            }
            TomlDocument d = doc.get();
            String family = backend.family();
            List<String> dynamic = d.isArray(List.of("project", "dynamic"))
                    ? d.strings(List.of("project", "dynamic"), "an array of field names", false) : List.of();
            for (List<String> versionPath : List.of(List.of("tool", "hatch", "version", "path"),
                    List.of("tool", "pdm", "version", "path"))) {
                d.string(versionPath, "a file name").flatMap(p -> ProjectFiles.inside(root, p))
                        .filter(p -> Files.isRegularFile(root.resolve(p))).ifPresent(p -> {
                            if (p.endsWith(".py")) {
                                stubs.readAsText(p, "pyproject.toml " + TomlDocument.key(versionPath));
                            } else {
                                metadata.add(p);
                            }
                        });
            }
            String importName = d.string(List.of("tool", "flit", "module", "name"), "a module name")
                    .or(() -> name()).map(n -> n.replace('-', '_').replace('.', '_')).orElse("");
            if (!importName.isEmpty() && !family.equals("poetry-core")) {
                Set<String> names = family.equals("flit") && dynamic.contains("version") ? Set.of("__version__") : Set.of();
                stubs.module(importName, names, family + " builds the package " + importName);
                if (family.equals("flit") && dynamic.contains("description")) {
                    stubs.find(importName).ifPresent(stubs::docstring);
                }
                if (stubs.find(importName).isEmpty()) {
                    // hatchling also accepts a lower-cased name
                    stubs.module(importName.toLowerCase(java.util.Locale.ROOT), names, family + " builds the package");
                }
            }
            Object packages = d.root().get(List.of("tool", "poetry", "packages"));
            if (packages instanceof TomlArray array) {
                for (int i = 0; i < array.size(); i++) {
                    if (array.get(i) instanceof TomlTable t && t.get("include") instanceof String include
                            && !include.contains("*")) {
                        String from = t.get("from") instanceof String f ? f + "/" : "";
                        poetryPackage(from + include);
                    }
                }
            } else if (family.equals("poetry-core") && !importName.isEmpty()) {
                stubs.module(importName, Set.of(), "poetry-core builds the package " + importName);
            }
        }

        private void poetryPackage(String path) {
            for (String candidate : List.of(path + "/__init__.py", path + ".py", path)) {
                if (candidate.endsWith(".py") && ProjectFiles.inside(root, candidate)
                        .filter(p -> Files.isRegularFile(root.resolve(p))).isPresent()) {
                    stubs.present(candidate, "poetry-core builds " + path);
                    return;
                }
            }
        }

        /** The folders of packages listed by name (setuptools requires each to exist). */
        private List<String> packageDirs(Map<String, String> packageDir) {
            List<String> names = new ArrayList<>();
            doc.ifPresent(d -> {
                if (d.isArray(List.of("tool", "setuptools", "packages"))) {
                    names.addAll(d.strings(List.of("tool", "setuptools", "packages"), "an array of package names", false));
                }
            });
            setupCfg.ifPresent(c -> names.addAll(c.packages()));
            setupPy.flatMap(s -> s.literal("packages")).flatMap(PythonLiteral::stringList).ifPresent(names::addAll);
            Set<String> dirs = new LinkedHashSet<>();
            for (String pkg : names) {
                String[] parts = pkg.split("\\.");
                String rest = String.join("/", parts).substring(parts[0].length());
                String dir = packageDir.containsKey(parts[0]) ? packageDir.get(parts[0]) + rest
                        : packageDir.containsKey("") ? packageDir.get("") + "/" + String.join("/", parts)
                        : String.join("/", parts);
                ProjectFiles.inside(root, dir).filter(p -> Files.isDirectory(root.resolve(p))).ifPresent(dirs::add);
            }
            return List.copyOf(dirs);
        }

        private boolean dynamic(String field) {
            return doc.filter(d -> d.isArray(List.of("project", "dynamic")))
                    .map(d -> d.strings(List.of("project", "dynamic"), "an array of field names", false).contains(field))
                    .orElse(false);
        }

        private boolean hasProjectTable() {
            return doc.map(d -> d.contains(List.of("project"))).orElse(false);
        }

        private Optional<List<DeclaredRequirement>> dependencies() {
            if (hasProjectTable() && !dynamic("dependencies")) {
                return Optional.of(List.of()); // [project] dependencies: read with pyproject.toml
            }
            if (!hasProjectTable() && doc.map(d -> d.contains(List.of("tool", "poetry"))).orElse(false)) {
                return Optional.of(List.of()); // [tool.poetry.dependencies]: read by the poetry reader
            }
            if (!backend.isSetuptools()) {
                notes.add("the dependencies are dynamic for " + backend.family() + ": pip resolves them when it "
                        + "installs the project");
                return Optional.empty();
            }
            if (hasProjectTable()) {
                Optional<List<DeclaredRequirement>> fromFile = dynamicRequirements(
                        List.of("tool", "setuptools", "dynamic", "dependencies"));
                if (fromFile.isPresent()) {
                    return fromFile;
                }
            }
            if (setupPy.isPresent()) {
                SetupPy s = setupPy.get();
                if (!s.knows("install_requires")) {
                    notes.add(s.whyUnknown("install_requires") + ": install_requires is computed when setup.py runs: "
                            + "pip resolves the project's dependencies when it installs it");
                    return Optional.empty();
                }
                Optional<Object> literal = s.literal("install_requires");
                if (literal.isPresent()) {
                    Optional<List<String>> list = PythonLiteral.stringList(literal.get());
                    if (list.isEmpty()) {
                        notes.add(s.whyUnknown("install_requires") + ": install_requires is not a list of strings");
                        return Optional.empty();
                    }
                    SourceLocation at = s.keywords().get("install_requires").location();
                    return Optional.of(list.get().stream().map(t -> SetupCfgReader.validated(t, at)).toList());
                }
            }
            return Optional.of(setupCfg.map(SetupCfg::installRequires).orElse(List.of()));
        }

        private String dependencySource() {
            if (setupPy.filter(s -> s.literal("install_requires").isPresent()).isPresent()) {
                return "setup.py install_requires";
            }
            if (hasProjectTable()) {
                return "pyproject.toml [tool.setuptools.dynamic] dependencies";
            }
            return "setup.cfg [options] install_requires";
        }

        /** Requirement lines of the files a [tool.setuptools.dynamic] entry names. */
        private Optional<List<DeclaredRequirement>> dynamicRequirements(List<String> path) {
            Optional<TomlTable> table = doc.flatMap(d -> d.table(path));
            if (table.isEmpty() || table.get().get("file") == null) {
                return Optional.empty();
            }
            List<String> filePath = new ArrayList<>(path);
            filePath.add("file");
            List<DeclaredRequirement> out = new ArrayList<>();
            for (String f : doc.get().strings(filePath, "a file name or an array of them", true)) {
                Optional<String> inside = ProjectFiles.inside(root, f);
                if (inside.isEmpty()) {
                    throw new InputException(doc.get().locationOf(filePath), f + " is outside the project",
                            "setuptools reads only files inside the project folder");
                }
                Path file = root.resolve(inside.get());
                if (!Files.isRegularFile(file)) {
                    continue;
                }
                List<String> lines = reader.read(file).lines().toList();
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (!line.isEmpty() && !line.startsWith("#")) {
                        out.add(SetupCfgReader.validated(line, new SourceLocation(file, i + 1, 1)));
                    }
                }
            }
            return Optional.of(out);
        }

        private Map<String, List<DeclaredRequirement>> extras() {
            Map<String, List<DeclaredRequirement>> out = new LinkedHashMap<>();
            setupCfg.ifPresent(c -> out.putAll(c.extras()));
            setupPy.flatMap(s -> s.literal("extras_require")).filter(Map.class::isInstance).ifPresent(m -> {
                SourceLocation at = setupPy.get().keywords().get("extras_require").location();
                for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
                    Optional<List<String>> reqs = PythonLiteral.stringList(e.getValue());
                    if (e.getKey() instanceof String extra && reqs.isPresent()) {
                        out.put(Pep503.normalize(extra), reqs.get().stream()
                                .map(t -> SetupCfgReader.validated(t, at)).toList());
                    }
                }
            });
            doc.flatMap(d -> d.table(List.of("tool", "setuptools", "dynamic", "optional-dependencies")))
                    .filter(t -> backend.isSetuptools()).ifPresent(t -> {
                        for (String extra : t.keySet()) {
                            dynamicRequirements(List.of("tool", "setuptools", "dynamic", "optional-dependencies", extra))
                                    .ifPresent(reqs -> out.put(Pep503.normalize(extra), reqs));
                        }
                    });
            return out;
        }

        private Optional<DeclaredPython> pythonRequires() {
            Optional<DeclaredPython> fromPy = setupPy.flatMap(s -> s.string("python_requires")
                    .map(v -> new DeclaredPython(v, s.keywords().get("python_requires").location())));
            return fromPy.or(() -> setupCfg.flatMap(SetupCfg::pythonRequires));
        }

        private List<String> scripts() {
            Set<String> out = new LinkedHashSet<>();
            doc.flatMap(d -> d.table(List.of("project", "scripts"))).ifPresent(t -> out.addAll(t.keySet()));
            doc.flatMap(d -> d.table(List.of("tool", "poetry", "scripts"))).ifPresent(t -> out.addAll(t.keySet()));
            setupCfg.ifPresent(c -> out.addAll(c.consoleScripts()));
            setupPy.flatMap(s -> s.literal("entry_points")).filter(Map.class::isInstance)
                    .map(m -> ((Map<?, ?>) m).get("console_scripts")).flatMap(PythonLiteral::stringList)
                    .ifPresent(lines -> lines.forEach(l -> {
                        int eq = l.indexOf('=');
                        if (eq > 0) {
                            out.add(l.substring(0, eq).strip());
                        }
                    }));
            return List.copyOf(out);
        }
    }
}
