package dev.dockenv.plan;

import static dev.dockenv.config.ShellWords.quote;

import dev.dockenv.dockerfile.Instruction;
import dev.dockenv.dockerfile.Instruction.Comment;
import dev.dockenv.dockerfile.Instruction.Copy;
import dev.dockenv.dockerfile.Instruction.Env;
import dev.dockenv.dockerfile.Instruction.Run;
import dev.dockenv.dockerfile.Instruction.User;
import dev.dockenv.dockerfile.Instruction.Workdir;
import dev.dockenv.dockerfile.Mount;
import dev.dockenv.dockerfile.Stage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base stage of a project whose environment is a conda environment file: the environment is
 * built on a micromamba image as micromamba-docker documents it, then the rest of the base stage
 * follows as for a virtualenv (system packages, build commands, postBuild, the configured
 * environment). The dev and prod stages are the same as for a virtualenv: the base stage ends as
 * root with the environment active, so the dev stage's pip is the environment's.
 *
 * <p>What this relies on, from micromamba-docker's own files (github.com/mamba-org/micromamba-docker):
 * <ul>
 * <li>docs/advanced_usage.rst, "Changing the user id or name": the image "can be run with any
 *     UID/GID by passing the docker run ... command the --user=UID:GID parameters. Running with
 *     --user=root is supported." {@code dockenv run} runs as the host's uid with a generated
 *     /etc/passwd; nothing here depends on the user being mambauser.</li>
 * <li>_entrypoint.sh (the image's ENTRYPOINT, kept: no stage here sets one) sources
 *     _activate_current_env.sh, which activates {@code $ENV_NAME} (base) under
 *     {@code $MAMBA_ROOT_PREFIX} (/opt/conda) with {@code micromamba shell hook}: it reads the
 *     environment, whoever the user is. It sets USER and HOME only when neither is set (dockenv
 *     sets both).</li>
 * <li>_dockerfile_setup_root_prefix.sh makes {@code $MAMBA_ROOT_PREFIX} world-writable when the
 *     image is made; packages micromamba installs as mambauser are world-readable (umask 022), so
 *     another uid can run them.</li>
 * <li>_dockerfile_shell.sh (the image's SHELL) activates the environment for RUN when
 *     {@code MAMBA_DOCKERFILE_ACTIVATE=1}; advanced_usage.rst warns that overriding SHELL breaks
 *     activation, so no stage sets SHELL. It is set with ENV, not ARG, so that the dev and prod
 *     stages' RUN see it too.</li>
 * <li>advanced_usage.rst, "On docker exec": PATH with {@code $MAMBA_ROOT_PREFIX/bin} approximates
 *     activation where no entrypoint runs.</li>
 * </ul>
 */
public final class CondaBaseStage {
    /** Where the derived environment file is copied for micromamba. */
    static final String CONDA_FILE_IN_IMAGE = "/tmp/dockenv-conda-environment.yml";
    /** The pip file's name beside the environment file, as conda writes its temporary one. */
    static final String PIP_FILE_IN_WORKDIR = ".dockenv-conda-pip-requirements.txt";

    private CondaBaseStage() {
    }

    /** The header line saying which Python the image has. */
    static String pythonLine(EnvironmentPlan plan, CondaDockerfilePlan conda) {
        return conda.pythonPinned()
                ? "Python " + plan.python().version() + " from " + plan.python().describeSource() + ", installed by conda."
                : "Python chosen by conda's solver (no file names a version).";
    }

    static Stage compose(EnvironmentPlan plan, CondaDockerfilePlan conda, String prefix) {
        Stage.Builder s = Stage.builder(EnvironmentDockerfile.BASE, conda.baseImage());
        if (!conda.notInstalled().isEmpty()) {
            s.comment(conda.environmentFile() + " is the environment (as repo2docker reads it); not installed:");
            conda.notInstalled().forEach(n -> s.comment("  " + n));
        }
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.put("PYTHONUNBUFFERED", "1");
        env.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        env.put("PIP_ROOT_USER_ACTION", "ignore");
        s.add(new Env(env, false));
        if (!plan.base().aptPackages().isEmpty()) {
            s.add(new User("root"));
            EnvironmentDockerfile.aptInstall(s, plan);
        }
        condaInstall(conda, prefix).forEach(s::add);
        // the project on sys.path through a .pth in the environment's site-packages, as for a virtualenv
        s.add(EnvironmentDockerfile.projectPth(plan));
        s.add(new Workdir(ContainerPaths.PROJECT));
        if (conda.pipFile().isPresent()) {
            EnvironmentDockerfile.indexArgs(s, plan);
            pipInstall(conda, prefix, EnvironmentDockerfile.pipMounts(plan)).forEach(s::add);
        }
        if (!conda.variables().isEmpty()) {
            // set for the build commands and postBuild too, as activation sets them; [tool.dockenv] env comes after
            s.comment("variables: of " + conda.environmentFile());
            s.add(new Env(conda.variables(), true));
        }
        // then the rest of the base stage, as for a virtualenv
        EnvironmentDockerfile.finishBase(s, plan, prefix);
        return s.build();
    }

    /**
     * The conda packages, installed by micromamba as the image's user (so mambauser owns the
     * environment, as micromamba-docker recommends); ends as root with the environment active.
     */
    public static List<Instruction> condaInstall(CondaDockerfilePlan conda, String prefix) {
        List<Instruction> steps = new ArrayList<>();
        steps.add(new Comment("Conda environment from " + conda.environmentFile() + ": micromamba installs its "
                + "packages into the image's base environment, as the image's user"));
        steps.add(new User(MicromambaImage.USER_VARIABLE));
        steps.add(new Copy(List.of(prefix + conda.condaFile().path()), CONDA_FILE_IN_IMAGE, Optional.empty(),
                Optional.of(MicromambaImage.CHOWN)));
        steps.add(Run.of("micromamba install --yes --name base --file " + CONDA_FILE_IN_IMAGE,
                "micromamba clean --all --yes"));
        steps.add(new Comment("The environment is active for every RUN below and in the later stages (the image's "
                + "SHELL reads " + MicromambaImage.DOCKERFILE_ACTIVATE + "), for docker run through the image's entrypoint, "
                + "and on PATH for docker exec"));
        Map<String, String> activate = new LinkedHashMap<>();
        activate.put(MicromambaImage.DOCKERFILE_ACTIVATE, "1");
        activate.put("PATH", MicromambaImage.ROOT_PREFIX + "/bin:$PATH");
        steps.add(new Env(activate, false));
        steps.add(new User("root"));
        return steps;
    }

    /**
     * The pip: list, installed by the environment's pip as conda runs it: {@code pip install -U -r
     * FILE --exists-action=b} in the environment file's directory, after copying what its lines
     * name; lines installing the project itself are dropped from the copied files.
     */
    public static List<Instruction> pipInstall(CondaDockerfilePlan conda, String prefix, List<Mount> mounts) {
        String dir = conda.environmentDirectory();
        String workdir = dir.isEmpty() ? ContainerPaths.PROJECT : ContainerPaths.PROJECT + "/" + dir;
        List<Instruction> steps = new ArrayList<>();
        steps.add(new Comment("The pip: list of " + conda.environmentFile() + (conda.installsProject()
                ? " (less the project itself, which comes from the mount or the copied source)" : "")
                + ", installed by the environment's pip as conda does it, in the file's directory"));
        if (!dir.isEmpty()) {
            steps.add(new Workdir(workdir));
        }
        steps.addAll(DependencyCopies.of(conda.dependencyFolder(), conda.copies(), prefix, ContainerPaths.PROJECT));
        steps.add(Copy.of(prefix + conda.pipFile().orElseThrow().path(), PIP_FILE_IN_WORKDIR));
        List<String> commands = new ArrayList<>();
        if (!conda.dropProjectLinesFrom().isEmpty()) {
            commands.add(EnvironmentDockerfile.DROP_PROJECT_LINES + " " + String.join(" ", conda.dropProjectLinesFrom()
                    .stream().map(f -> quote(ContainerPaths.PROJECT + "/" + f)).toList()));
        }
        commands.add(PipCommand.install("-U", "-r", PIP_FILE_IN_WORKDIR, "--exists-action=b").shellText("python -m pip"));
        commands.add("rm " + PIP_FILE_IN_WORKDIR);
        steps.add(new Run(mounts, commands));
        if (!dir.isEmpty()) {
            steps.add(new Workdir(ContainerPaths.PROJECT));
        }
        return steps;
    }
}
