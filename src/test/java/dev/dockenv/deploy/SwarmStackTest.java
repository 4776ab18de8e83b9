package dev.dockenv.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.Golden;
import dev.dockenv.compose.ComposeSpecSchema;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.compose.Deploy;
import dev.dockenv.errors.InputException;
import dev.dockenv.stack.StackPlan;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stack file of deploy swarm: the mapping (a golden file), the compose-spec schema, the stack rules, what is refused. */
class SwarmStackTest {
    private static final String IMAGE = DeployedStacks.IMAGE;
    private static final String STACK = DeployedStacks.SERVICES;

    private static StackPlan deployed(String toml) {
        return DeployedStacks.deployed(toml);
    }

    private static SwarmApp app(int replicas, Deploy.EndpointMode mode, ServerHealth health) {
        return new SwarmApp("app", IMAGE, List.of(8000), replicas, mode, health, Optional.of("../prod.env"));
    }

    @Test
    void theAppsReplicasRollStartFirstBesideTheDeployedServicesAsTheGoldenFileSays() {
        String yaml = ComposeYaml.renderStack(SwarmStack.model(app(3, Deploy.EndpointMode.VIP,
                new ServerHealth.HttpGet(8000, "/healthz")), deployed(STACK)));

        Golden.assertMatches("deploy/swarm.stack.yaml", yaml);
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        assertThat(yaml).startsWith("# Written by dockenv deploy swarm")
                .contains("version: \"3.9\"", "      replicas: 3\n", "        order: \"start-first\"\n",
                        "        failure_action: \"rollback\"\n", "      - \"8000:8000\"\n",
                        "${DOCKENV_SECRET_DB:?is not set: give it in the env file of dockenv deploy swarm}",
                        "networks:\n  default:\n    attachable: true\n")
                .doesNotContain("restart:").doesNotContain("condition: \"service_").doesNotContain("build:")
                .doesNotContain("cache:").doesNotContain("9200:9200").doesNotContain("/home/ada");
    }

    /** docker stack deploy (20.10) takes a '-' in a required variable's message for a default's start. */
    @Test
    void aPasswordsMessageHasNoHyphenTheSwarmClientWouldReadAsADefault() {
        assertThat(SwarmStack.UNSET).doesNotContain("-");
        String yaml = ComposeYaml.renderStack(SwarmStack.model(app(1, Deploy.EndpointMode.VIP, new ServerHealth.None()),
                deployed(STACK)));
        assertThat(yaml).contains("${DOCKENV_SECRET_DB:?" + SwarmStack.UNSET + "}")
                .doesNotContainPattern("\\$\\{DOCKENV_SECRET_DB:\\?[^}]*-");
    }

    @Test
    void dnsRoundRobinPublishesNoPortAndSaysSo() {
        String yaml = ComposeYaml.renderStack(SwarmStack.model(app(2, Deploy.EndpointMode.DNSRR,
                new ServerHealth.None()), deployed("")));

        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        assertThat(yaml).contains("      endpoint_mode: \"dnsrr\"\n", "      replicas: 2\n")
                .doesNotContain("ports:").doesNotContain("healthcheck:").doesNotContain("depends_on:");
    }

    @Test
    void aDeployedServiceThatMountsAHostFolderOrIsNamedAppIsRefusedAtItsLine() {
        assertThatThrownBy(() -> SwarmStack.model(app(1, Deploy.EndpointMode.VIP, new ServerHealth.None()),
                deployed("[tool.dockenv.services]\nweb = { image = \"nginx:1\", volumes = [\"./site:/usr/share/nginx"
                        + "/html\"], deploy = true }\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("mounts the host folder");
        assertThatThrownBy(() -> SwarmStack.model(app(1, Deploy.EndpointMode.VIP, new ServerHealth.None()),
                deployed("[tool.dockenv.services]\napp = { image = \"nginx:1\", deploy = true }\n")))
                .isInstanceOf(InputException.class).hasMessageContaining("pyproject.toml:2:1", "'app' is the name of the project's own container");
    }
}
