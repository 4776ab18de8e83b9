package dev.dockenv.plan;

import dev.dockenv.packaging.ModuleStub;
import dev.dockenv.packaging.PackagingProject;
import dev.dockenv.project.PipSourceOption;
import dev.dockenv.project.Project;
import dev.dockenv.project.RequirementsSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans how the project itself is installed ({@link ProjectInstall}) when it is an installable distribution. */
public final class ProjectInstallPlanner {
    /** Where the module stand-ins are derived, under {@link GeneratedFile#FOLDER}. */
    static final String STUBS = GeneratedFile.FOLDER + "editable/";

    private ProjectInstallPlanner() {
    }

    /**
     * @param locked whether a lock installs the dependencies (the project is then installed alone)
     */
    public static Optional<ProjectInstall> plan(Project project, boolean locked) {
        if (project.packaging().isEmpty()) {
            return Optional.empty();
        }
        PackagingProject p = project.packaging().get();
        List<ProjectInstall.StubCopy> stubs = new ArrayList<>();
        for (ModuleStub stub : p.stubs()) {
            stubs.add(new ProjectInstall.StubCopy(new GeneratedFile(STUBS + stub.path(), stub.content()), stub.path()));
        }
        return Optional.of(new ProjectInstall(p.name().orElse(project.name()), p.backend().backend(),
                p.editableInputs(), stubs, p.packageDirs(), locked || p.dependenciesKnown(), pipSources(project)));
    }

    /** The main requirements files' options naming indexes and package folders, as pip arguments. */
    private static List<String> pipSources(Project project) {
        List<String> args = new ArrayList<>();
        for (RequirementsSet set : project.requirements()) {
            for (PipSourceOption o : set.sourceOptions()) {
                args.add(o.name());
                if (!o.value().isEmpty()) {
                    args.add(o.projectPath() ? ContainerPaths.PROJECT + "/" + o.value() : o.value());
                }
            }
        }
        return args;
    }
}
