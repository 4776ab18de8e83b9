package dev.dockenv.ide;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.stack.StackPlan;
import dev.dockenv.stack.StackPlanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A scanned project, its plan and its stack, for the IDE files' tests. */
record IdeFixtures(Project project, EnvironmentPlan plan, StackPlan stack) {
    /** A project named shop with a dependency, two ports, a variable and a PostgreSQL service. */
    static final String SHOP = """
            [project]
            name = "shop"
            version = "0.1.0"
            dependencies = ["greeting"]

            [tool.dockenv]
            index-url = "http://127.0.0.1:3141/simple"
            ports = [8000, "127.0.0.1:8080:80"]
            env = { APP_MODE = "dev $HOME" }

            [tool.dockenv.services]
            db = "postgres:16"
            """;

    static IdeFixtures of(Path root, String pyproject) throws IOException {
        Files.writeString(root.resolve("pyproject.toml"), pyproject);
        Project project = ProjectScanner.scan(root);
        EnvironmentPlan plan = EnvironmentPlanner.plan(project, InstallDecider.decide(project, Map.of()));
        StackPlan stack = StackPlanner.plan(project.name(), root, project.config().stack(),
                project.config().environment().keySet());
        return new IdeFixtures(project, plan, stack);
    }
}
