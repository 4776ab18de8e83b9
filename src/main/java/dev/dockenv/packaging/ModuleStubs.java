package dev.dockenv.packaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Collects what the dev image's editable build needs from the project's Python modules: a
 * {@link ModuleStub} per module packaging reads names from, or the module itself (copied whole)
 * when a name it needs is not a literal dockenv can carry over. Modules are found as setuptools
 * finds them ({@code package_dir}, else the project root, else {@code src/}). The builder of one
 * scan's stand-ins: each module file is read (through the scan's {@link ProjectFileReader}) and
 * parsed once, however many names are asked of it.
 */
final class ModuleStubs {
    /** Names packaging tools commonly read from a version module with a regular expression. */
    static final Set<String> METADATA_NAMES = Set.of("__version__", "__version_info__", "VERSION", "version",
            "__author__", "__author_email__", "__email__", "__maintainer__", "__maintainer_email__", "__license__",
            "__title__", "__description__", "__summary__", "__url__", "__uri__", "__copyright__", "__status__");
    private static final int MAX_DEPTH = 8;

    private final Path root;
    private final Map<String, String> packageDir;
    private final ProjectFileReader reader;
    private final Map<String, ModuleSource> parsed = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<String, Set<String>> statements = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    private final Set<String> docstrings = new LinkedHashSet<>();
    private final Set<String> whole = new LinkedHashSet<>();

    ModuleStubs(Path root, Map<String, String> packageDir, ProjectFileReader reader) {
        this.root = root;
        this.packageDir = Map.copyOf(packageDir);
        this.reader = reader;
    }

