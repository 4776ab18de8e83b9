package dev.dockenv.plan;

import dev.dockenv.decision.ProjectExtras;
import dev.dockenv.project.CondaEnvironmentFile;
import dev.dockenv.project.Project;
import dev.dockenv.project.RequirementsSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Plans a conda project's environment ({@link CondaDockerfilePlanner}) with what the rest of the project brings. */
final class CondaInstallPlanner {
    private CondaInstallPlanner() {
    }

    /**
     * The conda environment's build. Its pip: list installs the project's own dependencies (with
     * the extras asked for, and those configured) where it installs the project itself.
     */
    static CondaDockerfilePlan plan(Project project, CondaEnvironmentFile file, String baseImage) {
        List<String> includedFiles = new ArrayList<>();
        Set<String> requirementsFiles = new LinkedHashSet<>();
        List<String> installingProject = new ArrayList<>();
        Set<String> includedExtras = new LinkedHashSet<>();
        for (RequirementsSet set : file.pipIncludes()) {
            for (List<Path> paths : List.of(set.files(), set.localPaths(), set.findLinksDirectories())) {
                paths.forEach(p -> includedFiles.add(project.relative(p)));
            }
            set.files().forEach(p -> requirementsFiles.add(project.relative(p)));
            set.filesInstallingProject().forEach(f -> installingProject.add(project.relative(f)));
            includedExtras.addAll(set.projectExtras());
        }
        CondaDockerfilePlanner.Inputs inputs = new CondaDockerfilePlanner.Inputs(baseImage, file.pythonPin(),
                new CondaDockerfilePlanner.Includes(includedFiles, requirementsFiles, installingProject,
                        includedExtras),
                extras -> projectRequirements(project, extras), file.notInstalled());
        return CondaDockerfilePlanner.plan(file.environment(), file.path(), inputs);
    }

    /** The project's dependencies and those of the extras asked for and configured, each once. */
    private static List<String> projectRequirements(Project project, Set<String> extras) {
        Set<String> all = new LinkedHashSet<>(project.config().extras());
        all.addAll(extras);
        List<String> out = new ArrayList<>(ProjectExtras.dependencies(project));
        out.addAll(ProjectExtras.requirements(project, all));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** The extras the base stage installs: configured, and those the pip: list asks of the project. */
    static Set<String> baseExtras(Project project, CondaDockerfilePlan plan) {
        Set<String> extras = new LinkedHashSet<>(project.config().extras());
        extras.addAll(plan.projectExtras());
        return extras;
    }
}
