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
        List<String> origins = new ArrayList<>();
        List<String> reads = new ArrayList<>();
        List<String> dropIn = new ArrayList<>();
        List<String> requirementFiles = new ArrayList<>();
        Set<String> files = new LinkedHashSet<>();
        for (RequirementsSet set : stage.requirements()) {
            set.files().forEach(f -> files.add(project.relative(f)));
            requirementFiles.add(project.relative(set.file()));
            origins.add(project.relative(set.file()));
            reads.addAll(reads(project, set));
            set.filesInstallingProject().stream().map(project::relative).filter(f -> !dropIn.contains(f))
                    .forEach(dropIn::add);
        }
        reads.addAll(stage.manifestCopies());
        origins.addAll(stage.origins());
        List<String> arguments = new ArrayList<>();
        if (project.constraints().isPresent()) {
            RequirementsSet constraints = project.constraints().get();
            arguments.addAll(List.of("-c", project.relative(constraints.file())));
            reads.addAll(reads(project, constraints));
            constraints.files().forEach(f -> files.add(project.relative(f)));
            origins.add(project.relative(constraints.file()) + " (constraints)");
        }
        requirementFiles.forEach(f -> arguments.addAll(List.of("-r", f)));
        arguments.addAll(stage.packages());
        List<String> copies = reads.stream().distinct().filter(p -> !copiedBefore.contains(p)).toList();
        return Optional.of(new StageInstall.Declared(String.join(", ", origins), copies, files, dropIn,
                PipCommand.install(arguments)));
    }

    /** What a set reads: the file, its includes, local paths, find-links folders. */
    private static List<String> reads(Project project, RequirementsSet set) {
        List<String> paths = new ArrayList<>();
        for (List<Path> files : List.of(set.files(), set.localPaths(), set.findLinksDirectories())) {
            files.forEach(f -> paths.add(project.relative(f)));
        }
        return paths;
    }

    /** Every path the installs copy. */
    static Set<String> copiedBy(List<StageInstall> installs) {
        Set<String> copied = new LinkedHashSet<>();
        installs.forEach(i -> copied.addAll(i.copies()));
        return copied;
    }
}
