package dev.dockenv.cli;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.project.Project;

/** What ps, logs, down and exec share: the project's stack, read from its settings alone (no lock is judged). */
final class StackCommand {
    private StackCommand() {
    }

    /** The stack; an error when the project declares no services and runs no app. */
    static ProjectStack open(DockenvCommand root) {
        Project project = ProjectRoot.scan(root);
        ProjectStack stack = ProjectStack.of(root.session(), project);
        if (stack.plan().isEmpty() && project.config().command().isEmpty()) {
            throw new DockenvException(ExitCode.USAGE, project.name() + " has no services",
                    "declare them under [tool.dockenv.services], e.g. db = \"postgres:16\"");
        }
        stack.writeIfMissing();
        return stack;
    }

    /** The names a command may take: the services, and the app when the project runs one. */
    static java.util.List<String> names(ProjectStack stack) {
        java.util.List<String> known = new java.util.ArrayList<>(stack.plan().serviceNames());
        known.addAll(apps(stack));
        return known;
    }

    /** The project's own services with a command: "app" (the project's), each app's. */
    static java.util.List<String> apps(ProjectStack stack) {
        java.util.List<String> apps = new java.util.ArrayList<>();
        if (!stack.project().config().command().isEmpty()) {
            apps.add(ProjectStack.APP);
        }
        stack.project().apps().stream().filter(a -> !a.setting().command().isEmpty()).forEach(a -> apps.add(a.name()));
        return apps;
    }
}
