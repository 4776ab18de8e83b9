package dev.dockenv.compose;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Swarm stack models for the tests: a web app with replicas, a rolling update that starts the new
 * task first, a rollback, a restart policy and limits, published through the routing mesh and on
 * the node; a worker reached by DNS round robin; an attachable network with a fixed name and a
 * named volume. Public for the ITs.
 */
public final class StackSamples {
    private StackSamples() {
    }

    public static ComposeModel representative() {
        Service web = Service.builder()
                .image("registry.example.com/team/shop:1.4.0")
                .command("gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi")
                .environment("PORT", "8000")
                .envFile("prod.env")
                .port(PublishedPort.ingress(80, 8000))
                .port(new PublishedPort(9100, java.util.OptionalInt.empty(), PublishedPort.Protocol.UDP,
                        PublishedPort.Mode.HOST))
                .network("backend")
                .healthcheck(Healthcheck.cmd("python", "-c", "import urllib.request; urllib.request.urlopen("
                        + "'http://127.0.0.1:8000/')").interval(Duration.ofSeconds(5)).timeout(Duration.ofSeconds(3))
                        .retries(3).startPeriod(Duration.ofSeconds(10)).build())
                .stopGracePeriod(Duration.ofSeconds(20))
                .init(true)
                .deploy(Deploy.builder()
                        .replicas(3)
                        .endpointMode(Deploy.EndpointMode.VIP)
                        .updateConfig(UpdateConfig.builder().parallelism(1).delay(Duration.ofSeconds(2))
                                .failureAction(UpdateConfig.FailureAction.ROLLBACK).monitor(Duration.ofSeconds(15))
                                .order(UpdateConfig.Order.START_FIRST).build())
                        .rollbackConfig(UpdateConfig.builder().parallelism(0)
                                .failureAction(UpdateConfig.FailureAction.PAUSE).order(UpdateConfig.Order.STOP_FIRST)
                                .build())
                        .restartPolicy(RestartPolicy.builder(RestartPolicy.Condition.ANY).delay(Duration.ofSeconds(5))
                                .maxAttempts(3).window(Duration.ofMinutes(2)).build())
                        .cpuLimit(new BigDecimal("0.50"))
                        .memoryLimit(256L << 20)
                        .build())
                .build();
        Service worker = Service.builder()
                .image("registry.example.com/team/shop:1.4.0")
                .command("python", "-m", "shop.worker")
                .dependsOn("web", Condition.SERVICE_STARTED)
                .volume(VolumeMount.named("uploads", "/srv/uploads"))
                .network("backend")
                .deploy(Deploy.builder().replicas(2).endpointMode(Deploy.EndpointMode.DNSRR)
                        .restartPolicy(RestartPolicy.builder(RestartPolicy.Condition.ON_FAILURE).build()).build())
                .build();
        return ComposeModel.builder()
                .header("Written by dockenv: the Swarm stack of shop.")
                .service("web", web)
                .service("worker", worker)
                .volume("uploads")
                .network("backend", Network.named("shop_backend").asAttachable())
                .build();
    }
}
