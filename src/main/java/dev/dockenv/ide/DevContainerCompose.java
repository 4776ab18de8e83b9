package dev.dockenv.ide;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.StackCompose;
import dev.dockenv.stack.StackPlan;

/**
 * This machine's compose file of the dev container ({@link DevContainerFolder#composeFile}): the app
 * as {@code dockenv up} runs it (the dev image by its exact tag, as the host user with their passwd
 * and group, the project mounted), no command (the tools keep it running), no published port, and
 * the services it depends on. A network and volumes of its own (compose names them after the
 * folder's project), apart from {@code dockenv run}'s stack; the passwords are interpolated from the
 * .env beside it.
 */
public final class DevContainerCompose {
    private DevContainerCompose() {
    }

    public static String render(DevContainerFolder folder, AppContainer app, StackPlan stack) {
        return ComposeYaml.render(model(folder, app, stack));
    }

    public static ComposeModel model(DevContainerFolder folder, AppContainer app, StackPlan stack) {
        ComposeModel.Builder model = ComposeModel.builder().header(
                "Written by dockenv ide vscode --prepare for this machine (the initializeCommand of " + folder.config() + "),",
                "  anew at each start of the dev container: change the project's settings instead.",
                "The services' passwords come from the .env beside this file.");
        model.service(DevContainerFolder.SERVICE, StackCompose.appService(app, stack, StackCompose.Style.EJECTED));
        if (!stack.isEmpty()) {
            StackCompose.addServices(model, stack, StackCompose.BindPaths.absolute(), StackCompose.Style.EJECTED);
        }
        return model.build();
    }
}
