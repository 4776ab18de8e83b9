package dev.dockenv.plan;


/**
 * What the {@code mambaorg/micromamba} images provide, as their Dockerfile and documentation
 * (github.com/mamba-org/micromamba-docker) describe them: micromamba at {@code /bin/micromamba}, an
 * empty {@code base} environment at {@code /opt/conda}, the non-root user {@code mambauser}
 * (uid/gid 57439 since August 2023, named by {@code $MAMBA_USER}) as the default user, a
 * {@code SHELL} script that activates the environment for shell-form {@code RUN} when
 * {@code MAMBA_DOCKERFILE_ACTIVATE=1}, and an {@code ENTRYPOINT} script that activates it for every
 * {@code docker run} command. A derived image must keep both: overriding {@code SHELL} or
 * {@code ENTRYPOINT} (without {@link #ENTRYPOINT} first) loses activation.
 */
public final class MicromambaImage {
    public static final String REPOSITORY = "mambaorg/micromamba";
    /** A micromamba release the images are tagged with; pin a digest for reproducible builds. */
    public static final String DEFAULT_TAG = "2.5.0";
    /** The image a conda project's base stage starts from unless base-image is configured. */
    public static final String DEFAULT_IMAGE = REPOSITORY + ":" + DEFAULT_TAG;
    /** {@code $MAMBA_USER}, for {@code USER} (the image sets MAMBA_USER). */
    public static final String USER_VARIABLE = "$MAMBA_USER";
    /** {@code $MAMBA_USER:$MAMBA_USER}, for {@code COPY --chown} and {@code chown}. */
    public static final String CHOWN = "$MAMBA_USER:$MAMBA_USER";
    /** {@code $MAMBA_ROOT_PREFIX}: the base environment. */
    public static final String ROOT_PREFIX = "/opt/conda";
    public static final String ENTRYPOINT = "/usr/local/bin/_entrypoint.sh";
    public static final String DOCKERFILE_SHELL = "/usr/local/bin/_dockerfile_shell.sh";
    /** The variable (build argument or ENV) that makes the image's SHELL activate the environment for RUN. */
    public static final String DOCKERFILE_ACTIVATE = "MAMBA_DOCKERFILE_ACTIVATE";

    private MicromambaImage() {
    }
}
