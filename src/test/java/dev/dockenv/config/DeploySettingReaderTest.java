package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** [tool.dockenv.deploy] and an app's own: every key, an app's over the project's, each bad value at its line. */
class DeploySettingReaderTest {
    private static final Path FILE = Path.of("pyproject.toml");

    private static DockenvConfig read(String toml) {
        return ConfigReader.read(TomlDocument.parse(FILE, toml), List.of("tool", "dockenv"));
    }

    private static InputException refused(String toml) {
        return catchThrowableOfType(InputException.class, () -> read(toml));
    }

    @Test
    void everyKeyAndAnAppsTableOverTheProjects() {
        DockenvConfig config = read("""
                [tool.dockenv.deploy]
                env-file = "deploy/prod.env"
                health-path = "/healthz"
                replicas = 3
                publish-address = "127.0.0.1"

                [tool.dockenv.apps.api]
                path = "api"

                [tool.dockenv.apps.api.deploy]
                replicas = 5
                publish-address = "::1"
                """);
        DeploySetting project = config.deploy();
        assertThat(project.envFile()).contains("deploy/prod.env");
        assertThat(project.healthPath()).contains("/healthz");
        assertThat(project.replicas()).isEqualTo(OptionalInt.of(3));
        assertThat(project.publishAddress()).contains("127.0.0.1");
        assertThat(project.noHealthcheck()).isFalse();
        assertThat(project.location().orElseThrow().line()).isEqualTo(1);

        DeploySetting api = config.apps().get(0).deploy().over(project);
        assertThat(api.replicas()).isEqualTo(OptionalInt.of(5));
        assertThat(api.publishAddress()).contains("::1");
        assertThat(api.envFile()).contains("deploy/prod.env");
        assertThat(api.healthPath()).contains("/healthz");
    }

    @Test
    void healthcheckFalseTurnsTheCheckOffUnlessAnAppGivesAPath() {
        DockenvConfig config = read("""
                [tool.dockenv.deploy]
                healthcheck = false

                [tool.dockenv.apps.api]
                path = "api"

                [tool.dockenv.apps.api.deploy]
                health-path = "/ping"

                [tool.dockenv.apps.worker]
                path = "worker"
                """);
        assertThat(config.deploy().noHealthcheck()).isTrue();
        DeploySetting api = config.apps().get(0).deploy().over(config.deploy());
        assertThat(api.noHealthcheck()).isFalse();
        assertThat(api.healthPath()).contains("/ping");
        assertThat(config.apps().get(1).deploy().over(config.deploy()).noHealthcheck()).isTrue();
    }

    @Test
    void noTableIsNoSetting() {
        assertThat(read("[tool.dockenv]\npython = \"3.11\"\n").deploy()).isEqualTo(DeploySetting.none());
        assertThat(DeploySetting.none().healthPath()).isEqualTo(Optional.empty());
    }

    @Test
    void eachBadValueIsRefusedAtItsLine() {
        assertThat(refused("[tool.dockenv.deploy]\n\nhealth-path = \"healthz\"\n").getMessage())
                .contains("pyproject.toml:3:", "tool.dockenv.deploy.health-path", "starts with '/'");
        assertThat(refused("[tool.dockenv.deploy]\nhealth-path = \"/a b\"\n").getMessage()).contains(":2:");
        assertThat(refused("[tool.dockenv.deploy]\nreplicas = -1\n").getMessage())
                .contains(":2:", "tool.dockenv.deploy.replicas must be a number of tasks");
        assertThat(refused("[tool.dockenv.deploy]\nreplicas = \"2\"\n").getMessage()).contains(":2:");
        assertThat(refused("[tool.dockenv.deploy]\npublish-address = \"localhost\"\n").getMessage())
                .contains(":2:", "'localhost' is not an IP address");
        assertThat(refused("[tool.dockenv.deploy]\npublish-address = \"0.0.0.0:80\"\n").getMessage())
                .contains("is not an IP address");
        assertThat(refused("[tool.dockenv.deploy]\nenv-file = \"../prod.env\"\n").getMessage())
                .contains(":2:", "is not a path inside the project");
        assertThat(refused("[tool.dockenv.deploy]\nenv-file = \"/etc/prod.env\"\n").getMessage())
                .contains("is not a path inside the project");
        assertThat(refused("[tool.dockenv.deploy]\nhealthcheck = true\n").getMessage())
                .contains(":2:", "can only be false");
        assertThat(refused("[tool.dockenv.deploy]\nhealthcheck = false\nhealth-path = \"/h\"\n").getMessage())
                .contains("say opposite things");
        assertThat(refused("[tool.dockenv.deploy]\nreplica = 2\n").getMessage()).contains(":2:", "replica");
        assertThat(refused("[tool.dockenv]\ndeploy = 3\n").getMessage()).contains(":2:", "a table: env-file");
    }

    @Test
    void addressesOfBothFamiliesAreAddresses() {
        for (String address : List.of("0.0.0.0", "127.0.0.1", "10.1.2.3", "::", "::1", "fe80::1", "2001:db8::8:800:200c:417a")) {
            assertThat(ServerAddress.problem(address)).as(address).isEmpty();
        }
        for (String address : List.of("256.1.1.1", "1.2.3", "example.com", "[::1]", "1.2.3.4 ", "", "::g")) {
            assertThat(ServerAddress.problem(address)).as(address).isPresent();
        }
    }
}
