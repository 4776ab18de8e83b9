package dev.dockenv.packaging;

import dev.dockenv.config.TomlDocument;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * What hatchling, flit, pdm-backend and poetry-core read besides pyproject.toml: their version
 * file, and the package they look for (its module goes to {@code stubs}).
 */
final class OtherBackendInputs {
    private OtherBackendInputs() {
    }

    static BuildInputs of(PackagingSources sources, ModuleStubs stubs) {
        BuildInputs.Builder found = BuildInputs.builder(sources.root());
        if (sources.doc().isEmpty()) {
            return found.build();
        }
        TomlDocument d = sources.doc().get();
        String family = sources.backend().family();
        List<String> dynamic = sources.dynamicFields();
        for (List<String> versionPath : List.of(List.of("tool", "hatch", "version", "path"),
                List.of("tool", "pdm", "version", "path"))) {
            d.string(versionPath, "a file name").flatMap(p -> ProjectFiles.inside(sources.root(), p))
                    .filter(p -> Files.isRegularFile(sources.root().resolve(p))).ifPresent(p -> {
                        if (p.endsWith(".py")) {
                            stubs.readAsText(p, "pyproject.toml " + TomlDocument.key(versionPath));
                        } else {
                            found.existing(List.of(p));
                        }
                    });
        }
        String importName = d.string(List.of("tool", "flit", "module", "name"), "a module name")
                .or(sources::name).map(n -> n.replace('-', '_').replace('.', '_')).orElse("");
        if (!importName.isEmpty() && !family.equals("poetry-core")) {
            Set<String> names = family.equals("flit") && dynamic.contains("version") ? Set.of("__version__") : Set.of();
            stubs.module(importName, names, family + " builds the package " + importName);
            if (family.equals("flit") && dynamic.contains("description")) {
                stubs.find(importName).ifPresent(stubs::docstring);
            }
            if (stubs.find(importName).isEmpty()) {
                // hatchling also accepts a lower-cased name
                stubs.module(importName.toLowerCase(Locale.ROOT), names, family + " builds the package");
            }
        }
        Object packages = d.root().get(List.of("tool", "poetry", "packages"));
        if (packages instanceof TomlArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof TomlTable t && t.get("include") instanceof String include
                        && !include.contains("*")) {
                    String from = t.get("from") instanceof String f ? f + "/" : "";
                    poetryPackage(sources, from + include, stubs);
                }
            }
        } else if (family.equals("poetry-core") && !importName.isEmpty()) {
            stubs.module(importName, Set.of(), "poetry-core builds the package " + importName);
        }
        return found.build();
    }

    private static void poetryPackage(PackagingSources sources, String path, ModuleStubs stubs) {
        for (String candidate : List.of(path + "/__init__.py", path + ".py", path)) {
            if (candidate.endsWith(".py") && ProjectFiles.inside(sources.root(), candidate)
                    .filter(p -> Files.isRegularFile(sources.root().resolve(p))).isPresent()) {
                stubs.present(candidate, "poetry-core builds " + path);
                return;
            }
        }
    }
}