    /**
     * The project-relative file of a module, as setuptools' {@code attr:} finds it; without a
     * package_dir for it, the project root and then {@code src/} are tried.
     */
    Optional<String> find(String dotted) {
        String[] parts = dotted.split("\\.");
        List<String> bases = new ArrayList<>();
        String first = parts[0];
        String rest = dotted.contains(".") ? dotted.substring(first.length() + 1) : "";
        if (packageDir.containsKey(first)) {
            String custom = packageDir.get(first);
            return candidates(custom + (rest.isEmpty() ? "" : "/" + rest.replace('.', '/')));
        }
        if (packageDir.containsKey("")) {
            bases.add(packageDir.get(""));
        } else {
            bases.add("");
            bases.add("src");
        }
        for (String base : bases) {
            Optional<String> found = candidates((base.isEmpty() || base.equals(".") ? "" : base + "/")
                    + dotted.replace('.', '/'));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<String> candidates(String start) {
        for (String c : List.of(start + ".py", start + "/__init__.py")) {
            String clean = c.startsWith("./") ? c.substring(2) : c;
            if (!clean.contains("..") && clean.indexOf('\0') < 0 && Files.isRegularFile(root.resolve(clean))) {
                return Optional.of(clean);
            }
        }
        return Optional.empty();
    }

    /** Whether a top-level name is one of the project's own modules or packages. */
    boolean isProjectModule(String dotted) {
        return find(dotted.split("\\.")[0]).isPresent();
    }

    /**
     * The module {@code dotted} is imported and {@code names} read from it ("*": every literal);
     * its parent packages are imported too.
     */
    void module(String dotted, Set<String> names, String reason) {
        Optional<String> file = find(dotted);
        if (file.isEmpty()) {
            return;
        }
        parents(file.get(), dotted.split("\\.").length - 1, reason);
        file(file.get(), names, false, reason, 0);
    }

    /**
     * A module file read by path, as text (a regular expression finds its version): its
     * {@link #METADATA_NAMES} that are literals are kept, the others need not be there.
     */
    void readAsText(String path, String reason) {
        file(path, METADATA_NAMES, true, reason, 0);
    }

    /** A module file the build needs to exist (a package the backend looks for), nothing read from it. */
    void present(String path, String reason) {
        file(path, Set.of(), false, reason, 0);
    }

    /** The module's docstring is read too (flit's description). */
    void docstring(String path) {
        docstrings.add(path);
    }

    private void parents(String path, int count, String reason) {
        String dir = parentDir(path);
        if (path.endsWith("/__init__.py")) {
            dir = parentDir(dir);
        }
        for (int i = 0; i < count && dir != null; i++) {
            String init = (dir.isEmpty() ? "" : dir + "/") + "__init__.py";
            if (Files.isRegularFile(root.resolve(init))) {
                file(init, Set.of(), false, reason, 0);
            }
            dir = parentDir(dir);
        }
    }

    private static String parentDir(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * Adds to the stub of {@code path} what gives {@code names}: their literal assignments, or the
     * import that brings them (and, in turn, the module it imports them from). A name found nowhere
     * as a literal makes the module needed whole, unless {@code optional}.
     */
    private void file(String path, Set<String> names, boolean optional, String reason, int depth) {
        reasons.putIfAbsent(path, reason);
        Set<String> stub = statements.computeIfAbsent(path, k -> new LinkedHashSet<>());
        if (whole.contains(path) || depth > MAX_DEPTH) {
            return;
        }
        ModuleSource source = parsed.computeIfAbsent(path, p -> {
            texts.put(p, reader.read(root.resolve(p)));
            return ModuleSource.parse(texts.get(p));
        });
        if (!source.readable()) {
            whole.add(path);
            return;
        }
        Set<String> wanted = new java.util.TreeSet<>(names); // a fixed order: the same project, the same stand-ins
        if (wanted.remove("*")) {
            wanted.addAll(source.literals().keySet());
            wanted.remove("__all__");
        }
        for (String name : wanted) {
            if (source.literals().containsKey(name)) {
                stub.add(source.literals().get(name));
                continue;
            }
            Optional<ModuleSource.FromImport> from = source.fromImports().stream()
                    .filter(f -> f.names().contains(name) || f.names().contains("*")).reduce((a, b) -> b);
            if (from.isPresent()) {
                ModuleSource.FromImport f = from.get();
                // "from . import name": name is a submodule; else the name comes from the module named
                Optional<String> target = f.module().isEmpty() ? relative(path, f.level(), name)
                        : f.level() > 0 ? relative(path, f.level(), f.module()) : find(f.module());
                if (target.isEmpty()) {
                    whole.add(path);
                    return;
                }
                stub.add(f.statement());
                file(target.get(), f.module().isEmpty() ? Set.of() : Set.of(name), false, reason, depth + 1);
                continue;
            }
            Optional<String> submodule = path.endsWith("__init__.py") ? relative(path, 1, name) : Optional.empty();
            if (submodule.isPresent()) {
                file(submodule.get(), Set.of(), false, reason, depth + 1);
            } else if (!optional) {
                whole.add(path); // a name the build needs is computed: only the real module has it
                return;
            }
        }
    }

    /** The module {@code module} imported with {@code level} dots from the module at {@code path}. */
    private Optional<String> relative(String path, int level, String module) {
        String dir = parentDir(path);
        for (int i = 1; i < level && dir != null; i++) {
            dir = parentDir(dir);
        }
        if (dir == null) {
            return Optional.empty();
        }
        return candidates((dir.isEmpty() ? "" : dir + "/") + module.replace('.', '/'));
    }

    /** The stubs, in the order first asked for (modules copied whole have none). */
    List<ModuleStub> stubs() {
        List<ModuleStub> out = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : statements.entrySet()) {
            String path = e.getKey();
            if (whole.contains(path)) {
                continue;
            }
            StringBuilder s = new StringBuilder("# Written by dockenv: the statements of " + path
                    + " that packaging reads,\n# for the dev image's editable build (the real file is mounted at run time).\n");
            ModuleSource source = parsed.get(path);
            if (docstrings.contains(path) && source != null) {
                source.docstring().ifPresent(d -> s.append(d).append('\n'));
            }
            // in the module's own order, so the same module always gives the same stand-in
            String text = texts.getOrDefault(path, "");
            e.getValue().stream().sorted(java.util.Comparator.comparingInt(text::indexOf))
                    .forEach(st -> s.append(st).append('\n'));
            out.add(new ModuleStub(path, s.toString(), reasons.get(path)));
        }
        return out;
    }

    /** Modules the build must read whole (a name it needs is computed), project-relative. */
    List<String> wholeModules() {
        return List.copyOf(whole);
    }

    /** Every module file read. */
    List<Path> filesRead() {
        return parsed.keySet().stream().map(root::resolve).toList();
    }
}
