package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** References as the docker client reads them: which registry docker sends each one to. */
class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "shop                                    | docker.io          | shop                 | latest-none | ",
        "team/shop:1.4.0                         | docker.io          | team/shop            | 1.4.0       | ",
        "127.0.0.1:5000/team/shop:sha-0a1b2c3    | 127.0.0.1:5000     | team/shop            | sha-0a1b2c3 | 127.0.0.1:5000",
        "localhost/shop:latest                   | localhost          | shop                 | latest      | localhost",
        "registry.example.com/team/shop          | registry.example.com | team/shop          | latest-none | registry.example.com",
        "ghcr.io/o/r/deep_name__x-y.z:v1         | ghcr.io            | o/r/deep_name__x-y.z | v1          | ghcr.io",
        "Registry/shop:1                         | Registry           | shop                 | 1           | Registry",
    })
    void theRegistryIsTheFirstComponentWhenItLooksLikeAHost(String text, String host, String path, String tag,
            String written) {
        ImageReference r = ImageReference.parse(text).orElseThrow();
        assertThat(r.registryHost()).isEqualTo(host);
        assertThat(r.registry()).isEqualTo(Optional.ofNullable(written));
        assertThat(r.path()).isEqualTo(path);
        assertThat(r.tag()).isEqualTo(tag.equals("latest-none") ? Optional.empty() : Optional.of(tag));
        assertThat(r.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--all-tags", "-q", "Shop", "shop:", "shop:-x", "shop:a b", "team//shop", "/shop",
        "shop/", "host:5000/", "shop@sha256:abc", "shop:1:2", "a b", "shop\n", "re\u00e9/shop",
        "host:port:5000/shop", "-host.io/shop", "shop..x"})
    void whatDockerWouldNotTakeIsNoReference(String text) {
        assertThat(ImageReference.parse(text)).isEmpty();
        assertThatThrownBy(() -> ImageReference.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:5000/shop@sha256:f1087aa91197fe6f1ff92b433c43807b3002135bcfe5d85944ffc735c1275df6",
        "shop:1.0@sha256:f1087aa91197fe6f1ff92b433c43807b3002135bcfe5d85944ffc735c1275df6"})
    void aDigestIsKept(String text) {
        ImageReference r = ImageReference.of(text);
        assertThat(r.digest()).contains("sha256:f1087aa91197fe6f1ff92b433c43807b3002135bcfe5d85944ffc735c1275df6");
    }

    @ParameterizedTest
    @CsvSource({"127.0.0.1:5000/team/shop:1, docker login 127.0.0.1:5000, 127.0.0.1:5000/team/shop",
        "team/shop:1, docker login, team/shop"})
    void theLoginCommandNamesTheRegistry(String text, String login, String repository) {
        ImageReference r = ImageReference.of(text);
        assertThat(r.loginCommand()).isEqualTo(login);
        assertThat(r.repository()).isEqualTo(repository);
    }
}
