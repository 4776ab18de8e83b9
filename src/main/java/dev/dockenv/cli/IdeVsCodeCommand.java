package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.config.PortMapping;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.ide.DevContainerCompose;
import dev.dockenv.ide.DevContainerFolder;
import dev.dockenv.ide.VsCodeDevContainer;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.io.IgnoredFolder;
import dev.dockenv.io.StampedText;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.services.SecretStore;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.StackPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dockenv ide vscode}: .devcontainer/devcontainer.json for VS Code's Dev Containers (and
 * every tool of the Development Container Specification); {@code --prepare} is what its
 * initializeCommand runs on the host, {@code --down} removes what it started.
 */
@Command(name = "vscode", mixinStandardHelpOptions = true,
        description = {"Write .devcontainer/devcontainer.json (an app's: .devcontainer/APP/devcontainer.json) for VS Code's "
                + "Dev Containers: the dev environment with the project at /app, as you, the services beside it, the "
                + "app's ports forwarded, the Python extension on the environment's interpreter.",
            "When the container starts, the editor runs `dockenv ide vscode --prepare` on your machine: it builds the dev "
                    + "image and writes this machine's compose file under .dockenv/devcontainer/ (dockenv must be on "
                    + "the editor's PATH). `--down` stops and removes the dev container and its services."})
final class IdeVsCodeCommand implements Callable<Integer> {
    static final String COMMAND = "dockenv ide vscode";

    @ParentCommand
    private IdeCommand ide;

    @Option(names = "--app", paramLabel = "NAME", description = "The app of the repository (default: the one of the "
            + "current folder, else the project's shared environment).")
    private String app;

    @Option(names = "--force", description = "Overwrite devcontainer.json even when it is not as dockenv wrote it.")
    private boolean force;

    @Option(names = "--prepare", description = "What devcontainer.json's initializeCommand runs: build the dev image, "
            + "write this machine's compose file; devcontainer.json itself is refreshed only when untouched.")
    private boolean prepare;

    @Option(names = "--down", description = "Stop and remove the dev container, its services and its network.")
    private boolean down;

    @Option(names = "--volumes", description = "With --down: remove the services' data volumes too.")
    private boolean volumes;

    /** devcontainer.json as dockenv writes it now, for the project or one of its apps. */
    static KeptFiles.Kept file(Workspace workspace, ProjectStack stack, Optional<ProjectApp> app) {
        DevContainerFolder folder = folder(workspace.project(), app);
        Optional<PlannedApp> planned = app.flatMap(a -> workspace.plan().plannedApp(a.name()));
        List<PortMapping> ports = planned.map(p -> p.app().ports()).orElse(workspace.plan().ports());
        String body = VsCodeDevContainer.render(folder, workspace.plan().base().environment().interpreter(), ports,
                stack.plan(app));
        String command = COMMAND + app.map(a -> " --app " + a.name()).orElse("");
        return new KeptFiles.Kept(folder.config(), StampedText.stamp("//", command, body), command);
    }

    static DevContainerFolder folder(Project project, Optional<ProjectApp> app) {
        return new DevContainerFolder(project.name(), app.map(ProjectApp::name));
    }

    @Override
    public Integer call() {
        if (prepare && down) {
            throw new DockenvException(ExitCode.USAGE, "--prepare and --down exclude each other",
                    "--prepare starts (the editor runs it), --down stops");
        }
        if (volumes && !down) {
            throw new DockenvException(ExitCode.USAGE, "--volumes goes with --down", "dockenv ide vscode --down --volumes");
        }
        Workspace workspace = Workspace.open(ide.root());
        Project project = workspace.project();
        Optional<ProjectApp> selected = AppSelection.choose(project, app, ide.root().startDirectory());
        ProjectStack stack = ProjectStack.of(workspace.session(), project);
        if (down) {
            return down(workspace, folder(project, selected));
        }
        KeptFiles.Kept config = file(workspace, stack, selected);
        if (prepare) {
            prepare(workspace, stack, selected, config);
            return 0;
        }
        KeptFiles.write(workspace.session(), project.root(), List.of(config), force);
        var out = workspace.session().out();
        out.println();
        out.println("In VS Code (with the Dev Containers extension): Dev Containers: Reopen in Container.");
        out.println("  Or with the devcontainers CLI: devcontainer up --workspace-folder ."
                + selected.map(a -> " --config " + folder(project, selected).config()).orElse(""));
        out.println("  The editor runs `dockenv ide vscode --prepare` first: dockenv must be on its PATH.");
        out.println("  `dockenv ide vscode --down" + selected.map(a -> " --app " + a.name()).orElse("")
                + "` removes the container and its services.");
        return 0;
    }

