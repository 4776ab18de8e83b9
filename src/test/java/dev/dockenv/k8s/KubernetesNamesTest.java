package dev.dockenv.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KubernetesNamesTest {
    @ParameterizedTest
    @CsvSource({
        "shop, shop",
        "My_Shop, my-shop",
        "shop.api, shop-api",
        "--shop--, shop",
        "a  b__c, a-b-c",
        "2048.game, app-2048-game",
        "café, caf",
        "Ünïcode-app, n-code-app",
    })
    void derivesADns1035LabelFromTheAppName(String appName, String expected) {
        assertThat(KubernetesNames.derive(appName)).isEqualTo(expected);
        assertThat(KubernetesNames.problemWithBaseName(expected)).isEmpty();
    }

    @Test
    void aLongNameIsCutToFitTheLongestSuffixWithoutATrailingHyphen() {
        String name = "a".repeat(54) + "-b" + "c".repeat(20);
        String derived = KubernetesNames.derive(name);
        assertThat(derived).isEqualTo("a".repeat(54));
        assertThat(derived.length() + "-secrets".length()).isLessThanOrEqualTo(63);
        assertThat(KubernetesNames.derive("x".repeat(200))).hasSize(KubernetesNames.MAX_BASE_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "___", "--", "日本", "..."})
    void aNameWithoutALetterOrDigitIsRefused(String appName) {
        assertThat(KubernetesNames.problemDeriving(appName)).contains("it has no letter or digit a-z, 0-9");
        assertThatThrownBy(() -> KubernetesNames.derive(appName)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Kubernetes name can be made of the app name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop", "1shop", "shop-", "-shop", "sh_op", "sh.op", ""})
    void baseNamesAreDns1035Labels(String name) {
        assertThat(KubernetesNames.problemWithBaseName(name)).isPresent();
    }

    @Test
    void baseNamesLeaveRoomForTheSuffix() {
        assertThat(KubernetesNames.problemWithBaseName("a".repeat(55))).isEmpty();
        assertThat(KubernetesNames.problemWithBaseName("a".repeat(56))).get().asString().contains("longer than 55");
        assertThatThrownBy(() -> AppNames.of("a".repeat(56))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelNamesAndSubdomains() {
        assertThat(KubernetesNames.problemWithLabelName("1-db-creds")).isEmpty();
        assertThat(KubernetesNames.problemWithLabelName("db.creds")).isPresent();
        assertThat(KubernetesNames.problemWithLabelName("a".repeat(64))).isPresent();
        assertThat(KubernetesNames.problemWithSubdomain("registry.example")).isEmpty();
        assertThat(KubernetesNames.problemWithSubdomain("Registry")).isPresent();
        assertThat(KubernetesNames.problemWithSubdomain("a..b")).isPresent();
        assertThat(KubernetesNames.problemWithSubdomain("a".repeat(254))).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "http, true",
        "tcp-8000, true",
        "h2c, true",
        "8000, false",
        "tcp--8000, false",
        "-http, false",
        "http-, false",
        "HTTP, false",
        "a-very-long-port, false",
        "a-very-long-por, true",
    })
    void portNamesAreIanaServiceNames(String name, boolean valid) {
        assertThat(KubernetesNames.problemWithPortName(name).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "1.4.0, 1.4.0",
        "1.4.0+local.2, 1.4.0_local.2",
        "1!2.0, 1_2.0",
        "v1.0-rc1, v1.0-rc1",
        "+1.0+, 1.0",
    })
    void versionsBecomeLabelValues(String version, String label) {
        assertThat(KubernetesNames.versionLabel(version)).isEqualTo(label);
        assertThat(KubernetesNames.problemWithLabelValue(label)).isEmpty();
    }

    @Test
    void aLongVersionIsCutTo63Characters() {
        String label = KubernetesNames.versionLabel("1." + "0".repeat(70));
        assertThat(label).hasSize(63);
        assertThat(KubernetesNames.problemWithLabelValue(label)).isEmpty();
        assertThat(KubernetesNames.versionLabel("+++")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-a", "a-", "a b", "a/b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void labelValuesAreChecked(String value) {
        assertThat(KubernetesNames.problemWithLabelValue(value)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
        "DATABASE_URL, true",
        "_private, true",
        "lower_case1, true",
        "1ABC, false",
        "MY-VAR, false",
        "MY.VAR, false",
        "'A B', false",
        "KUBERNETES_SERVICE_HOST, false",
    })
    void environmentVariableNamesAreCIdentifiers(String name, boolean valid) {
        assertThat(KubernetesNames.problemWithEnvName(name).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "dsn, true",
        "tls.crt, true",
        "a-b_c.D, true",
        "., false",
        "'..', false",
        "a/b, false",
        "'', false",
    })
    void secretKeys(String key, boolean valid) {
        assertThat(KubernetesNames.problemWithSecretKey(key).isEmpty()).isEqualTo(valid);
    }

    @Test
    void printableEscapesControlCharacters() {
        assertThat(KubernetesNames.printable("a\nb\u2028")).isEqualTo("a\\u000ab\\u2028");
    }
}
