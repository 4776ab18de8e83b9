package dev.dockenv.ide;

import dev.dockenv.config.PortMapping;
import dev.dockenv.devcontainer.DevContainer;
import dev.dockenv.devcontainer.DevContainerJson;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.stack.StackPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The devcontainer.json of {@code dockenv ide vscode}, the same for everyone who clones the
 * project: before anything else the tools run {@code dockenv ide vscode --prepare} on the host,
 * which builds the dev image and writes this machine's compose file (the user's ids, the image's
 * tag); the container is that file's {@value DevContainerFolder#SERVICE} service, kept running by
 * the tools, with the services beside it. The user's uid is set in the compose file, with their
 * passwd and group mounted, so the tools build no image of their own ({@code updateRemoteUserUID}
 * off). Ports are forwarded by the editor, not published: a {@code dockenv up} beside it keeps its own.
 */
public final class VsCodeDevContainer {
    /** The Python extension, which reads the interpreter setting. */
    static final String PYTHON_EXTENSION = "ms-python.python";

    private VsCodeDevContainer() {
    }

    /** The file's text (unstamped). */
    public static String render(DevContainerFolder folder, String interpreter, List<PortMapping> ports, StackPlan stack) {
        return DevContainerJson.render(model(folder, interpreter, ports, stack));
    }

    public static DevContainer model(DevContainerFolder folder, String interpreter, List<PortMapping> ports,
            StackPlan stack) {
        List<String> prepare = new ArrayList<>(List.of("dockenv", "ide", "vscode", "--prepare"));
        folder.app().ifPresent(a -> prepare.addAll(List.of("--app", a)));
        DevContainer.Builder b = DevContainer.builder(folder.projectName() + folder.app().map(a -> " (" + a + ")").orElse(""),
                        DevContainerFolder.SERVICE)
                .initializeCommand(prepare)
                .composeFile(folder.composeFileFromConfig())
                .runService(DevContainerFolder.SERVICE)
                .workspaceFolder(ContainerPaths.PROJECT)
                .shutdownAction("stopCompose")
                .overrideCommand(true)
                .updateRemoteUserUid(false)
                .extension(PYTHON_EXTENSION)
                .setting("python.defaultInterpreterPath", interpreter)
                .setting("python.terminal.activateEnvironment", false);
        stack.serviceNames().forEach(b::runService);
        for (PortMapping p : ports) {
            b.forwardPort(p.containerPort(), Optional.of(folder.app().orElse("app")));
        }
        return b.build();
    }
}
