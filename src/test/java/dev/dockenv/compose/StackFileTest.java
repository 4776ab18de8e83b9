package dev.dockenv.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.Golden;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A Swarm stack rendered from the compose model: the deploy section, ports in the long syntax, the
 * stack file's {@code version: "3.9"}, what a stack file refuses, and the checks of every value.
 */
class StackFileTest {

    @Test
    void theRepresentativeStackMatchesItsGoldenFile() {
        Golden.assertMatches("compose/stack.yaml", ComposeYaml.renderStack(StackSamples.representative()));
    }

    @Test
    void theStackFileIsValidForTheComposeSpecSchemaAndSoIsItsComposeRendering() {
        assertThat(ComposeSpecSchema.errors(ComposeYaml.renderStack(StackSamples.representative()))).isEmpty();
        assertThat(ComposeSpecSchema.errors(ComposeYaml.render(StackSamples.representative()))).isEmpty();
    }

    /** The schema's checks of deploy and ports can fail: a wrong value there is refused. */
    @Test
    void theSchemaRefusesAWrongDeploySectionOrPort() {
        String valid = ComposeYaml.renderStack(StackSamples.representative());
        assertThat(ComposeSpecSchema.errors(valid.replace("      replicas: 3\n", "      replicas: \"three\"\n")))
                .isNotEmpty();
        assertThat(ComposeSpecSchema.errors(valid.replace("        order: \"start-first\"\n",
                "        order: \"start-first\"\n        surge: 1\n"))).isNotEmpty();
        assertThat(ComposeSpecSchema.errors(valid.replace("      - target: 8000\n", "      - target: 8000\n"
                + "        host_port: 80\n"))).isNotEmpty();
    }

    @Test
    void aStackFileStartsWithVersion39AndListsDependenciesByName() {
        Map<String, Object> stack = load(ComposeYaml.renderStack(StackSamples.representative()));
        assertThat(stack.keySet()).containsExactly("version", "services", "networks", "volumes");
        assertThat(stack.get("version")).isEqualTo("3.9");
        Map<String, Object> worker = map(map(stack.get("services")).get("worker"));
        assertThat(worker.get("depends_on")).isEqualTo(List.of("web"));
        // the compose rendering keeps the long form and has no version
        Map<String, Object> compose = load(ComposeYaml.render(StackSamples.representative()));
        assertThat(compose).doesNotContainKey("version");
        assertThat(map(map(map(compose.get("services")).get("worker")).get("depends_on")))
                .containsEntry("web", Map.of("condition", "service_started"));
    }

    @Test
    void theDeploySectionAndLongPortsAreWrittenAsTyped() {
        Map<String, Object> web = map(map(load(ComposeYaml.renderStack(StackSamples.representative())).get("services"))
                .get("web"));
        Map<String, Object> deploy = map(web.get("deploy"));
        assertThat(deploy.get("replicas")).isEqualTo(3);
        assertThat(map(deploy.get("update_config"))).containsEntry("parallelism", 1).containsEntry("delay", "2s")
                .containsEntry("failure_action", "rollback").containsEntry("monitor", "15s")
                .containsEntry("order", "start-first");
        assertThat(map(deploy.get("rollback_config"))).containsEntry("parallelism", 0)
                .containsEntry("failure_action", "pause").containsEntry("order", "stop-first");
        assertThat(map(deploy.get("restart_policy"))).containsEntry("condition", "any").containsEntry("max_attempts", 3)
                .containsEntry("window", "2m");
        assertThat(map(map(deploy.get("resources")).get("limits"))).containsEntry("cpus", "0.5")
                .containsEntry("memory", "256M");
        assertThat(web.get("ports")).isEqualTo(List.of(
                Map.of("target", 8000, "published", 80, "protocol", "tcp", "mode", "ingress"),
                Map.of("target", 9100, "protocol", "udp", "mode", "host")));
        assertThat(map(map(load(ComposeYaml.renderStack(StackSamples.representative())).get("networks")).get("backend")))
                .containsEntry("name", "shop_backend").containsEntry("attachable", true);
    }

    @Test
    void shortAndLongPortsShareOneList() {
        Service s = Service.builder().image("shop:1").port("8080:8000").port(PublishedPort.host(9000, 9000)).build();
        Map<String, Object> service = map(map(load(ComposeYaml.render(ComposeModel.builder().service("app", s).build()))
                .get("services")).get("app"));
        assertThat(service.get("ports")).isEqualTo(List.of("8080:8000",
                Map.of("target", 9000, "published", 9000, "protocol", "tcp", "mode", "host")));
    }

