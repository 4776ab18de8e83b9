package dev.dockenv.packaging;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Pep503;
import dev.dockenv.python.DeclaredRequirement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Optional dependencies declared outside {@code [project]}: setup.cfg's
 * {@code [options.extras_require]}, setup.py's literal {@code extras_require}, the files of
 * {@code [tool.setuptools.dynamic] optional-dependencies} (the later wins); names normalized.
 */
final class DeclaredExtras {
    private DeclaredExtras() {
    }

    static Map<String, List<DeclaredRequirement>> of(PackagingSources sources) {
        Map<String, List<DeclaredRequirement>> out = new LinkedHashMap<>();
        sources.setupCfg().ifPresent(c -> out.putAll(c.extras()));
        sources.setupPy().ifPresent(s -> s.literal("extras_require").filter(Map.class::isInstance).ifPresent(m -> {
            SourceLocation at = s.keywords().get("extras_require").location();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) m).entrySet()) {
                Optional<List<String>> reqs = PythonLiteral.stringList(e.getValue());
                if (e.getKey() instanceof String extra && reqs.isPresent()) {
                    out.put(Pep503.normalize(extra), reqs.get().stream()
                            .map(t -> SetupCfgReader.validated(t, at)).toList());
                }
            }
        }));
        sources.doc().flatMap(d -> d.table(List.of("tool", "setuptools", "dynamic", "optional-dependencies")))
                .filter(t -> sources.backend().isSetuptools()).ifPresent(t -> {
                    for (String extra : t.keySet()) {
                        DynamicRequirementFiles.read(sources,
                                        List.of("tool", "setuptools", "dynamic", "optional-dependencies", extra))
                                .ifPresent(reqs -> out.put(Pep503.normalize(extra), reqs));
                    }
                });
        return out;
    }
}
