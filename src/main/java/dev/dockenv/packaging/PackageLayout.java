package dev.dockenv.packaging;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where setuptools finds the project's packages.
 *
 * @param packageDir package name to folder ("" for the root package): {@code [tool.setuptools]
 *                   package-dir}, then setup.cfg's {@code package_dir}, then setup.py's literal one
 *                   (the later wins)
 */
record PackageLayout(Map<String, String> packageDir) {
    PackageLayout {
        packageDir = Collections.unmodifiableMap(new LinkedHashMap<>(packageDir));
    }

    static PackageLayout of(PackagingSources sources) {
        Map<String, String> dirs = new LinkedHashMap<>();
        sources.doc().flatMap(d -> d.table(List.of("tool", "setuptools", "package-dir"))).ifPresent(t -> {
            for (String key : t.keySet()) {
                if (t.get(List.of(key)) instanceof String s) {
                    dirs.put(key, s);
                }
            }
        });
        sources.setupCfg().ifPresent(c -> dirs.putAll(c.packageDir()));
        sources.setupPy().flatMap(s -> s.literal("package_dir")).filter(Map.class::isInstance).ifPresent(m -> {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
                if (e.getKey() instanceof String k && e.getValue() instanceof String v) {
                    dirs.put(k, v);
                }
            }
        });
        return new PackageLayout(dirs);
    }

    /** The existing folders of the packages listed by name (setuptools requires each to exist). */
    List<String> listedPackageFolders(PackagingSources sources) {
        List<String> names = new ArrayList<>();
        sources.doc().ifPresent(d -> {
            if (d.isArray(List.of("tool", "setuptools", "packages"))) {
                names.addAll(d.strings(List.of("tool", "setuptools", "packages"), "an array of package names", false));
            }
        });
        sources.setupCfg().ifPresent(c -> names.addAll(c.packages()));
        sources.setupPy().flatMap(s -> s.literal("packages")).flatMap(PythonLiteral::stringList).ifPresent(names::addAll);
        Set<String> dirs = new LinkedHashSet<>();
        for (String pkg : names) {
            String[] parts = pkg.split("\\.");
            String rest = String.join("/", parts).substring(parts[0].length());
            String dir = packageDir.containsKey(parts[0]) ? packageDir.get(parts[0]) + rest
                    : packageDir.containsKey("") ? packageDir.get("") + "/" + String.join("/", parts)
                    : String.join("/", parts);
            ProjectFiles.inside(sources.root(), dir).filter(p -> Files.isDirectory(sources.root().resolve(p)))
                    .ifPresent(dirs::add);
        }
        return List.copyOf(dirs);
    }
}