    @Test
    void aStackFileRefusesWhatDockerStackDeployRefusesOrIgnores() {
        assertThatThrownBy(() -> stack(Service.builder().image("shop:1").builtFrom(Build.builder(".").build())))
                .hasMessageContaining("app").hasMessageContaining("build").hasMessageContaining("registry");
        assertThatThrownBy(() -> stack(Service.builder().image("shop:1").restart(Restart.UNLESS_STOPPED)))
                .hasMessageContaining("restart_policy");
        assertThatThrownBy(() -> stack(Service.builder().image("shop:1").profile("tools")))
                .hasMessageContaining("profiles");
        assertThatThrownBy(() -> stack(Service.builder().image("shop:1").port("127.0.0.1:8000:8000")))
                .hasMessageContaining("every address");
        assertThatThrownBy(() -> stack(Service.builder().image("shop:1").port("[::1]:8000:8000")))
                .hasMessageContaining("every address");
        ComposeModel healthy = ComposeModel.builder().service("db", Service.builder().image("postgres:16").build())
                .service("app", Service.builder().image("shop:1").dependsOn("db", Condition.SERVICE_HEALTHY).build())
                .build();
        assertThatThrownBy(() -> ComposeYaml.renderStack(healthy)).hasMessageContaining("depends_on")
                .hasMessageContaining("service_healthy");
        // the same services are fine for compose
        assertThat(ComposeYaml.render(healthy)).contains("service_healthy");
        assertThat(stack(Service.builder().image("shop:1").port("8000:8000"))).contains("version: \"3.9\"");
    }

    @Test
    void deployValuesAreChecked() {
        assertThatThrownBy(() -> Deploy.builder().replicas(-1).build()).hasMessageContaining("replicas");
        assertThatThrownBy(() -> UpdateConfig.builder().parallelism(-1).build()).hasMessageContaining("parallelism");
        assertThatThrownBy(() -> UpdateConfig.builder().delay(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> UpdateConfig.builder().monitor(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("monitor");
        assertThatThrownBy(() -> Deploy.builder().rollbackConfig(UpdateConfig.builder()
                .failureAction(UpdateConfig.FailureAction.ROLLBACK).build()).build()).hasMessageContaining("rollback");
        assertThatThrownBy(() -> Deploy.builder().cpuLimit(BigDecimal.ZERO).build()).hasMessageContaining("CPU");
        assertThatThrownBy(() -> Deploy.builder().cpuLimit(new BigDecimal("0.0001")).build())
                .hasMessageContaining("3 decimals");
        assertThatThrownBy(() -> Deploy.builder().memoryLimit((6L << 20) - 1).build()).hasMessageContaining("6 MiB");
        assertThatThrownBy(() -> RestartPolicy.builder(RestartPolicy.Condition.ANY).maxAttempts(-1).build())
                .hasMessageContaining("max_attempts");
        assertThatThrownBy(() -> RestartPolicy.builder(RestartPolicy.Condition.ANY).window(Duration.ofMillis(-1))
                .build()).hasMessageContaining("window");
        assertThat(Deploy.builder().replicas(0).memoryLimit(6L << 20).cpuLimit(new BigDecimal("2")).build().replicas())
                .isEqualTo(OptionalInt.of(0));
    }

    @Test
    void portsAreChecked() {
        assertThatThrownBy(() -> PublishedPort.host(0, 8000)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> PublishedPort.ingress(80, 65536)).hasMessageContaining("1-65535");
        assertThatThrownBy(() -> Service.builder().image("shop:1").port(PublishedPort.host(80, 8000))
                .port(PublishedPort.ingress(80, 9000)).build()).hasMessageContaining("twice");
        // the same number over UDP is another port
        assertThat(Service.builder().image("shop:1").port(PublishedPort.host(80, 8000))
                .port(new PublishedPort(8000, OptionalInt.of(80), PublishedPort.Protocol.UDP, PublishedPort.Mode.HOST))
                .build().publishedPorts()).hasSize(2);
    }

    /** Swarm refuses ingress ports without a virtual IP: the model says so first. */
    @Test
    void dnsRoundRobinTakesOnlyHostModePorts() {
        Deploy dnsrr = Deploy.builder().endpointMode(Deploy.EndpointMode.DNSRR).build();
        assertThatThrownBy(() -> Service.builder().image("shop:1").deploy(dnsrr).port(PublishedPort.ingress(80, 8000))
                .build()).hasMessageContaining("dnsrr");
        assertThatThrownBy(() -> Service.builder().image("shop:1").deploy(dnsrr).port("80:8000").build())
                .hasMessageContaining("host mode");
        assertThat(Service.builder().image("shop:1").deploy(dnsrr).port(PublishedPort.host(80, 8000)).build()
                .deploy()).contains(dnsrr);
    }

    @Test
    void memoryIsWrittenInDockersUnits() {
        assertThat(ComposeYaml.memory(256L << 20)).isEqualTo("256M");
        assertThat(ComposeYaml.memory(2L << 30)).isEqualTo("2G");
        assertThat(ComposeYaml.memory(6L << 20 | 1 << 10)).isEqualTo("6145K");
        assertThat(ComposeYaml.memory((6L << 20) + 1)).isEqualTo("6291457b");
    }

    private static String stack(Service.Builder service) {
        return ComposeYaml.renderStack(ComposeModel.builder().service("app", service.build()).build());
    }

    private static Map<String, Object> load(String yaml) {
        return map(new Load(LoadSettings.builder().build()).loadFromString(yaml));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
