package dev.dockenv.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The model's values: what it keeps, what it refuses, and what it cannot say at all. */
class ComposeModelTest {

    private static Service.Builder image() {
        return Service.builder().image("python:3.12");
    }

    private static void refused(ThrowingCallable making, String message) {
        assertThatThrownBy(making).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void servicesKeepTheirOrderAndTheModelIsImmutable() {
        ComposeModel model = ComposeSamples.representative();
        assertThat(model.services().keySet()).containsExactly("db", "cache", "migrate", "app", "notebook");
        assertThat(model.services().get("app").environment().keySet())
                .containsExactly("HOME", "DATABASE_URL", "PGPASSWORD", "PRICE");
        assertThat(model.services().get("app").dependsOn().keySet()).containsExactly("db", "cache", "migrate");
        assertThatThrownBy(() -> model.services().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.services().get("app").ports().add("1:1")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> model.header().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderUsedAgainDoesNotChangeWhatItBuilt() {
        Service.Builder builder = image().environment("A", "1");
        Service first = builder.build();
        builder.environment("B", "2").port("127.0.0.1:80:80");
        assertThat(first.environment()).containsOnlyKeys("A");
        assertThat(first.ports()).isEmpty();
    }

    @Test
    void namesAreThoseComposeAccepts() {
        assertThat(ComposeModel.builder().service("db.1_x-y", image().build()).build().services()).containsKey("db.1_x-y");
        for (String name : List.of("my app", "", "-db", ".db", "_db", "db/1", "db:1", "dé", "db\n")) {
            refused(() -> ComposeModel.builder().service(name, image().build()).build(), "is not a name compose accepts");
        }
        refused(() -> ComposeModel.builder().service("s", image().build()).volume("my volume").build(),
                "a volume's key 'my volume' is not a name compose accepts");
        refused(() -> ComposeModel.builder().service("s", image().build()).network("n", Network.named("a b")).build(),
                "a network's name 'a b' is not a name compose accepts");
        refused(() -> Volume.named("x:y"), "is not a name compose accepts");
        refused(() -> image().profile("dev tools").build(), "a profile 'dev tools'");
    }

    @Test
    void environmentNamesAndValuesAreChecked() {
        for (String name : List.of("1X", "A-B", "A B", "", "A=B")) {
            refused(() -> image().environment(name, "x").build(), "is not a variable name");
        }
        refused(() -> image().environment("A", "line\nbreak").build(),
                "the value of the environment variable A cannot hold a line break");
        refused(() -> image().environment("A", "cr\r").build(), "cannot hold a line break");
        refused(() -> image().environment("A", "nul\0").build(), "cannot hold a control character");
        refused(() -> image().environment("A", "escape\u001b[0m").build(), "cannot hold a control character: 'escape\\u001b[0m'");
        refused(() -> image().environment("A", ComposeString.interpolated("${B}\n")).build(), "cannot hold a line break");
        assertThat(image().environment("A", "tab\there").build().environment()).containsKey("A");
        refused(() -> Build.builder(".").arg("A-B", "x").build(), "a build argument 'A-B' is not a variable name");
        refused(() -> image().label("a label", "x").build(), "the label key 'a label'");
        refused(() -> image().label("a", "x\ny").build(), "the label a cannot hold a line break");
    }

    @Test
    void commandsMaySpanLinesButHoldNoNul() {
        Service service = image().command("sh", "-c", "echo a\necho b\r\u0007").build();
        assertThat(service.command()).hasSize(3);
        refused(() -> image().command("a\0b").build(), "a service's command argument cannot hold a NUL character");
        refused(() -> image().entrypoint("a\0b").build(), "a service's entrypoint argument cannot hold a NUL");
        refused(() -> Healthcheck.cmdShell("  "), "a health check's shell command cannot be empty");
        refused(() -> Healthcheck.cmd(List.of()), "a health check's command cannot be empty");
    }

    @Test
    void portsAreComposesShortSyntax() {
        List<String> fine = List.of("8000", "8000:8000", "127.0.0.1:5432:5432", "127.0.0.1::8000", "0.0.0.0:8080:80/udp",
                "[::1]:8000:8000", "9000-9001:9000-9001", "53:53/sctp");
        assertThat(fine.stream().map(p -> image().port(p).build()).toList()).hasSize(fine.size());
        for (String port : List.of("127.0.0.1:5432", "abc", "80:80/icmp", "localhost:80:80", " 80", "80:80\n")) {
            refused(() -> image().port(port).build(), "");
        }
        refused(() -> image().port("70000:80").build(), "outside 1-65535");
        refused(() -> image().port("0:80").build(), "outside 1-65535");
        refused(() -> image().port("80:80").port("80:80").build(), "the port '80:80' twice");
    }

    @Test
    void volumeMountsCannotBeMisreadInTheShortSyntax() {
        refused(() -> VolumeMount.bind("data", "/data"), "must be an absolute path or start with './' or '../'");
        refused(() -> VolumeMount.bind("./a:b", "/data"), "cannot hold ':'");
        refused(() -> VolumeMount.bind(".", "data"), "must be an absolute path in the container");
        refused(() -> VolumeMount.named("v", "/a:ro"), "cannot hold ':'");
        refused(() -> VolumeMount.named("./v", "/a"), "is not a name compose accepts");
        refused(() -> image().volume(VolumeMount.bind(".", "/app")).volume(VolumeMount.named("v", "/app")).build(),
                "the volume target '/app' twice");
        assertThat(VolumeMount.bind("/abs", "/x").asReadOnly().readOnly()).isTrue();
        assertThat(VolumeMount.bind("..", "/x").source()).isEqualTo("..");
    }

    @Test
    void referencesBetweenServicesVolumesAndNetworksAreChecked() {
        refused(() -> ComposeModel.builder().service("db", image().volume(VolumeMount.named("data", "/d")).build()).build(),
                "the service db mounts the volume data, which the file does not declare");
        refused(() -> ComposeModel.builder().service("db", image().network("back").build()).build(),
                "the service db joins the network back, which the file does not declare");
        assertThat(ComposeModel.builder().service("db", image().network("default").build()).build().networks()).isEmpty();
        refused(() -> ComposeModel.builder().service("app", image().dependsOn("db", Condition.SERVICE_HEALTHY).build())
                .build(), "the service app depends on db, which is not a service of the file");
        refused(() -> ComposeModel.builder().service("app", image().dependsOn("app", Condition.SERVICE_STARTED).build())
                .build(), "the service app cannot depend on itself");
        refused(() -> ComposeModel.builder()
                .service("a", image().dependsOn("b", Condition.SERVICE_STARTED).build())
                .service("b", image().dependsOn("c", Condition.SERVICE_STARTED).build())
                .service("c", image().dependsOn("a", Condition.SERVICE_HEALTHY).build())
                .build(), "the services depend on each other in a circle: a -> b -> c -> a");
    }

    @Test
    void partsGivenTwiceOrMissingAreRefused() {
        refused(() -> ComposeModel.builder().service("a", image().build()).service("a", image().build()),
                "the service a is given twice");
        refused(() -> image().environment("A", "1").environment("A", "2"), "the environment variable A is given twice");
        refused(() -> Build.builder(".").arg("A", "1").arg("A", "2"), "the build argument A is given twice");
        refused(() -> Service.builder().build(), "a service needs an image or a build");
        refused(() -> ComposeModel.builder().build(), "a compose file needs a service");
        refused(() -> image().image("python 3").build(), "is not an image reference");
        refused(() -> image().workingDir("app").build(), "must be an absolute path in the container");
        refused(() -> image().user("").build(), "a service's user cannot be empty");
        refused(() -> ServiceNetwork.of("back", "api", "api"), "the network alias 'api' is given twice");
        refused(() -> ComposeModel.builder().header("two\nlines").service("a", image().build()).build(),
                "a header comment line cannot hold a line break");
        refused(() -> ComposeModel.builder().header("two\u2028lines").service("a", image().build()).build(),
                "end a line to YAML 1.1");
    }

    @Test
    void durationsAreChecked() {
        refused(() -> Healthcheck.cmd("true").interval(Duration.ZERO).build(), "a health check's interval must be longer than 0s");
        refused(() -> Healthcheck.cmd("true").timeout(Duration.ofSeconds(-1)).build(), "cannot be negative");
        refused(() -> Healthcheck.cmd("true").retries(0).build(), "retries must be at least 1");
        refused(() -> image().stopGracePeriod(Duration.ofSeconds(-5)).build(), "cannot be negative");
        assertThat(Healthcheck.cmd("true").startPeriod(Duration.ZERO).build().startPeriod()).hasValue(Duration.ZERO);
    }

    /**
     * What docker-compose 1.29 refuses cannot be said with the model: no top-level name, version or
     * include; no long-form env_file, no healthcheck start_interval, no depends_on restart or
     * required, no develop or gpus. The model's records and builders have no part for them.
     */
    @Test
    void whatDockerCompose129RefusesCannotBeBuilt() {
        assertThat(components(ComposeModel.class)).containsExactly("header", "services", "volumes", "networks");
        assertThat(methods(ComposeModel.Builder.class)).containsOnly("header", "service", "volume", "network", "build");
        assertThat(components(Healthcheck.class)).containsExactly("check", "interval", "timeout", "retries", "startPeriod");
        assertThat(methods(Healthcheck.Builder.class)).containsOnly("interval", "timeout", "retries", "startPeriod", "build");
        assertThat(components(Service.class)).doesNotContain("develop", "gpus", "name", "include", "startInterval");
        assertThat(methods(Service.Builder.class)).doesNotContain("develop", "gpus", "name", "include", "startInterval");
        // env_file is a list of paths, its short form; depends_on holds a condition and nothing else
        assertThat(Arrays.stream(Service.class.getRecordComponents()).filter(c -> c.getName().equals("envFiles"))
                .map(RecordComponent::getGenericType).map(Object::toString))
                .containsExactly("java.util.List<java.lang.String>");
        assertThat(Arrays.stream(Service.class.getRecordComponents()).filter(c -> c.getName().equals("dependsOn"))
                .map(RecordComponent::getGenericType).map(Object::toString))
                .containsExactly("java.util.Map<java.lang.String, dev.dockenv.compose.Condition>");
        assertThat(Condition.class.getRecordComponents()).isNull();
        String yaml = ComposeYaml.render(ComposeSamples.representative());
        assertThat(yaml.lines().filter(l -> !l.startsWith(" ") && !l.startsWith("#")))
                .containsExactly("services:", "networks:", "volumes:");
    }

    private static List<String> components(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static List<String> methods(Class<?> builder) {
        return Arrays.stream(builder.getDeclaredMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                .map(Method::getName).distinct().toList();
    }
}
