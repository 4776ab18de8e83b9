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
import dev.dockenv.io.Sha256;
import dev.dockenv.config.StackSettings;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.services.SecretStore;
import dev.dockenv.services.StackFolder;
import dev.dockenv.services.StackStarter;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.StackCompose;
import dev.dockenv.stack.PlannedService;
import dev.dockenv.stack.StackPlan;
import dev.dockenv.stack.StackPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    static final String COMPOSE_FILE = StackFolder.PATH + "/compose.yaml";
    static final String APP_ENV_FILE = StackFolder.PATH + "/app.env";
    /** The digest of the compose file compose last brought the services up with. */
    static final String APPLIED_FILE = StackFolder.PATH + "/applied";
    /** The compose service of the project's own container. */
    static final String APP = "app";

    private final Session session;
    private final Project project;
    private final StackPlan plan;
    /** Each app's view of the stack (the services it depends on, the variables it gets), by name. */
    private final Map<String, StackPlan> appPlans;

    private ProjectStack(Session session, Project project, StackPlan plan, Map<String, StackPlan> appPlans) {
        this.session = session;
        this.project = project;
        this.plan = plan;
        this.appPlans = Map.copyOf(appPlans);
    }

    static ProjectStack of(Session session, Project project) {
        java.util.Set<String> variables = project.config().environment().keySet();
        StackPlan plan = StackPlanner.plan(project.name(), project.root(), project.config().stack(), variables);
        Map<String, StackPlan> apps = new java.util.LinkedHashMap<>();
        for (ProjectApp app : project.apps()) {
            apps.put(app.name(), StackPlanner.plan(project.name(), project.root(), new StackSettings(
                    project.config().stack().services(), app.setting().dependsOn()), variables));
        }
        return new ProjectStack(session, project, plan, apps);
    }

    /** The stack as the shared environment's container sees it (the project's own app, when it has no apps). */
    StackPlan plan() {
        return plan;
    }

    /** The names of the passwords the stack's services use, in the project's view and every app's, sorted. */
    List<String> secretNames() {
        java.util.Set<String> names = new java.util.TreeSet<>(plan.secrets());
        appPlans.values().forEach(p -> names.addAll(p.secrets()));
        return List.copyOf(names);
    }

    /** Each app's view of the stack, by the app's name. */
    Map<String, StackPlan> appPlans() {
        return appPlans;
    }

    /** The stack as an app's container sees it, or without one the shared environment's. */
    StackPlan plan(Optional<ProjectApp> app) {
        return app.map(a -> appPlans.get(a.name())).orElse(plan);
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

    /** The variables file of an app's containers ({@code .dockenv/stack/NAME.env}), or the shared one's. */
    Path envFile(Optional<ProjectApp> app) {
        return app.map(a -> project.root().resolve(StackFolder.PATH + "/" + a.name() + ".env")).orElse(appEnvFile());
    }

    ComposeProject composeProject() {
        SecretStore secrets = SecretStore.of(project.root());
        return new ComposeProject(plan.project(), composeFile(), project.root(),
                secrets.exists() ? Optional.of(secrets.file()) : Optional.empty());
    }

    /** A service that mounts a folder of this machine needs an engine that sees it ({@link EngineFiles}). */
    private void requireEngineFiles(List<String> services) {
        List<String> all = plan.withDependencies(services);
        for (PlannedService service : plan.services()) {
            if (!all.contains(service.name())) {
                continue;
            }
            for (PlannedService.Mount mount : service.mounts()) {
                if (mount instanceof PlannedService.Mount.Bind bind) {
                    EngineFiles.require(session, session.engine().endpoint(), "the service " + service.name()
                            + " mounts a folder of the project", bind.source());
                }
            }
        }
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
     * file (with the app's service when given; rewritten only when it changes), and the app's
     * variables file. A project folder compose's volume syntax cannot carry (a ':' in its path) is
     * an error naming it.
     */
    void write(List<AppContainer> containers) {
        SecretStore store = SecretStore.of(project.root());
        List<String> names = secretNames();
        boolean lost = !store.exists() && !names.isEmpty();
        Map<String, String> secrets = store.ensure(names);
        if (lost && !session.engine().composeVolumes(plan.project()).isEmpty()) {
            session.err().println("dockenv: warning: " + SecretStore.FILE + " was missing while the data volumes of "
                    + plan.project() + " remain: new passwords were made, which the services' data does not know. "
                    + "dockenv down --volumes starts them afresh (their data is lost)");
            session.err().flush();
        }
        String compose;
        try {
            ComposeModel.Builder model = ComposeModel.builder().header(
                    "Written by dockenv from the settings of " + project.name() + " when they change.",
                    "Passwords come from " + SecretStore.FILE + ": docker compose -f " + COMPOSE_FILE
                    + " --env-file " + SecretStore.FILE + " -p " + plan.project() + " ps");
            StackCompose.addServices(model, plan, StackCompose.BindPaths.absolute(), StackCompose.Style.OWN);
            for (AppContainer container : containers) {
                model.service(container.service(), StackCompose.appService(container,
                        appPlans.getOrDefault(container.service(), plan)));
            }
            compose = ComposeYaml.render(model.build());
        } catch (IllegalArgumentException e) {
            // the model's last guard: what the settings reader lets through is a path of this machine
            throw new DockenvException(ExitCode.FILE_ACCESS, "cannot write the stack's compose file for "
                    + project.root() + ": " + e.getMessage(), "compose's volume syntax cannot carry a ':' in a "
                    + "path: move the project (or dockenv's cache, DOCKENV_CACHE_DIR) to a folder without one");
        }
        try {
            StackFolder.create(project.root()); // out of git even when no password was made
            if (!Files.isRegularFile(composeFile()) || !Files.readString(composeFile()).equals(compose)) {
                AtomicFiles.write(composeFile(), compose);
            }
            AtomicFiles.writePrivate(appEnvFile(), variables(plan, secrets));
            for (ProjectApp app : project.apps()) {
                AtomicFiles.writePrivate(envFile(Optional.of(app)), variables(appPlans.get(app.name()), secrets));
            }
        } catch (IOException e) {
            throw IoFailures.writing(composeFile().getParent(), e);
        }
    }

    private static String variables(StackPlan plan, Map<String, String> secrets) {
        StringBuilder env = new StringBuilder();
        new java.util.TreeMap<>(plan.appEnvironment()).forEach((k, v) -> env.append(k).append('=')
                .append(v.resolve(secrets)).append('\n'));
        return env.toString();
    }

    /** Writes the files when the compose file is missing (commands that only look at a running stack). */
    void writeIfMissing() {
        if (!Files.isRegularFile(composeFile())) {
            write(List.of());
        }
    }

    /**
     * Whether the compose file differs from the one compose last brought the services up with on
     * this engine ({@code .dockenv/stack/applied} holds a line per engine: the file's digest and the
     * engine's): the running services may have old settings. Another engine (-H, DOCKER_HOST) has
     * services of its own, brought up to date apart.
     */
    private boolean stale() {
        try {
            return !Files.isRegularFile(appliedFile()) || !Files.readAllLines(appliedFile()).contains(appliedLine());
        } catch (IOException e) {
            return true;
        }
    }

    private void markApplied() {
        try {
            String engine = " " + engineKey();
            List<String> lines = new ArrayList<>();
            if (Files.isRegularFile(appliedFile())) {
                Files.readAllLines(appliedFile()).stream().filter(l -> !l.endsWith(engine) && l.contains(" "))
                        .forEach(lines::add);
            }
            lines.add(appliedLine());
            AtomicFiles.write(appliedFile(), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw IoFailures.writing(appliedFile(), e);
        }
    }

    private String appliedLine() throws IOException {
        return Sha256.hex(Files.readString(composeFile())) + " " + engineKey();
    }

    private String engineKey() {
        return Sha256.hex(session.engine().endpoint().key()).substring(0, 16);
    }

    Path appliedFile() {
        return project.root().resolve(APPLIED_FILE);
    }

    /**
     * After the settings changed: the services that run are brought up to date by compose (it
     * recreates those whose settings changed); none running, nothing to do until they start.
     */
    void refresh() {
        if (stale()) {
            List<String> running = runningServices();
            if (!running.isEmpty()) {
                update(running);
            }
        }
    }

    /** The services of the stack (the project's own included) that have a running container. */
    List<String> running() {
        return session.engine().composeContainers(plan.project()).stream()
                .filter(dev.dockenv.engine.ContainerStatus::running).map(dev.dockenv.engine.ContainerStatus::service)
                .toList();
    }

    /** The services of the plan that have a running container, in the plan's order. */
    private List<String> runningServices() {
        List<String> running = running();
        return plan.serviceNames().stream().filter(running::contains).toList();
    }

    /**
     * Starts these services (and their dependencies) unless they are ready, and waits for them.
     * When the compose file changed since compose last applied it, every running service is
     * brought up to date on the way.
     */
    void start(List<String> services) {
        if (services.isEmpty()) {
            return;
        }
        requireEngineFiles(services);
        if (stale()) {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(services);
            all.addAll(runningServices());
            update(List.copyOf(all));
        } else {
            starter().ensureReady(composeProject(), plan, services, false);
        }
    }

    /** After down: no service runs, so none has old settings. */
    void forgetApplied() {
        try {
            Files.deleteIfExists(appliedFile());
        } catch (IOException e) {
            throw IoFailures.writing(appliedFile(), e);
        }
    }

    /** Brings these services up with the compose file as it is now (recreating what changed), and says so. */
    private void update(List<String> services) {
        starter().ensureReady(composeProject(), plan, services, true);
        markApplied();
    }

    /** Forgets the stack's files (after down --volumes): the next start writes them afresh. */
    void forget() {
        try {
            Files.deleteIfExists(appEnvFile());
            for (ProjectApp app : project.apps()) {
                Files.deleteIfExists(envFile(Optional.of(app)));
            }
            Files.deleteIfExists(appliedFile());
            Files.deleteIfExists(composeFile());
        } catch (IOException e) {
            throw IoFailures.writing(composeFile().getParent(), e);
        }
        SecretStore.of(project.root()).delete();
    }

    private StackStarter starter() {
        return new StackStarter(session.engine(), compose(), line -> {
            session.err().println("dockenv: " + line);
            session.err().flush();
        });
    }

    /** What a warm run (of an app, or of the shared environment) needs to find its services again. */
    RunStack runStack(Optional<ProjectApp> app) {
        StackPlan view = plan(app);
        return new RunStack(view.project(), view.network(), view.appDependencies(), envFile(app).toString());
    }

    /** The files the stack's run depends on: a change (or removal) sends the next run through the cold path. */
    List<Path> runInputs(Optional<ProjectApp> app) {
        return List.of(composeFile(), envFile(app), SecretStore.of(project.root()).file());
    }
}
