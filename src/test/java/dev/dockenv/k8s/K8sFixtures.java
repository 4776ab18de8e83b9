package dev.dockenv.k8s;

import java.time.Duration;
import java.util.List;

/**
 * The two apps of the golden files, a typical web app and a worker without ports, and variants that
 * use every other part of the model (for KubernetesManifestsIT's validation against the schemas).
 */
public final class K8sFixtures {
    public static final String DIGEST = "sha256:" + "4f".repeat(32);

    private K8sFixtures() {
    }

    public static ImageByDigest image(String repository) {
        return ImageByDigest.parse(repository + "@" + DIGEST);
    }

    /** A Django app behind gunicorn: a port, plain and secret variables, an HTTP health check with a start period. */
    public static DeployedApp webApp() {
        DeployedApp.Builder app = DeployedApp.builder("Shop", ImageByDigest.parse(
                "registry.example.com:5000/team/shop:1.4.0@" + DIGEST), 10001)
                .version("1.4.0")
                .replicas(2)
                .port(ContainerPort.tcp(8000))
                .args(List.of("gunicorn", "--bind", "0.0.0.0:8000", "shop.wsgi"))
                .env("DJANGO_SETTINGS_MODULE", "shop.settings")
                .env("PORT", "8000")
                .env("DEBUG", "no")
                .env("ALLOWED_HOSTS", "shop.example.com")
                .health(HealthProbe.httpGet("/healthz", 8000).interval(Duration.ofSeconds(5))
                        .timeout(Duration.ofMillis(1500)).retries(3).startPeriod(Duration.ofSeconds(20)).build())
                .runAsGroup(10001)
                .imagePullSecret("registry-example");
        app.secret("DATABASE_URL").secret("SECRET_KEY");
        return app.build();
    }

    /** A queue worker: no port (no Service), no plain variable (no ConfigMap), an exec health check, a writable root. */
    public static DeployedApp worker() {
        return DeployedApp.builder("shop_worker", image("registry.example.com/team/shop-worker"), 10001)
                .version("1.4.0+build.7")
                .command(List.of("python", "-m", "shop.worker"))
                .args(List.of("--queue", "$(QUEUE)", "--log", "$HOME/worker.log"))
                .secret("REDIS_URL")
                .secret(new SecretVariable("SENTRY_DSN", "sentry", "dsn"))
                .health(HealthProbe.exec("python", "-m", "shop.worker", "--check").interval(Duration.ofSeconds(30))
                        .build())
                .rootFilesystem(RootFilesystem.WRITABLE)
                .build();
    }

    /** Every app the model can describe in its variants: the two above and others with the remaining options. */
    public static List<DeployedApp> all() {
        return List.of(webApp(), worker(),
                DeployedApp.builder("dns", image("127.0.0.1:5000/dns"), 65534)
                        .replicas(0)
                        .port(ContainerPort.tcp(53)).port(ContainerPort.udp(53))
                        .port(new ContainerPort("metrics", 9153, ContainerPort.Protocol.TCP))
                        .health(HealthProbe.tcpSocket(53).timeout(Duration.ofMillis(200)).retries(1)
                                .startPeriod(Duration.ofMinutes(2)).build())
                        .env("EMPTY", "").env("QUOTES", "say \"yes\" or 'no'").env("MULTI", "line one\nline two")
                        .build(),
                DeployedApp.builder("2048", image("game"), 1).build());
    }
}
