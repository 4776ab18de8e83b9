package dev.dockenv.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeployedAppTest {
    private static DeployedApp.Builder app() {
        return DeployedApp.builder("shop", K8sFixtures.image("shop"), 10001);
    }

    @Test
    void theNamesComeFromTheAppName() {
        DeployedApp app = DeployedApp.builder("My Shop", K8sFixtures.image("shop"), 10001).build();
        assertThat(app.names().deployment()).isEqualTo("my-shop");
        assertThat(app.names().service()).isEqualTo("my-shop");
        assertThat(app.names().container()).isEqualTo("my-shop");
        assertThat(app.names().configMap()).isEqualTo("my-shop-env");
        assertThat(app.names().secret()).isEqualTo("my-shop-secrets");
        assertThat(app.names().fileName()).isEqualTo("my-shop.yaml");
    }

    @Test
    void defaults() {
        DeployedApp app = app().build();
        assertThat(app.replicas()).isEqualTo(1);
        assertThat(app.ports()).isEmpty();
        assertThat(app.rootFilesystem()).isEqualTo(RootFilesystem.READ_ONLY_WITH_TMP);
        assertThat(app.version()).isEmpty();
        assertThat(app.health()).isEmpty();
    }

    @Test
    void variablesAreSortedByName() {
        DeployedApp app = app().env("ZED", "1").env("ALPHA", "2").env("MID", "3").build();
        assertThat(app.env().keySet()).containsExactly("ALPHA", "MID", "ZED");
    }

    @Test
    void negativeReplicasAreRefused() {
        assertThat(app().replicas(0).build().replicas()).isZero();
        assertThatThrownBy(() -> app().replicas(-1).build()).hasMessageContaining("replicas cannot be negative: -1");
    }

    @Test
    void portsAreUniqueByNameAndNumber() {
        assertThatThrownBy(() -> app().port(ContainerPort.tcp(8000)).port(new ContainerPort("tcp-8000", 9000,
                ContainerPort.Protocol.TCP)).build()).hasMessageContaining("two ports are named 'tcp-8000'");
        assertThatThrownBy(() -> app().port(ContainerPort.tcp(8000)).port(new ContainerPort("web", 8000,
                ContainerPort.Protocol.TCP)).build()).hasMessageContaining("the port 8000/TCP is given twice");
        assertThat(app().port(ContainerPort.tcp(53)).port(ContainerPort.udp(53)).build().ports()).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, 100000})
    void portNumbersAreFrom1To65535(int number) {
        assertThatThrownBy(() -> ContainerPort.tcp(number)).hasMessageContaining("a port is a number from 1 to 65535");
        assertThatThrownBy(() -> new ContainerPort("web", number, ContainerPort.Protocol.TCP))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthProbe.tcpSocket(number)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HealthProbe.httpGet("/", number)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEdgesOfThePortRangeAreAccepted() {
        assertThat(ContainerPort.tcp(1).name()).isEqualTo("tcp-1");
        assertThat(ContainerPort.udp(65535).name()).isEqualTo("udp-65535");
    }

    @Test
    void aBadPortNameIsRefused() {
        assertThatThrownBy(() -> new ContainerPort("Web", 80, ContainerPort.Protocol.TCP))
                .hasMessageContaining("the port name 'Web' is not valid");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1X", "MY-VAR", "A B", "", "KUBERNETES_SERVICE_HOST"})
    void badVariableNamesAreRefused(String name) {
        assertThatThrownBy(() -> app().env(name, "x").build()).hasMessageContaining("the variable '" + name + "'");
        assertThatThrownBy(() -> app().secret(name).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVariableIsPlainOrSecretNotBoth() {
        assertThatThrownBy(() -> app().env("TOKEN", "x").secret("TOKEN").build())
                .hasMessageContaining("the variable TOKEN is given both as a plain value and as a secret");
        assertThatThrownBy(() -> app().secret("TOKEN").secret("TOKEN").build())
                .hasMessageContaining("the secret variable TOKEN is given twice");
    }

    @Test
    void aSecretVariableNamesAValidSecretAndKey() {
        assertThat(SecretVariable.of("shop", "TOKEN")).isEqualTo(new SecretVariable("TOKEN", "shop-secrets", "TOKEN"));
        assertThatThrownBy(() -> new SecretVariable("TOKEN", "Bad_Secret", "k"))
                .hasMessageContaining("the Secret 'Bad_Secret' is not valid");
        assertThatThrownBy(() -> new SecretVariable("TOKEN", "creds", "a/b"))
                .hasMessageContaining("the Secret key 'a/b' is not valid");
    }

    @ParameterizedTest
    @CsvSource({"0", "-5", "2147483648"})
    void rootAndImpossibleUserIdsAreRefused(long uid) {
        assertThatThrownBy(() -> DeployedApp.builder("shop", K8sFixtures.image("shop"), uid).build())
                .hasMessageContaining("the container runs as a user id from 1 to 2147483647 (never root, 0)");
    }

    @Test
    void groupIdsAreChecked() {
        assertThat(app().runAsGroup(0).build().runAsGroup()).hasValue(0);
        assertThatThrownBy(() -> app().runAsGroup(-1).build()).hasMessageContaining("a group id is from 0");
    }

    @Test
    void theImagePullSecretIsAValidName() {
        assertThatThrownBy(() -> app().imagePullSecret("Registry Creds").build())
                .hasMessageContaining("the image pull Secret 'Registry Creds' is not valid");
    }

    @Test
    void aVersionWithoutALetterOrDigitIsRefused() {
        assertThatThrownBy(() -> app().version("+++").build()).hasMessageContaining("has no letter or digit");
    }

    @Test
    void nulCharactersAreRefused() {
        assertThatThrownBy(() -> app().command(List.of("a\0b")).build()).hasMessageContaining("the command cannot hold");
        assertThatThrownBy(() -> app().args(List.of("a\0b")).build()).hasMessageContaining("the arguments cannot hold");
        assertThatThrownBy(() -> app().env("A", "a\0b").build()).hasMessageContaining("the value of A holds a NUL");
        assertThatThrownBy(() -> HealthProbe.exec("a\0")).hasMessageContaining("NUL");
    }

    @Test
    void healthCheckTimingIsChecked() {
        assertThatThrownBy(() -> HealthProbe.tcpSocket(80).interval(Duration.ZERO).build())
                .hasMessageContaining("a health check's interval must be longer than 0s");
        assertThatThrownBy(() -> HealthProbe.tcpSocket(80).timeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("a health check's timeout must be longer than 0s");
        assertThatThrownBy(() -> HealthProbe.tcpSocket(80).retries(0).build())
                .hasMessageContaining("retries must be at least 1");
        assertThatThrownBy(() -> HealthProbe.tcpSocket(80).startPeriod(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("start period cannot be negative");
        assertThat(HealthProbe.tcpSocket(80).startPeriod(Duration.ZERO).build().startPeriod()).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"healthz", "/health z", "/a\nb", ""})
    void anHttpPathBeginsWithASlashAndHasNoSpace(String path) {
        assertThatThrownBy(() -> HealthProbe.httpGet(path, 8000)).hasMessageContaining("a health check's HTTP path");
    }

    @Test
    void anExecCheckNeedsAProgram() {
        assertThatThrownBy(() -> HealthProbe.exec()).hasMessageContaining("needs a program");
        assertThatThrownBy(() -> HealthProbe.exec(" ")).hasMessageContaining("needs a program");
    }

    @ParameterizedTest
    @CsvSource({"PT5S, 5", "PT1.5S, 2", "PT0.1S, 1", "PT0.000000001S, 1", "PT1M, 60", "PT2M0.5S, 121"})
    void probesCountWholeSecondsRoundedUp(Duration duration, int seconds) {
        assertThat(HealthProbe.seconds(duration)).isEqualTo(seconds);
    }
}
