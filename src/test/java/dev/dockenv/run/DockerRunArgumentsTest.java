package dev.dockenv.run;

import dev.dockenv.config.PortMapping;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerRunArgumentsTest {
    @Test
    void runsAsTheHostUserWithTheProjectMountedAndPortsOnLoopback() {
        RunSpec spec = new RunSpec("dockenv-shop:dev-0123456789ab", Path.of("/home/ada/shop"), "/app/src",
                new HostUser(1000, 1000, "ada"),
                Optional.of(new RunSpec.UserMounts(Path.of("/c/passwd"), Path.of("/c/group"), Path.of("/c/home"))),
                List.of(PortMapping.parse("8000").orElseThrow()), List.of("DEBUG=1"), List.of(Path.of("/p/.env")),
                false, List.of("python", "app.py"), "shop", Map.of("dev.dockenv.project", "shop"), Optional.empty());
        assertThat(DockerRunArguments.of(spec)).containsExactly("run", "--rm", "--init", "-i",
                "--hostname", "shop", "--user", "1000:1000",
                "--mount", "type=bind,source=/home/ada/shop,target=/app", "--workdir", "/app/src",
                "--mount", "type=bind,source=/c/passwd,target=/etc/passwd,readonly",
                "--mount", "type=bind,source=/c/group,target=/etc/group,readonly",
                "--mount", "type=bind,source=/c/home,target=/home/ada",
                "--env", "HOME=/home/ada", "--env", "USER=ada",
                "--publish", "127.0.0.1:8000:8000", "--env-file", "/p/.env", "--env", "DEBUG=1",
                "--label", "dev.dockenv.project=shop",
                "dockenv-shop:dev-0123456789ab", "python", "app.py");
    }

    @Test
    void aTerminalGetsATtyAndRootNeedsNoAccountFiles() {
        RunSpec spec = new RunSpec("img", Path.of("/p"), "/app", new HostUser(0, 0, "root"), Optional.empty(),
                List.of(), List.of(), List.of(), true, List.of("bash"), "p", Map.of(), Optional.empty());
        List<String> args = DockerRunArguments.of(spec);
        assertThat(args).containsSubsequence("-i", "-t").contains("HOME=/root", "USER=root")
                .noneMatch(a -> a.contains("/etc/passwd"));
    }

    @Test
    void aRunWithServicesJoinsTheStacksNetworkAndReadsItsVariablesBeforeTheUsers() {
        RunSpec spec = new RunSpec("img", Path.of("/p"), "/app", new HostUser(0, 0, "root"), Optional.empty(),
                List.of(), List.of("DATABASE_URL=mine"), List.of(Path.of("/p/.dockenv/app.env"), Path.of("/p/.env")),
                false, List.of("python", "manage.py", "migrate"), "p", Map.of(), Optional.of("dockenv-p-0a1b2c3d"));
        assertThat(DockerRunArguments.of(spec)).containsSubsequence("--hostname", "p", "--network", "dockenv-p-0a1b2c3d")
                .containsSubsequence("--env-file", "/p/.dockenv/app.env", "--env-file", "/p/.env", "--env", "DATABASE_URL=mine");
    }

    @Test
    void commasInPathsAreQuotedForTheMountSyntax() {
        assertThat(DockerRunArguments.bind(Path.of("/a,b"), "/app", false))
                .isEqualTo("type=bind,\"source=/a,b\",target=/app");
    }
}
