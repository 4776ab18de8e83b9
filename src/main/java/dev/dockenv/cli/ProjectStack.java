package dev.dockenv.cli;

import dev.dockenv.cache.RunStack;
import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.project.Project;
import dev.dockenv.services.SecretStore;
import dev.dockenv.services.StackStarter;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.StackCompose;
import dev.dockenv.stack.StackPlan;
import dev.dockenv.stack.StackPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project's dev stack on this machine: its plan, the compose file dockenv renders from it into
 * {@code .dockenv/stack/compose.yaml} (plain compose: {@code docker compose -f .dockenv/stack/compose.yaml
 * --env-file .dockenv/stack/secrets.env -p PROJECT ps} works), the project's generated passwords, the
 * variables file the app's containers read, and compose to run it all.
 */
final class ProjectStack {
    static final String COMPOSE_FILE = SecretStore.FOLDER + "/compose.yaml";
    static final String APP_ENV_FILE = SecretStore.FOLDER + "/app.env";
    /** The compose service of the project's own container. */
    static final String APP = "app";

    private final Session session;
    private final Project project;
    private final StackPlan plan;

    private ProjectStack(Session session, Project project, StackPlan plan) {
        this.session = session;
        this.project = project;
        this.plan = plan;
    }

    static ProjectStack of(Session session, Project project) {
        StackPlan plan = StackPlanner.plan(project.name(), project.root(), project.config().stack(),
                project.config().environment().keySet());
        return new ProjectStack(session, project, plan);
    }

    StackPlan plan() {
        return plan;
    }

    Project project() {
        return project;
    }

    Path composeFile() {
        return project.root().resolve(COMPOSE_FILE);
    }

    Path appEnvFile() {
        return project.root().resolve(APP_ENV_FILE);
    }

    ComposeProject composeProject() {
        SecretStore secrets = SecretStore.of(project.root());
        return new ComposeProject(plan.project(), composeFile(), project.root(),
                secrets.exists() ? Optional.of(secrets.file()) : Optional.empty());
    }

    /** The compose implementation, or an error saying how to get one. */
    Compose compose() {
        if (session.engine().info().dialect() == dev.dockenv.engine.EngineDialect.PODMAN) {
            throw new DockenvException(ExitCode.COMPOSE_MISSING, "the services of " + project.name() + " ("
                    + String.join(", ", plan.serviceNames()) + ") need docker compose, and dockenv does not run "
                    + "them with Podman yet", "run the project's services with Docker (unset DOCKENV_DOCKER), or "
                    + "start them yourself with podman-compose on .dockenv/stack/compose.yaml");
        }
        return session.engine().compose().orElseThrow(() -> new DockenvException(ExitCode.COMPOSE_MISSING,
                "the services of " + project.name() + " (" + String.join(", ", plan.serviceNames())
                + ") are run by docker compose, which is not installed",
                "install the compose plugin (docker-compose-plugin) or Debian's docker-compose, then try again"));
    }

    /**
     * Writes what compose and the app's containers read: the passwords (made once), the compose
     * file (with the app's service when given), and the app's variables file.
     */
    boolean write(Optional<AppContainer> app) {
        Map<String, String> secrets = SecretStore.of(project.root()).ensure(plan.secrets());
        ComposeModel.Builder model = ComposeModel.builder().header(
                "Written by dockenv from the settings of " + project.name() + "; rewritten on each start.",
                "Passwords come from " + SecretStore.FILE + ": docker compose -f " + COMPOSE_FILE
                + " --env-file " + SecretStore.FILE + " -p " + plan.project() + " ps");
        StackCompose.addServices(model, plan, StackCompose.BindPaths.absolute());
        app.ifPresent(a -> model.service(APP, StackCompose.appService(a, plan)));
        StringBuilder env = new StringBuilder();
        new java.util.TreeMap<>(plan.appEnvironment()).forEach((k, v) -> env.append(k).append('=')
                .append(v.resolve(secrets)).append('\n'));
        String compose = ComposeYaml.render(model.build());
        try {
            boolean changed = !Files.isRegularFile(composeFile()) || !Files.readString(composeFile()).equals(compose);
            if (changed) {
                AtomicFiles.write(composeFile(), compose);
            }
            AtomicFiles.writePrivate(appEnvFile(), env.toString());
            return changed;
        } catch (IOException e) {
            throw IoFailures.writing(composeFile().getParent(), e);
        }
    }

    /**
     * After the settings changed (a new compose file): the app's services that run are brought up to
     * date by compose (those whose settings changed are recreated); none running, nothing to do.
     */
    void refresh() {
        List<String> services = plan.appDependencies();
        boolean anyRunning = session.engine().composeContainers(plan.project()).stream()
                .anyMatch(c -> c.running() && services.contains(c.service()));
        if (anyRunning) {
            starter().ensureReady(composeProject(), plan, services, true);
        }
    }

    /** Writes the files when the compose file is missing (commands that only look at a running stack). */
    void writeIfMissing() {
        if (!Files.isRegularFile(composeFile())) {
            write(Optional.empty());
        }
    }

    /** Starts these services (and their dependencies) unless they are ready, and waits for them. */
    void start(List<String> services) {
        start(services, false);
    }

    /** As {@link #start(List)}; {@code refresh}: the settings changed, running ones are brought up to date. */
    void start(List<String> services, boolean refresh) {
        if (services.isEmpty()) {
            return;
        }
        starter().ensureReady(composeProject(), plan, services, refresh);
    }

    private StackStarter starter() {
        return new StackStarter(session.engine(), compose(), line -> {
            session.err().println("dockenv: " + line);
            session.err().flush();
        });
    }

    /** What a warm run needs to find the app's services again. */
    RunStack runStack() {
        return new RunStack(plan.project(), plan.network(), plan.appDependencies(), appEnvFile().toString());
    }

    /** The files the stack's run depends on: a change (or removal) sends the next run through the cold path. */
    List<Path> runInputs() {
        return List.of(composeFile(), appEnvFile(), SecretStore.of(project.root()).file());
    }
}
