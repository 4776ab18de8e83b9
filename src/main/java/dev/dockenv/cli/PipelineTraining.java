package dev.dockenv.cli;

import dev.dockenv.build.BuildDefinition;
import dev.dockenv.build.BuildDefinitions;
import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.engine.BuildLog;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.EnvironmentPlanner;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.project.UserDefaults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pure part of a build, run once on small projects of its own while the class-data archive is
 * recorded ({@link CdsTraining}): a locked pyproject.toml project and a requirements.txt one are
 * read, decided, planned, identified and rendered into Dockerfiles, and a build's progress is
 * parsed, so that every later command finds those classes in the archive whatever the first one was.
 * Nothing reaches the engine; the projects live in a temporary folder, removed after.
 */
final class PipelineTraining {
    private static final String PYPROJECT = """
            [project]
            name = "dockenv-training"
            version = "0.1.0"
            dependencies = ["six>=1.16"]

            [dependency-groups]
            dev = ["pytest"]

            [tool.dockenv]
            python = "3.11"
            """;
    private static final String WHEEL = "https://files.example.org/six-1.16.0-py2.py3-none-any.whl";
    private static final String LOCK = """
            lock-version = "1.0"
            requires-python = "==3.11.*"
            created-by = "dockenv"

            [tool.dockenv]
            inputs-digest = "sha256:0000000000000000000000000000000000000000000000000000000000000000"
            layers = [["six"]]

            [[packages]]
            name = "six"
            version = "1.16.0"
            index = "https://pypi.org/simple"
            wheels = [
                { name = "six-1.16.0-py2.py3-none-any.whl", url = "%s", hashes = { sha256 = "%s" } },
            ]
            """.formatted(WHEEL, "8abb2f1d86890a2dfb989f9a77cfcfd3e47c2a354b01111771326f8aa26e0254");

    private PipelineTraining() {
    }

    /**
     * Runs the pipeline on both projects; returns the Dockerfiles it rendered (dev and prod of the
     * locked project, then of the requirements.txt one).
     *
     * @param temp where the projects' folder is made (and removed)
     */
    static List<String> run(Session session, Path temp) throws IOException {
        Path dir = Files.createTempDirectory(temp, "dockenv-training-");
        List<String> dockerfiles = new java.util.ArrayList<>();
        try {
            Files.writeString(dir.resolve("app.py"), "print('hello')\n");
            Files.writeString(dir.resolve("pyproject.toml"), PYPROJECT);
            Files.writeString(dir.resolve("pylock.toml"), LOCK);
            dockerfiles.addAll(pipeline(session, dir));
            Files.delete(dir.resolve("pylock.toml"));
            Files.delete(dir.resolve("pyproject.toml"));
            Files.writeString(dir.resolve("requirements.txt"), "six>=1.16\n");
            Files.writeString(dir.resolve(".python-version"), "3.11\n");
            dockerfiles.addAll(pipeline(session, dir));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return dockerfiles;
    }

    private static List<String> pipeline(Session session, Path dir) {
        List<String> dockerfiles = new java.util.ArrayList<>();
        Project project = ProjectScanner.scan(dir, UserDefaults.fromEnvironment(session.environment()));
        InstallDecision decision = InstallDecider.decide(project, session.environment());
        EnvironmentPlan plan = EnvironmentPlanner.plan(project, decision, Map.of());
        for (String stage : List.of(EnvironmentDockerfile.DEV, EnvironmentDockerfile.PROD)) {
            BuildDefinition definition = BuildDefinitions.forProject(project, plan, Optional.of(stage), DockenvVersion.get());
            EnvironmentImage image = EnvironmentBuilder.identify(project, definition, null);
            dockerfiles.add(BuildDefinitions.textFor(definition, Dialect.BUILDKIT));
            image.reference();
        }
        BuildLog log = new BuildLog(new BuildReporter(new java.io.PrintWriter(java.io.Writer.nullWriter()), false));
        for (String line : List.of("#1 [internal] load build definition from Dockerfile", "#1 DONE 0.0s",
                "#5 [system 2/3] RUN python3 -m venv /opt/venv", "#5 0.512 Collecting six", "#5 DONE 0.9s",
                "#6 exporting to image", "#6 naming to docker.io/library/x:dev done", "#6 DONE 0.1s")) {
            log.accept(line);
        }
        log.failure(0);
        return dockerfiles;
    }
}
