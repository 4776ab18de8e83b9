package dev.dockenv.packaging;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.python.DeclaredRequirement;
import java.util.List;
import java.util.Optional;

/**
 * What an installable project requires beyond pyproject.toml's static {@code [project]
 * dependencies}, as far as dockenv can read it without running the build.
 */
sealed interface PackagingDependencies {

    /** Read statically: setup.cfg's install_requires, a literal one of setup.py, a dependencies file. */
    record Known(List<DeclaredRequirement> requirements) implements PackagingDependencies {
        public Known {
            requirements = List.copyOf(requirements);
        }
    }

    /** Known only when the build runs (pip resolves them then); {@code why} says so. */
    record Unknown(String why) implements PackagingDependencies {
    }

    /** The requirements when known. */
    default Optional<List<DeclaredRequirement>> known() {
        return this instanceof Known k ? Optional.of(k.requirements()) : Optional.empty();
    }

    /** The note saying why they are unknown. */
    default Optional<String> note() {
        return this instanceof Unknown u ? Optional.of(u.why()) : Optional.empty();
    }

    static PackagingDependencies of(PackagingSources sources) {
        if (sources.hasProjectTable() && !sources.dynamic("dependencies")) {
            return new Known(List.of()); // [project] dependencies: read with pyproject.toml
        }
        if (!sources.hasProjectTable() && sources.doc().map(d -> d.contains(List.of("tool", "poetry"))).orElse(false)) {
            return new Known(List.of()); // [tool.poetry.dependencies]: read by the poetry reader
        }
        BuildBackend backend = sources.backend();
        if (!backend.isSetuptools()) {
            return new Unknown("the dependencies are dynamic for " + backend.family() + ": pip resolves them when it "
                    + "installs the project");
        }
        if (sources.hasProjectTable()) {
            Optional<List<DeclaredRequirement>> fromFile = DynamicRequirementFiles.read(sources,
                    List.of("tool", "setuptools", "dynamic", "dependencies"));
            if (fromFile.isPresent()) {
                return new Known(fromFile.get());
            }
        }
        if (sources.setupPy().isPresent()) {
            SetupPy s = sources.setupPy().get();
            if (!s.knows("install_requires")) {
                return new Unknown(s.whyUnknown("install_requires") + ": install_requires is computed when setup.py "
                        + "runs: pip resolves the project's dependencies when it installs it");
            }
            Optional<Object> literal = s.literal("install_requires");
            if (literal.isPresent()) {
                Optional<List<String>> list = PythonLiteral.stringList(literal.get());
                if (list.isEmpty()) {
                    return new Unknown(s.whyUnknown("install_requires") + ": install_requires is not a list of strings");
                }
                SourceLocation at = s.keywords().get("install_requires").location();
                return new Known(list.get().stream().map(t -> SetupCfgReader.validated(t, at)).toList());
            }
        }
        return new Known(sources.setupCfg().map(SetupCfg::installRequires).orElse(List.of()));
    }

    /** Where the dependencies come from, for messages. */
    static String source(PackagingSources sources) {
        if (sources.setupPy().filter(s -> s.literal("install_requires").isPresent()).isPresent()) {
            return "setup.py install_requires";
        }
        if (sources.hasProjectTable()) {
            return "pyproject.toml [tool.setuptools.dynamic] dependencies";
        }
        return "setup.cfg [options] install_requires";
    }
}
