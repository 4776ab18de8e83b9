package dev.dockenv.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How an image builds a project's conda environment on a micromamba image: values only, for the
 * Dockerfile composer ({@code plan.CondaBaseStage}) to turn into instructions.
 *
 * @param environmentFile       the environment file's project-relative path ({@code environment.yml})
 * @param baseImage             the micromamba image, {@code mambaorg/micromamba:TAG} unless configured
 * @param condaFile             the derived environment file micromamba installs: the conda part
 *                              (channels and packages) without the pip: list
 * @param pipFile               with a pip: list (or project dependencies to install), its lines as
 *                              a requirements file, minus the lines that install the project itself
 * @param copies                project paths the pip step copies first, in order: the files the
 *                              pip: lines name ({@code -r}, {@code -c}, local paths,
 *                              {@code --find-links}) and what the included files read in turn
 * @param singleFiles           which of the copies are requirements files, copied together
 *                              ({@link DependencyCopies})
 * @param dropProjectLinesFrom  copied requirements files whose lines installing the project itself
 *                              ({@code -e .}) are removed before pip runs
 * @param installsProject       the pip: list installs the project itself ({@code -e .}): the project
 *                              comes from the bind mount (dev) or the copied source (prod), and its
 *                              pyproject dependencies join the pip file instead
 * @param variables             the environment file's {@code variables:}, as image environment
 * @param pythonPinned          the derived file names a Python version (the environment file's own,
 *                              or one dockenv added from another file); false: conda's solver picks
 * @param notInstalled          the project's other dependency sources, left out because the
 *                              environment file is the environment, each with the way to bring it in
 * @param projectExtras         the extras asked of the project ({@code -e .[test]}) whose
 *                              requirements join the pip file; empty when it does not install the project
 */
public record CondaDockerfilePlan(String environmentFile, String baseImage, GeneratedFile condaFile,
        Optional<GeneratedFile> pipFile, List<String> copies, Set<String> singleFiles, List<String> dropProjectLinesFrom,
        boolean installsProject, Map<String, String> variables, boolean pythonPinned, List<String> notInstalled,
        Set<String> projectExtras) {

    public CondaDockerfilePlan {
        Objects.requireNonNull(environmentFile);
        Objects.requireNonNull(baseImage);
        Objects.requireNonNull(condaFile);
        Objects.requireNonNull(pipFile);
        copies = List.copyOf(copies);
        singleFiles = Set.copyOf(singleFiles);
        dropProjectLinesFrom = List.copyOf(dropProjectLinesFrom);
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        notInstalled = List.copyOf(notInstalled);
        projectExtras = Collections.unmodifiableSet(new java.util.LinkedHashSet<>(projectExtras));
    }

    /** The requirements files the pip step copies, as one folder of the build context, when there are several. */
    public Optional<DependencyFolder> dependencyFolder() {
        return DependencyCopies.folder("conda", copies, singleFiles);
    }

    /** The files dockenv derives for this build (under {@code .dockenv/conda/}). */
    public List<GeneratedFile> generatedFiles() {
        List<GeneratedFile> files = new ArrayList<>(List.of(condaFile));
        pipFile.ifPresent(files::add);
        return List.copyOf(files);
    }

    /** The environment file's folder in the project: "" at the root. */
    public String environmentDirectory() {
        int slash = environmentFile.lastIndexOf('/');
        return slash < 0 ? "" : environmentFile.substring(0, slash);
    }
}
