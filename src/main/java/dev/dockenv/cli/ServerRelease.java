package dev.dockenv.cli;

import dev.dockenv.config.DeploySetting;
import dev.dockenv.deploy.ServerHealth;
import dev.dockenv.engine.ImageReference;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.release.ReleasePlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What the deploy commands that run the release on servers (compose, swarm) share: the checks of
 * their options, the refusal of a release a server could not pull, the tag it runs, the file they
 * write and the name they run it under.
 */
final class ServerRelease {
    private ServerRelease() {
    }

    /** The operator's env file, checked to exist; {@code option} is what it was given as. */
    static Optional<Path> envFile(Path startDirectory, Path option) {
        if (option == null) {
            return Optional.empty();
        }
        Path path = startDirectory.resolve(option).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new DockenvException(ExitCode.USAGE, "--env-file " + path + ": no such file",
                    "give the file of NAME=value lines the app and the services read on the server");
        }
        return Optional.of(path);
    }

    /** The health check's path, checked as the check takes it. */
    static String healthPath(String path) {
        try {
            return new ServerHealth.HttpGet(1, path).path();
        } catch (IllegalArgumentException e) {
            throw new DockenvException(ExitCode.USAGE, "--health-path: " + e.getMessage(), "give a path such as /healthz");
        }
    }

    /** Refuses, before anything is built, a release a server could not pull or that is not of a commit. */
    static void refuse(ReleasePlan plan, boolean allowDirty) {
        Release.refuseUncommitted(plan, allowDirty, "deploy");
        Optional<ImageReference> reference = ImageReference.parse(plan.repository() + ":" + deployedTag(plan));
        if (reference.isEmpty() || reference.get().registry().isEmpty()) {
            throw new DockenvException(ExitCode.USAGE, "the release's repository '" + plan.repository() + "' names no "
                    + "registry: a server pulls the image from a registry, and docker would look for it on Docker Hub",
                    "set [tool.dockenv.release] repository = \"registry.example.com/team/" + plan.name()
                            + "\" (docker.io/USER/" + plan.name() + " for Docker Hub), then log in there with docker "
                            + "login");
        }
    }

    /** The deploy settings of the app deployed: its [tool.dockenv.apps.NAME.deploy] keys over the project's. */
    static DeploySetting deploySetting(Project project, Optional<ProjectApp> app) {
        return app.map(a -> a.setting().deploy().over(project.config().deploy())).orElse(project.config().deploy());
    }

    /** The tag the server runs: the version's when there is one, else the commit's (never latest, which moves). */
    static String deployedTag(ReleasePlan plan) {
        return plan.tags().stream().filter(t -> !t.equals("latest")).findFirst().orElse(plan.tags().get(0));
    }

    /** The reference the server pulls: the repository and {@link #deployedTag}. */
    static String deployedImage(ReleasePlan plan) {
        return plan.repository() + ":" + deployedTag(plan);
    }

    /**
     * A path as the written file names it: relative to the file's folder when the project holds it
     * ({@code ../prod.env}), so the file names no folder of this machine; else absolute.
     */
    static String relativeTo(Path folder, Path projectRoot, Path file) {
        if (!file.startsWith(projectRoot)) {
            return file.toString();
        }
        String relative = folder.relativize(file).toString().replace('\\', '/');
        return relative.startsWith("../") ? relative : "./" + relative;
    }

    /** Writes the file whole or not at all, its folder made. */
    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }

    /** The release's name as a compose project or stack name (lower-case letters, digits, '-' and '_'). */
    static String name(String release) {
        String name = release.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^[_-]+", "")
                .replaceAll("[_-]+$", "");
        return name.isEmpty() ? "app" : name;
    }

    /** A name given on the command line ({@code option}: -p/--project-name, --stack), checked. */
    static String checkedName(String option, String name) {
        if (!name.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new DockenvException(ExitCode.USAGE, option + ": '" + name + "' is not a valid name",
                    "use lower-case letters, digits, '-' and '_', a letter or digit first");
        }
        return name;
    }
}
