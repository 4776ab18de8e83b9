package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each registry refusal from the words clients and registries use for it: docker 20.10 and 28
 * against docker-registry 2.8 (copied here), and the words Docker Hub, GHCR, ECR, credential
 * helpers and TLS failures are known to print.
 */
class RegistryRefusalTest {
    private static final ImageReference REF = ImageReference.of("registry.example.com/team/shop:1.4.0");

    static Stream<Arguments> outputs() {
        return Stream.of(
                Arguments.of("no basic auth credentials", RegistryRefusal.NotLoggedIn.class),
                Arguments.of("unauthorized: authentication required", RegistryRefusal.Unauthorized.class),
                Arguments.of("Error response from daemon: login attempt to http://127.0.0.1:5000/v2/ failed with status: "
                        + "401 Unauthorized", RegistryRefusal.Unauthorized.class),
                Arguments.of("unauthorized: incorrect username or password", RegistryRefusal.Unauthorized.class),
                Arguments.of("denied: requested access to the resource is denied", RegistryRefusal.AccessDenied.class),
                Arguments.of("denied: permission_denied: write_package", RegistryRefusal.AccessDenied.class),
                Arguments.of("insufficient_scope: authorization failed", RegistryRefusal.AccessDenied.class),
                Arguments.of("Get \"http://127.0.0.1:5999/v2/\": dial tcp 127.0.0.1:5999: connect: connection refused",
                        RegistryRefusal.Unreachable.class),
                Arguments.of("Get \"https://nosuchhost.invalid/v2/\": dial tcp: lookup nosuchhost.invalid on "
                        + "10.255.255.53:53: no such host", RegistryRefusal.Unreachable.class),
                Arguments.of("Get \"https://10.1.2.3:5000/v2/\": http: server gave HTTP response to HTTPS client",
                        RegistryRefusal.Unreachable.class),
                Arguments.of("Get \"https://r.example/v2/\": x509: certificate signed by unknown authority",
                        RegistryRefusal.Unreachable.class),
                Arguments.of("error getting credentials - err: exec: \"docker-credential-desktop\": executable file "
                        + "not found in $PATH, out: ``", RegistryRefusal.CredentialHelperFailed.class),
                Arguments.of("Error response from daemon: manifest for registry.example.com/team/shop:nope not found: "
                        + "manifest unknown: manifest unknown", RegistryRefusal.NotFound.class),
                Arguments.of("received unexpected HTTP status: 500 Internal Server Error", RegistryRefusal.Other.class));
    }

    @ParameterizedTest
    @MethodSource("outputs")
    void eachCauseIsItsOwnKind(String line, Class<? extends RegistryRefusal> kind) {
        String output = "The push refers to repository [registry.example.com/team/shop]\n"
                + "fc289e8eec1f: Preparing\n" + line + "\n";

        RegistryRefusal refusal = RegistryRefusal.classify(REF, output);

        assertThat(refusal).isInstanceOf(kind);
        assertThat(refusal.registry()).isEqualTo("registry.example.com");
        assertThat(refusal.detail()).isEqualTo(line);
        assertThat(refusal.reason()).contains("registry.example.com").doesNotContain("\n");
        assertThat(refusal.hint(REF)).isNotBlank();
    }

    @Test
    void anUnknownFailureKeepsTheClientsLastWordsAndShowsItsOutputInTheHint() {
        RegistryRefusal refusal = RegistryRefusal.classify(REF, "The push refers to repository [x]\n"
                + "fc289e8eec1f: Preparing\nsomething new went wrong\n");

        assertThat(refusal).isInstanceOf(RegistryRefusal.Other.class);
        assertThat(refusal.reason()).isEqualTo("docker failed with registry.example.com (something new went wrong)");
        assertThat(refusal.hint(REF)).isEqualTo("the docker client printed:\n    The push refers to repository [x]\n"
                + "    fc289e8eec1f: Preparing\n    something new went wrong");
    }

    @Test
    void dockerHubIsLoggedInToWithoutAServerName() {
        ImageReference hub = ImageReference.of("team/shop:1");

        RegistryRefusal refusal = RegistryRefusal.classify(hub, "denied: requested access to the resource is denied");

        assertThat(refusal.registry()).isEqualTo("docker.io");
        assertThat(refusal.hint(hub)).contains("`docker login`").contains("team/shop");
    }

    @Test
    void theHintsSayWhatToDoForEachCause() {
        assertThat(new RegistryRefusal.Unreachable("10.1.2.3:5000", "http: server gave HTTP response to HTTPS client")
                .hint(REF)).contains("insecure-registries");
        assertThat(new RegistryRefusal.Unreachable("r.example", "x509: certificate signed by unknown authority")
                .hint(REF)).contains("/etc/docker/certs.d/r.example/ca.crt");
        assertThat(new RegistryRefusal.CredentialHelperFailed("r.example", "error getting credentials").hint(REF))
                .contains("credsStore");
    }
}