    /** Builds the dev image and writes this machine's compose file and its .env; refreshes an untouched config. */
    private static void prepare(Workspace workspace, ProjectStack stack, Optional<ProjectApp> app, KeptFiles.Kept config) {
        Session session = workspace.session();
        Project project = workspace.project();
        EngineFiles.require(session, session.engine().endpoint(), "the dev container mounts the project", project.root());
        EnvironmentImage image = workspace.image(app, Optional.empty());
        EnvironmentBuilder.Result built = workspace.ensure(image, new BuildOptions(false, false, false));
        DevContainerFolder folder = folder(project, app);
        AppContainer container = AppContainers.of(session, project, DevContainerFolder.SERVICE, image.reference(),
                built.imageId(), List.of(), List.of());
        StackPlan view = stack.plan(app);
        Path root = project.root();
        Path compose = root.resolve(folder.composeFile());
        try {
            IgnoredFolder.create(root.resolve(".dockenv/devcontainer"), "this machine's compose files of the dev "
                    + "containers (dockenv ide vscode --prepare): never in git");
            AtomicFiles.write(compose, DevContainerCompose.render(folder, container, view));
            StringBuilder env = new StringBuilder();
            SecretStore.of(root).ensure(view.secrets()).forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
            AtomicFiles.writePrivate(root.resolve(folder.envFile()), env.toString());
        } catch (IOException e) {
            throw IoFailures.writing(compose.getParent(), e);
        }
        session.err().println("dockenv: " + folder.composeFile() + " runs " + image.reference() + " as "
                + container.user());
        KeptFiles.Freshness state = KeptFiles.freshness(root, config);
        if (state == KeptFiles.Freshness.STALE) {
            try {
                AtomicFiles.write(root.resolve(config.path()), config.text());
            } catch (IOException e) {
                throw IoFailures.writing(root.resolve(config.path()), e);
            }
            session.err().println("dockenv: refreshed " + config.path() + " (the project's settings changed): rebuild "
                    + "the container to use it (Dev Containers: Rebuild Container)");
        } else if (state == KeptFiles.Freshness.EDITED) {
            session.err().println("dockenv: " + config.path() + " was edited, so dockenv leaves it as it is; `"
                    + config.command() + " --force` writes it anew from the project's settings");
        }
        session.err().flush();
    }

    private int down(Workspace workspace, DevContainerFolder folder) {
        Path file = workspace.project().root().resolve(folder.composeFile());
        if (!Files.isRegularFile(file)) {
            workspace.session().err().println("dockenv: no dev container of " + workspace.project().name()
                    + " was prepared on this machine (" + folder.composeFile() + " is missing): nothing to remove");
            return 0;
        }
        var compose = workspace.session().engine().compose().orElseThrow(() -> new DockenvException(
                ExitCode.COMPOSE_MISSING, "the dev container runs by docker compose, which is not installed",
                "install the compose plugin (docker-compose-plugin) or Debian's docker-compose, then try again"));
        List<String> args = new ArrayList<>(List.of("down", "--remove-orphans"));
        if (volumes) {
            args.add("--volumes");
        }
        return compose.attach(new ComposeProject(folder.composeProject(), file, file.getParent(), Optional.empty()), args);
    }
}
