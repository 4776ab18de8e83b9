package dev.dockenv.project;

import dev.dockenv.deps.IncludeFile;
import dev.dockenv.deps.LocalRequirement;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.conda.CondaEnvironment;
import dev.dockenv.lock.conda.CondaEnvironmentReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import dev.dockenv.deps.FileUrls;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.pyproject.PyprojectFile;

/**
 * Finds and reads a project's conda environment file, the requirements files its {@code pip:}
 * list includes, and what else the project declares that the environment file replaces.
 */
final class CondaFiles {
    /** Manifests and locks of other tools (which a conda environment replaces), in order of precedence. */
    static final List<String> OTHER_TOOLS = otherTools();
    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private CondaFiles() {
    }

    private static List<String> otherTools() {
        List<String> files = new ArrayList<>(List.of("Pipfile"));
        files.addAll(LockFormat.fileNames());
        return List.copyOf(files);
    }

    static Optional<CondaEnvironmentFile> read(Path root, Optional<PyprojectFile> pyproject, List<RequirementsSet> main) {
        List<String> present = CondaEnvironmentFile.NAMES.stream().filter(n -> Files.isRegularFile(root.resolve(n)))
                .toList();
        if (present.isEmpty()) {
            return Optional.empty();
        }
        if (present.size() > 1) {
            throw new InputException(SourceLocation.of(root.resolve(present.get(1))), "both " + present.get(0)
                    + " and " + present.get(1) + " are here, and a project has one conda environment",
                    "keep one of them (conda env create reads " + present.get(0) + " by default)");
        }
        String name = present.get(0);
        CondaEnvironment env = CondaEnvironmentReader.read(root.resolve(name));
        List<RequirementsSet> includes = new ArrayList<>();
        for (IncludeFile include : env.pipRequirements().entriesOf(IncludeFile.class)) {
            // file:requirements.txt is a path pip reads as one (relative to the environment file)
            String path = FileUrls.isFileUrl(include.rawPath()) ? FileUrls.toPath(include.rawPath()) : include.rawPath();
            if (include.isRemote() || URL.matcher(path).matches()) {
                continue; // pip downloads it; another scheme is refused when the build is planned
            }
            // conda runs pip in the environment file's directory, which is the project root
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root)) {
                continue; // refused with its position when the build is planned
            }
            if (!Files.isRegularFile(file)) {
                throw new InputException(include.location(), "included file '" + include.rawPath() + "' not found",
                        "paths in the pip: list are relative to " + name + "'s directory");
            }
            includes.add(RequirementsSets.load(root, file));
        }
        return Optional.of(new CondaEnvironmentFile(name, env, includes,
                notInstalled(root, name, env, includes, pyproject, main), Optional.empty()));
    }

    /** What the project declares besides the environment file, and how to have it installed. */
    private static List<String> notInstalled(Path root, String name, CondaEnvironment env,
            List<RequirementsSet> includes, Optional<PyprojectFile> pyproject, List<RequirementsSet> main) {
        List<String> out = new ArrayList<>();
        Set<Path> included = new HashSet<>();
        includes.forEach(set -> set.files().forEach(f -> included.add(f.toAbsolutePath().normalize())));
        for (RequirementsSet set : main) {
            if (!included.contains(set.file().toAbsolutePath().normalize())) {
                String rel = root.relativize(set.file().toAbsolutePath().normalize()).toString().replace('\\', '/');
                out.add(rel + ": add '- -r " + rel + "' under pip: in " + name + " to install it");
            }
        }
        boolean installsProject = includes.stream().anyMatch(RequirementsSet::installsProject)
                || env.pipRequirements().entriesOf(LocalRequirement.class).stream().anyMatch(l -> l.isProjectRoot(root));
        if (pyproject.isPresent() && !pyproject.get().dependencies().isEmpty() && !installsProject) {
            out.add("pyproject.toml [project] dependencies: add '- -e .' under pip: in " + name
                    + " to install them (the project itself comes from the mount or the copied source)");
        }
        if (pyproject.isPresent() && pyproject.get().document().contains(List.of("tool", "poetry", "dependencies"))) {
            out.add("pyproject.toml [tool.poetry] dependencies: list them in " + name);
        }
        for (String other : OTHER_TOOLS) {
            if (Files.isRegularFile(root.resolve(other))) {
                out.add(other + ": list its packages in " + name);
            }
        }
        return out;
    }
}
