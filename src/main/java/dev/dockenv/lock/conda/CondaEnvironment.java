package dev.dockenv.lock.conda;

import dev.dockenv.deps.GlobalOption;
import dev.dockenv.deps.PackageRequirement;
import dev.dockenv.deps.RequirementsFile;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import dev.dockenv.python.DeclaredPython;

/**
 * What a conda environment file ({@code environment.yml} / {@code environment.yaml}) says.
 *
 * @param name            the {@code name:} (micromamba ignores it when told {@code -n base})
 * @param channels        {@code channels:}, in priority order
 * @param dependencies    the conda packages of {@code dependencies:}, in order
 * @param pipLines        the {@code pip:} sub-list, each line as written
 * @param pipRequirements the same lines read as a requirements file (each line validated the way
 *                        pip reads it; locations point into the environment file)
 * @param variables       {@code variables:}, in order (environment variables of the environment)
 * @param python          the Python version or range its {@code python} dependency names: a version
 *                        such as {@code 3.11} when it pins one, else PEP 440 specifiers such as
 *                        {@code >=3.10,<3.12}
 * @param ignoredKeys     top-level keys conda does not define (other tools', such as conda-lock's
 *                        {@code platforms}), with where they are; {@code prefix} is not among them
 */
public record CondaEnvironment(Path file, Optional<String> name, List<CondaChannel> channels,
        List<MatchSpec> dependencies, List<PipLine> pipLines, RequirementsFile pipRequirements,
        Map<String, String> variables, Optional<DeclaredPython> python,
        Map<String, SourceLocation> ignoredKeys) {

    /** The format name in {@link DeclaredDependencies}. */
    public static final String FORMAT = "environment.yml";

    public CondaEnvironment {
        Objects.requireNonNull(file);
        Objects.requireNonNull(name);
        channels = List.copyOf(channels);
        dependencies = List.copyOf(dependencies);
        pipLines = List.copyOf(pipLines);
        Objects.requireNonNull(pipRequirements);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Objects.requireNonNull(python);
        ignoredKeys = Collections.unmodifiableMap(new LinkedHashMap<>(ignoredKeys));
    }

    public List<String> channelNames() {
        return channels.stream().map(CondaChannel::name).toList();
    }

    /** True when {@code pip} itself is among the conda dependencies (conda warns when a pip: list lacks it). */
    public boolean listsPip() {
        return dependencies.stream().anyMatch(MatchSpec::isPip);
    }

    /** True when the file has a non-empty {@code pip:} list. */
    public boolean hasPipSection() {
        return !pipLines.isEmpty();
    }

    /**
     * The pip part as a manifest: its named (PEP 508) requirements in group "main", the Python
     * version, and its {@code --index-url} then {@code --extra-index-url} URLs. Lines that are
     * not PEP 508 requirements ({@code -r file}, {@code -e .}, local paths, bare VCS URLs) stay
     * in {@link #pipRequirements()}: the included files are not read here.
     */
    public DeclaredDependencies toDeclaredDependencies() {
        List<DeclaredRequirement> main = pipRequirements.entriesOf(PackageRequirement.class).stream()
                .map(p -> new DeclaredRequirement(p.requirement().text(), p.location()))
                .toList();
        List<String> indexUrls = new ArrayList<>();
        List<GlobalOption> options = pipRequirements.entriesOf(GlobalOption.class);
        options.stream().filter(o -> o.is(GlobalOption.INDEX_URL)).forEach(o -> indexUrls.add(o.value().orElseThrow()));
        options.stream().filter(o -> o.is(GlobalOption.EXTRA_INDEX_URL))
                .forEach(o -> indexUrls.add(o.value().orElseThrow()));
        return new DeclaredDependencies(file, FORMAT, Map.of(DependencyGroups.MAIN, main), python,
                indexUrls.stream().distinct().toList());
    }
}
