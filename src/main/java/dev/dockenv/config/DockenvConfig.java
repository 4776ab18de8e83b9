package dev.dockenv.config;

import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user's settings from {@code [tool.dockenv]} in pyproject.toml or from dockenv.toml.
 * Every field is optional; {@link #empty()} is a project without configuration.
 * {@code requirements} and {@code devRequirements} are the requirements sets chosen for the base
 * and dev stages, as written (the scan resolves them to files); empty when not configured, which
 * is not the same as an empty list (install none). {@code buildInputs} are the project files,
 * folders and glob patterns the build commands and postBuild read, as written (checked to stay
 * inside the project; the scan finds what they name). {@code stack} holds the services beside the app
 * and which of them the app depends on; {@code apps} the repository's apps over the shared base
 * (none: the project is one app).
 */
public record DockenvConfig(
        Optional<Path> source,
        Optional<String> python,
        Optional<SourceLocation> pythonLocation,
        Optional<String> baseImage,
        List<String> aptPackages,
        List<String> buildCommands,
        List<String> ports,
        Map<String, String> environment,
        List<String> command,
        Optional<String> indexUrl,
        List<String> extraIndexUrls,
        List<String> trustedHosts,
        List<String> extras,
        Optional<List<RequirementsChoice>> requirements,
        Optional<List<RequirementsChoice>> devRequirements,
        List<BuildInput> buildInputs,
        StackSettings stack,
        List<AppSetting> apps,
        ReleaseSetting release,
        DeploySetting deploy) {

    /** A requirements set named in the configuration, with where it is written. */
    public record RequirementsChoice(String name, SourceLocation location) {
    }

    /**
     * A {@code build-inputs} entry: a '/'-separated project-relative path or glob pattern (no
     * {@code ..}, not absolute, no leading {@code ./}), with where it is written.
     */
    public record BuildInput(String pattern, SourceLocation location) {
        /** Whether the entry is a glob pattern (Docker's: {@code *}, {@code ?}, {@code [...]}, {@code **}). */
        public boolean isGlob() {
            return pattern.matches(".*[*?\\[].*");
        }

        /** Whether a project path can be given to a build step (written in a RUN --mount flag as it is). */
        public static boolean mountable(String path) {
            return !path.isEmpty() && path.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c)
                    || "_.@%+:/-".indexOf(c) >= 0));
        }
    }

    public DockenvConfig {
        aptPackages = List.copyOf(aptPackages);
        buildCommands = List.copyOf(buildCommands);
        ports = List.copyOf(ports);
        environment = Map.copyOf(environment);
        command = List.copyOf(command);
        extraIndexUrls = List.copyOf(extraIndexUrls);
        trustedHosts = List.copyOf(trustedHosts);
        extras = List.copyOf(extras);
        requirements = requirements.map(List::copyOf);
        devRequirements = devRequirements.map(List::copyOf);
        buildInputs = List.copyOf(buildInputs);
        apps = List.copyOf(apps);
    }

    public static DockenvConfig empty() {
        return new DockenvConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of(), List.of(), Map.of(), List.of(), Optional.empty(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), List.of(), StackSettings.none(), List.of(), ReleaseSetting.none(),
                DeploySetting.none());
    }
}
