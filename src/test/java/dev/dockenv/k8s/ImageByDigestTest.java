package dev.dockenv.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageByDigestTest {
    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void aRepositoryAndDigest() {
        ImageByDigest image = ImageByDigest.parse("registry.example.com/team/shop@" + DIGEST);
        assertThat(image.repository()).isEqualTo("registry.example.com/team/shop");
        assertThat(image.tag()).isEmpty();
        assertThat(image.digest()).isEqualTo(DIGEST);
        assertThat(image.reference()).isEqualTo("registry.example.com/team/shop@" + DIGEST);
    }

    @Test
    void aTagBesideTheDigestIsKeptForTheReader() {
        ImageByDigest image = ImageByDigest.parse("127.0.0.1:5000/shop:1.4.0@" + DIGEST);
        assertThat(image.repository()).isEqualTo("127.0.0.1:5000/shop");
        assertThat(image.tag()).contains("1.4.0");
        assertThat(image.reference()).isEqualTo("127.0.0.1:5000/shop:1.4.0@" + DIGEST);
    }

    @Test
    void aRegistryPortIsNotATag() {
        ImageByDigest image = ImageByDigest.parse("127.0.0.1:5000/team/shop@" + DIGEST);
        assertThat(image.repository()).isEqualTo("127.0.0.1:5000/team/shop");
        assertThat(image.tag()).isEmpty();
    }

    @Test
    void sha512IsADigestToo() {
        assertThat(ImageByDigest.problem("shop@sha512:" + "ab".repeat(64))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"shop:1.4.0", "registry.example.com/team/shop:latest", "shop"})
    void aTagOnlyReferenceIsRefused(String reference) {
        assertThat(ImageByDigest.problem(reference)).get().asString().startsWith("it names no digest");
        assertThatThrownBy(() -> ImageByDigest.parse(reference)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be deployed: it names no digest (repository@sha256:...)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "shop@sha256:0123456789abcdef0123456789abcdef01234567",
        "shop@sha256:0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF",
        "shop@md5:0123456789abcdef0123456789abcdef",
    })
    void aDigestOtherThanSha256Or512HexIsRefused(String reference) {
        assertThat(ImageByDigest.problem(reference)).contains("its digest is not sha256: and 64 lower-case hex digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Shop@sha256:", "shop @sha256:", "shop\n@sha256:", "", "shop@@sha256:"})
    void aReferenceTheEngineWouldNotReadIsRefused(String prefix) {
        String reference = prefix + (prefix.isEmpty() ? "" : DIGEST.substring("sha256:".length()));
        assertThat(ImageByDigest.problem(reference)).get().asString().startsWith("it is not an image reference");
    }

    @Test
    void theRecordRefusesATagInTheRepositoryOrABadDigest() {
        assertThatThrownBy(() -> new ImageByDigest("shop:1.0", Optional.empty(), DIGEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no tag or digest");
        assertThatThrownBy(() -> new ImageByDigest("shop", Optional.empty(), "sha256:abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an image digest");
        assertThatThrownBy(() -> new ImageByDigest("shop", Optional.of("bad tag"), DIGEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an image reference");
    }
}
