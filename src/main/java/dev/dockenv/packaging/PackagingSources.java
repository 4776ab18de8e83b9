package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.python.DeclaredPython;
import dev.dockenv.pyproject.PyprojectFile;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An installable project's packaging files, parsed: what every step of reading it starts from (no
 * step reads pyproject.toml, setup.cfg or setup.py again), and what they say together.
 *
 * @param files      the packaging files present, and how the project's files are read
 * @param pyproject  pyproject.toml, as the caller read it
 * @param backend    the backend that builds the project
 * @param setuptools setup.cfg and setup.py, when setuptools builds the project
 */
record PackagingSources(PackagingFiles files, Optional<PyprojectFile> pyproject, BuildBackend backend,
        SetuptoolsFiles setuptools) {

    Path root() {
        return files.root();
    }

    Optional<TomlDocument> doc() {
        return pyproject.map(PyprojectFile::document);
    }

    Optional<SetupCfg> setupCfg() {
        return setuptools.setupCfg();
    }

    Optional<SetupPy> setupPy() {
        return setuptools.setupPy();
    }

    /** The distribution name: [project], [tool.poetry], setup.py's literal, then setup.cfg's. */
    Optional<String> name() {
        return pyproject.flatMap(PyprojectFile::name)
                .or(() -> doc().flatMap(d -> d.string(List.of("tool", "poetry", "name"), "a string")))
                .or(() -> setupPy().flatMap(s -> s.string("name")))
                .or(() -> setupCfg().flatMap(SetupCfg::name))
                .filter(n -> !n.isBlank());
    }

    boolean hasProjectTable() {
        return doc().map(d -> d.contains(List.of("project"))).orElse(false);
    }

    /** Whether [project] dynamic lists {@code field}. */
    boolean dynamic(String field) {
        return dynamicFields().contains(field);
    }

    /** [project] dynamic (an error at it when it is not an array of strings). */
    List<String> dynamicFields() {
        return doc().filter(d -> d.isArray(List.of("project", "dynamic")))
                .map(d -> d.strings(List.of("project", "dynamic"), "an array of field names", false))
                .orElse(List.of());
    }

    /** setup.py's literal python_requires, else setup.cfg's. */
    Optional<DeclaredPython> pythonRequires() {
        Optional<DeclaredPython> fromPy = setupPy().flatMap(s -> s.string("python_requires")
                .map(v -> new DeclaredPython(v, s.keywords().get("python_requires").location())));
        return fromPy.or(() -> setupCfg().flatMap(SetupCfg::pythonRequires));
    }

    /** The console scripts: [project.scripts], [tool.poetry.scripts], setup.cfg's, setup.py's literal ones. */
    List<String> consoleScripts() {
        Set<String> out = new LinkedHashSet<>();
        doc().flatMap(d -> d.table(List.of("project", "scripts"))).ifPresent(t -> out.addAll(t.keySet()));
        doc().flatMap(d -> d.table(List.of("tool", "poetry", "scripts"))).ifPresent(t -> out.addAll(t.keySet()));
        setupCfg().ifPresent(c -> out.addAll(c.consoleScripts()));
        setupPy().flatMap(s -> s.literal("entry_points")).filter(Map.class::isInstance)
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
