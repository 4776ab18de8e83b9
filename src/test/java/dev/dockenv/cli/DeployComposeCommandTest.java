package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.engine.Compose;
import dev.dockenv.engine.ComposeProject;
import dev.dockenv.engine.ContainerImage;
import dev.dockenv.engine.ContainerStatus;
import dev.dockenv.engine.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dockenv deploy compose: what it refuses before building anything, what it prints, where it writes. */
class DeployComposeCommandTest {
    @TempDir
    Path tmp;

    private Path project(String repository) throws Exception {
        Path dir = tmp.resolve("shop");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pyproject.toml"), """
                [project]
                name = "shop"
                version = "1.4.0"
                dependencies = []

                [tool.dockenv]
                command = ["python", "app.py"]
                """ + (repository == null ? "" : "\n[tool.dockenv.release]\nrepository = \"" + repository + "\"\n"));
        Files.writeString(dir.resolve("app.py"), "print('shop')\n");
        GitRepo.commitAll(dir, "first");
        return dir;
    }


    @Test
    void aTreeWithUncommittedChangesIsRefusedBeforeAnythingIsBuiltOrPushed() throws Exception {
        Path dir = project("registry.example.com/team/shop");
        Files.writeString(dir.resolve("app.py"), "print('changed')\n");
        CliHarness cli = new CliHarness(tmp.resolve("cache"));

        int code = cli.run(dir, "deploy", "compose");

        assertThat(code).as(cli.err).isEqualTo(2);
        assertThat(cli.err).contains("the project has uncommitted changes", "--allow-dirty");
        assertThat(cli.engine.builds).isEmpty();
        assertThat(cli.engine.pushes).isEmpty();
        assertThat(dir.resolve("deploy")).doesNotExist();
    }

    @Test
    void aRepositoryWithoutARegistryIsRefusedSayingAServerCannotPullIt() throws Exception {
        for (String repository : new String[] {"team/shop", null}) {
            Path dir = project(repository);
            CliHarness cli = new CliHarness(tmp.resolve("cache"));

            int code = cli.run(dir, "deploy", "compose");

            assertThat(code).as(cli.err).isEqualTo(2);
            assertThat(cli.err).contains("names no registry: a server pulls the image from a registry",
                    "repository = \"registry.example.com/team/shop\"");
            assertThat(cli.engine.builds).isEmpty();
            assertThat(cli.engine.pushes).isEmpty();
            deleteTree(dir);
        }
    }

    @Test
    void anEnvFileThatIsMissingIsAUsageErrorNamingIt() throws Exception {
        Path dir = project("registry.example.com/team/shop");
        CliHarness cli = new CliHarness(tmp.resolve("cache"));

        int code = cli.run(dir, "deploy", "compose", "--env-file", "prod.env");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err).contains("--env-file " + dir.resolve("prod.env") + ": no such file");
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void aPublishAddressThatIsNoIpAddressIsAUsageError() throws Exception {
        Path dir = project("registry.example.com/team/shop");
        CliHarness cli = new CliHarness(tmp.resolve("cache"));

        assertThat(cli.run(dir, "deploy", "compose", "--publish-address", "example.com")).isEqualTo(2);
        assertThat(cli.err).contains("--publish-address: 'example.com' is not an IP address");
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void deployWithoutATargetNamesTheTargets() throws Exception {
        Path dir = project("registry.example.com/team/shop");
        CliHarness cli = new CliHarness(tmp.resolve("cache"));

        assertThat(cli.run(dir, "deploy")).isEqualTo(2);
        assertThat(cli.err).contains("name where to deploy: compose");
    }

    @Test
    void withHostTheReleaseIsBuiltAndPushedLocallyAndTheServerPullsAndStartsItThroughCompose() throws Exception {
        Path dir = project("registry.example.com/team/shop");
        CliHarness cli = new CliHarness(tmp.resolve("cache"));
        cli.engine.pipInspect = "{\"version\": \"1\", \"pip_version\": \"23.0.1\", \"installed\": []}";
        FakeEngine server = new FakeEngine();
        cli.engines.put("tcp://server.example.com:2375", server);
        List<List<String>> composeRuns = new ArrayList<>();
        server.compose = new Compose() {
            @Override
            public String version() {
                return "docker-compose 1.29.2";
            }

            @Override
            public List<String> commandLine(ComposeProject project, List<String> args) {
                List<String> line = new ArrayList<>(List.of("docker-compose"));
                line.addAll(project.options());
                line.addAll(args);
                return line;
            }

            @Override
            public ProcessRunner.Result run(ComposeProject project, List<String> args) {
                composeRuns.add(commandLine(project, args));
                if (args.get(0).equals("up")) {
                    server.containers.put(project.name(), List.of(new ContainerStatus("c1", "app", "running",
                            "Up 2 seconds (healthy)")));
                    server.containerImages.put("c1", new ContainerImage("registry.example.com/team/shop:1.4.0",
                            "sha256:" + "f".repeat(64)));
                }
                return new ProcessRunner.Result(0, "", "");
            }

            @Override
            public int attach(ComposeProject project, List<String> args) {
                throw new AssertionError("deploy does not attach compose");
            }
        };

        int code = cli.run(dir, "-H", "tcp://server.example.com:2375", "deploy", "compose", "-q");

        assertThat(code).as(cli.err).isZero();
        assertThat(cli.engine.builds).as("built by the local engine").isNotEmpty();
        assertThat(cli.engine.pushes).contains("registry.example.com/team/shop:1.4.0");
        assertThat(server.builds).as("nothing built on the server").isEmpty();
        assertThat(server.pushes).isEmpty();
        Path file = dir.resolve("deploy/compose.yaml");
        assertThat(composeRuns).containsExactly(
                List.of("docker-compose", "-p", "shop", "-f", file.toString(), "--project-directory",
                        file.getParent().toString(), "pull", "app"),
                List.of("docker-compose", "-p", "shop", "-f", file.toString(), "--project-directory",
                        file.getParent().toString(), "up", "-d", "--remove-orphans"));
        assertThat(Files.readString(file)).contains("image: \"registry.example.com/team/shop:1.4.0\"");
        assertThat(cli.out).contains("app: new registry.example.com/team/shop:1.4.0 (ffffffffffff)\n");
        assertThat(cli.err).contains("the release was built by", "the server is tcp://server.example.com:2375",
                "dockenv: deploying shop to tcp://server.example.com:2375");
    }

    @Test
    void theChangesNameEachServicesImageBeforeAndAfter() {
        Map<String, ContainerImage> before = new LinkedHashMap<>();
        before.put("app", new ContainerImage("r.example.com/shop:1.0.0", "sha256:" + "a".repeat(64)));
        before.put("db", new ContainerImage("postgres:16", "sha256:" + "d".repeat(64)));
        before.put("old", new ContainerImage("example/old:1", "sha256:" + "e".repeat(64)));
        Map<String, ContainerImage> after = new LinkedHashMap<>();
        after.put("app", new ContainerImage("r.example.com/shop:1.1.0", "sha256:" + "b".repeat(64)));
        after.put("db", new ContainerImage("postgres:16", "sha256:" + "d".repeat(64)));
        after.put("cache", new ContainerImage("redis:7", "sha256:" + "c".repeat(64)));

        assertThat(DeployChanges.ofContainers(before, after)).containsExactly(
                "app: r.example.com/shop:1.0.0 (aaaaaaaaaaaa) -> r.example.com/shop:1.1.0 (bbbbbbbbbbbb)",
                "db: unchanged postgres:16 (dddddddddddd)",
                "cache: new redis:7 (cccccccccccc)",
                "old: removed (was example/old:1 (eeeeeeeeeeee))");
    }

    @Test
    void theServerRunsTheVersionTagElseTheCommitsNeverLatest() {
        assertThat(ServerRelease.deployedTag(plan(List.of("1.4.0", "sha-0a1b2c3", "latest")))).isEqualTo("1.4.0");
        assertThat(ServerRelease.deployedTag(plan(List.of("sha-0a1b2c3", "latest")))).isEqualTo("sha-0a1b2c3");
        assertThat(ServerRelease.deployedTag(plan(List.of("latest")))).isEqualTo("latest");
    }

    @Test
    void theEnvFileIsNamedRelativeToTheComposeFileWhenTheProjectHoldsIt() {
        Path root = Path.of("/home/ada/shop");
        assertThat(ServerRelease.relativeTo(root.resolve("deploy"), root, root.resolve("prod.env")))
                .isEqualTo("../prod.env");
        assertThat(ServerRelease.relativeTo(root.resolve("deploy"), root, root.resolve("deploy/prod.env")))
                .isEqualTo("./prod.env");
        assertThat(ServerRelease.relativeTo(root.resolve("deploy"), root, Path.of("/etc/shop/prod.env")))
                .isEqualTo("/etc/shop/prod.env");
        assertThat(ServerRelease.name("Shop.API")).isEqualTo("shop-api");
    }

    private static dev.dockenv.release.ReleasePlan plan(List<String> tags) {
        return new dev.dockenv.release.ReleasePlan("shop", "registry.example.com/team/shop", tags, Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), List.of());
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
