package dev.dockenv.lock.conda;

import dev.dockenv.dockerfile.Instruction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a Dockerfile builds a conda environment on a micromamba image: values only, for the
 * Dockerfile composer to place in a stage {@code FROM baseImage}.
 *
 * @param baseImage       {@code mambaorg/micromamba:TAG}
 * @param generatedFiles  files the build context must hold, by context path: the conda part of the
 *                        environment file and, with a {@code pip:} list, its lines as a
 *                        requirements file
 * @param contextPaths    project files the instructions copy (without the context prefix): those the
 *                        {@code pip:} lines name with {@code -r}, {@code -c}, local paths and
 *                        {@code --find-links}
 * @param instructions    the instructions after {@code FROM}, in order; they end as
 *                        {@link MicromambaImage#USER}, with the environment active for later
 *                        shell-form RUN
 * @param installsProject a {@code pip:} line installs the project itself ({@code -e .}); it is left
 *                        out of the generated requirements, for the composer to handle as it does
 *                        for requirements files (a bind mount in dev, a copy in prod)
 */
public record CondaDockerfilePlan(String baseImage, Map<String, String> generatedFiles, List<String> contextPaths,
        List<Instruction> instructions, boolean installsProject) {

    public CondaDockerfilePlan {
        Objects.requireNonNull(baseImage);
        generatedFiles = Collections.unmodifiableMap(new LinkedHashMap<>(generatedFiles));
        contextPaths = List.copyOf(contextPaths);
        instructions = List.copyOf(instructions);
    }

    /** The user the image runs as: the micromamba image's own non-root user. */
    public String user() {
        return MicromambaImage.USER;
    }
}
