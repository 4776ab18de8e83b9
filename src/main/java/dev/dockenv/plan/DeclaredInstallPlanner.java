package dev.dockenv.plan;

import dev.dockenv.decision.StageDependencies;
import dev.dockenv.project.Project;
import dev.dockenv.project.RequirementsSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Plans a stage's declared dependencies as one pip run ({@link StageInstall.Declared}). */
final class DeclaredInstallPlanner {
    private DeclaredInstallPlanner() {
    }

    /**
     * The stage's single pip run, or none when it has nothing to install: {@code -c} the project's
     * constraints file, {@code -r} each requirements set, then the packages.
     *
     * @param copiedBefore project paths an earlier stage copies already (not copied again)
     */
    static Optional<StageInstall> plan(Project project, StageDependencies stage, Set<String> copiedBefore) {
        if (stage.isEmpty()) {
            return Optional.empty();
        }
        Set<String> copied = new LinkedHashSet<>(copiedBefore);
        List<String> copies = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<String> dropIn = new ArrayList<>();
        List<String> requirementFiles = new ArrayList<>();
        for (RequirementsSet set : stage.requirements()) {
            requirementFiles.add(project.relative(set.file()));
            origins.add(project.relative(set.file()));
            copies.addAll(newCopies(project, set, copied));
            set.filesInstallingProject().stream().map(project::relative).filter(f -> !dropIn.contains(f))
                    .forEach(dropIn::add);
        }
        stage.manifestCopies().stream().filter(copied::add).forEach(copies::add);
        origins.addAll(stage.origins());
        List<String> arguments = new ArrayList<>();
        if (project.constraints().isPresent()) {
            RequirementsSet constraints = project.constraints().get();
            arguments.addAll(List.of("-c", project.relative(constraints.file())));
            copies.addAll(newCopies(project, constraints, copied));
            origins.add(project.relative(constraints.file()) + " (constraints)");
        }
        requirementFiles.forEach(f -> arguments.addAll(List.of("-r", f)));
        arguments.addAll(stage.packages());
        return Optional.of(new StageInstall.Declared(String.join(", ", origins), copies, dropIn,
                PipCommand.install(arguments)));
    }

    /** What a set reads (the file, its includes, local paths, find-links folders) not copied yet; marks it copied. */
    private static List<String> newCopies(Project project, RequirementsSet set, Set<String> copied) {
        List<String> copies = new ArrayList<>();
        for (List<Path> paths : List.of(set.files(), set.localPaths(), set.findLinksDirectories())) {
            paths.stream().map(project::relative).filter(copied::add).forEach(copies::add);
        }
        return copies;
    }

    /** Every path the installs copy. */
    static Set<String> copiedBy(List<StageInstall> installs) {
        Set<String> copied = new LinkedHashSet<>();
        installs.forEach(i -> copied.addAll(i.copies()));
        return copied;
    }
}
