package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlTable;

/**
 * What setuptools' build reads besides its packaging files: {@code [tool.setuptools]} license-files
 * and {@code dynamic} directives, the files setup.cfg names and its {@code version = attr:} module,
 * and what setup.py imports from the project or names as a path. The modules go to {@code stubs}.
 */
final class SetuptoolsInputs {
    private SetuptoolsInputs() {
    }

    static BuildInputs of(PackagingSources sources, ModuleStubs stubs) {
        BuildInputs.Builder found = BuildInputs.builder(sources.root());
        sources.doc().ifPresent(d -> {
            if (d.isArray(List.of("tool", "setuptools", "license-files"))) {
                d.strings(List.of("tool", "setuptools", "license-files"), "an array of glob patterns", false)
                        .forEach(found::glob);
            }
            d.table(List.of("tool", "setuptools", "dynamic")).ifPresent(dynamic -> {
                for (String key : dynamic.keySet()) {
                    List<String> path = List.of("tool", "setuptools", "dynamic", key);
                    dynamicDirective(d, path, "version".equals(key), found, stubs);
                    if ("optional-dependencies".equals(key) && d.table(path).isPresent()) {
                        for (String extra : d.table(path).get().keySet()) {
                            dynamicDirective(d, List.of("tool", "setuptools", "dynamic", key, extra), false, found,
                                    stubs);
                        }
                    }
                }
            });
        });
        sources.setupCfg().ifPresent(c -> {
            found.read(c.file()).existing(c.referencedFiles());
            c.versionAttr().ifPresent(attr -> attribute(attr, "setup.cfg version = attr: " + attr, stubs));
        });
        sources.setupPy().ifPresent(s -> setupPy(s, sources, found, stubs));
        return found.build();
    }

    /** A [tool.setuptools.dynamic] entry: {file = ...} or {attr = ...}. */
    private static void dynamicDirective(TomlDocument d, List<String> path, boolean version, BuildInputs.Builder found,
            ModuleStubs stubs) {
        Optional<TomlTable> table = d.table(path);
        if (table.isEmpty()) {
            return;
        }
        if (table.get().get("file") != null) {
            List<String> filePath = new ArrayList<>(path);
            filePath.add("file");
            d.strings(filePath, "a file name or an array of them", true).forEach(found::file);
        }
        if (table.get().get("attr") instanceof String attr) {
            attribute(attr.strip(), "pyproject.toml " + TomlDocument.key(path) + ".attr", stubs);
        } else if (version && table.get().get("attr") != null) {
            List<String> attrPath = new ArrayList<>(path);
            attrPath.add("attr");
            throw d.wrongType(attrPath, "a string such as \"pkg.__version__\"");
        }
    }

    /** {@code attr: pkg.module.NAME}: the module is read (statically, else imported) for NAME. */
    private static void attribute(String attr, String reason, ModuleStubs stubs) {
        int dot = attr.lastIndexOf('.');
        String module = dot < 0 ? "__init__" : attr.substring(0, dot);
        stubs.module(module, Set.of(attr.substring(dot + 1)), reason);
    }

    private static void setupPy(SetupPy s, PackagingSources sources, BuildInputs.Builder found, ModuleStubs stubs) {
        s.unreadable().ifPresent(at -> found.note(at + ": dockenv cannot read setup.py statically (it runs only "
                + "in the image's build)"));
        for (SetupPy.Import i : s.imports()) {
            String top = i.module().split("\\.")[0];
            if (!top.equals("setuptools") && !top.equals("distutils") && stubs.isProjectModule(i.module())) {
                stubs.module(i.module(), i.names(), "setup.py imports " + i.module() + " (" + i.location() + ")");
            }
        }
        for (SetupPy.PathReference ref : s.pathReferences()) {
            Optional<String> inside = ProjectFiles.inside(sources.root(), ref.path());
            if (inside.isEmpty() || !Files.isRegularFile(sources.root().resolve(inside.get()))
                    || inside.get().equals(PackagingFiles.SETUP_PY)) {
                continue;
            }
            if (inside.get().endsWith(".py")) {
                stubs.readAsText(inside.get(), "setup.py names it (" + ref.location() + ")");
            } else {
                found.existing(List.of(inside.get()));
            }
        }
    }
}
