package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's JSON as read, and what is made of output that is not what was expected. */
class DockerJsonTest {

    @Test
    void theVersionsOfClientAndEngine() {
        assertThat(DockerJson.versions(DockerOutputs.VERSION_28)).isEqualTo(new DockerJson.Versions("28.2.2",
                "20.10.24+dfsg1", "1.41", "linux", "amd64", List.of("Engine", "containerd", "runc", "docker-init"),
                EngineDialect.DOCKER));
        assertThat(DockerJson.versions(DockerOutputs.VERSION_28).podman()).isFalse();
    }

    @Test
    void podmansServiceNamesItselfAmongTheComponents() {
        DockerJson.Versions v = DockerJson.versions(DockerOutputs.VERSION_PODMAN_SERVICE);

        assertThat(v.components()).containsExactly("Podman Engine", "Conmon", "OCI Runtime (runc)", "Engine");
        assertThat(v.podman()).isTrue();
    }

    @Test
    void noServerIsAnEmptyServerVersion() {
        assertThat(DockerJson.versions(DockerOutputs.VERSION_20_NO_SERVER)).isEqualTo(new DockerJson.Versions(
                "20.10.24+dfsg1", "", "", "", "", List.of(), EngineDialect.DOCKER));
    }

    /** podman's own client: a local podman is its own engine, so its version is the engine's. */
    @Test
    void podmansOwnVersionReportIsItsOwnEngine() {
        DockerJson.Versions v = DockerJson.versions(PodmanOutputs.read("version-4.3.1.json"));

        assertThat(v).isEqualTo(new DockerJson.Versions("4.3.1", "4.3.1", "4.3.1", "linux", "amd64",
                List.of("Podman Engine"), EngineDialect.PODMAN));
        assertThat(v.podman()).isTrue();
        assertThat(DockerJson.versions(DockerOutputs.VERSION_PODMAN)).isEqualTo(v);
    }

    @Test
    void podmansInfoSaysWhetherItIsRootlessAndWhereItsImagesAre() {
        assertThat(DockerJson.podmanInfo(PodmanOutputs.read("info-rootful.json")))
                .isEqualTo(new DockerJson.PodmanInfo(false, "/var/lib/containers/storage", 0));
        assertThat(DockerJson.podmanInfo(PodmanOutputs.read("info-rootless.json")))
                .isEqualTo(new DockerJson.PodmanInfo(true, "/home/dockenvtest/.local/share/containers/storage", 65537));
        assertThat(DockerJson.podmanInfo(PodmanOutputs.read("info-rootless-no-subids.json")).mappedUids()).isEqualTo(1);
        assertThat(DockerJson.rootDir(PodmanOutputs.read("info-rootless.json")))
                .hasValue("/home/dockenvtest/.local/share/containers/storage");
        assertThat(DockerJson.podmanInfo("not json")).isEqualTo(new DockerJson.PodmanInfo(false, "", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n", "Client: Docker Engine - Community\n Version: 28.2.2\n", "{\"Client\": ",
            "[{\"Id\": \"sha256:ab\", \"Size\": [1, 2", "null", "[]", "42"})
    void textThatIsNotTheExpectedJsonReadsAsNothing(String output) {
        assertThat(DockerJson.versions(output).server()).isEmpty();
        assertThat(DockerJson.image(output)).isEmpty();
        assertThat(DockerJson.context(output)).isEmpty();
        assertThat(DockerJson.rootDir(output)).isEmpty();
    }

    @Test
    void anImageWithNullLabelsHasNone() {
        ImageSummary image = DockerJson.image(DockerOutputs.INSPECT_UNLABELLED).orElseThrow();

        assertThat(image.labels()).isEmpty();
        assertThat(image.size()).isEqualTo(190842781L);
    }

    @Test
    void theImagesOwnLabelsNotThoseOfTheContainerThatMadeIt() {
        ImageSummary image = DockerJson.image("""
                [{"Id": "sha256:ab", "ContainerConfig": {"Labels": {"from": "container"}},
                  "Config": {"Labels": {"from": "image"}}, "Size": "12", "Created": null}]
                """).orElseThrow();

        assertThat(image).isEqualTo(new ImageSummary("sha256:ab", 0, "", Map.of("from", "image")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"12\"", "12.5", "123456789012345678901234567890", "-1e3", "null", "true", "{}"})
    void aSizeThatIsNotAWholeNumberOfBytesIsZero(String size) {
        assertThat(DockerJson.image("[{\"Id\": \"sha256:ab\", \"Size\": " + size + "}]").orElseThrow().size()).isZero();
    }

    @Test
    void labelsThatAreNotTextAreEmpty() {
        String json = "[{\"Id\": \"sha256:ab\", \"Config\": {\"Labels\": {\"n\": 1, \"t\": \"x\", \"o\": null}}}]";

        assertThat(DockerJson.image(json).orElseThrow().labels()).containsOnly(Map.entry("n", ""), Map.entry("t", "x"), Map.entry("o", ""));
    }

    @Test
    void aLoneObjectIsReadLikeAnArrayOfOne() {
        assertThat(DockerJson.image("{\"Id\": \"sha256:ab\", \"Size\": 7}")).hasValue(
                new ImageSummary("sha256:ab", 7, "", Map.of()));
        assertThat(DockerJson.context("{\"Name\": \"colima\", \"Endpoints\": {\"docker\": {\"Host\": "
                + "\"unix:///home/me/.colima/docker.sock\"}}}"))
                .hasValue(new DockerJson.Context("colima", "unix:///home/me/.colima/docker.sock"));
    }

    @Test
    void theCurrentContext() {
        assertThat(DockerJson.context(DockerOutputs.CONTEXT_DEFAULT))
                .hasValue(new DockerJson.Context("default", "unix:///var/run/docker.sock"));
    }

    @Test
    void theEnginesDataFolder() {
        assertThat(DockerJson.rootDir(DockerOutputs.INFO_20)).hasValue("/var/lib/docker");
        assertThat(DockerJson.rootDir(DockerOutputs.INFO_20_NO_SERVER)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void readsAJsonStringLiteral() {
        org.assertj.core.api.Assertions.assertThat(DockerJson.string("\"checking\\nnow \\u00e9\"")).isEqualTo("checking\nnow \u00e9");
        org.assertj.core.api.Assertions.assertThat(DockerJson.string("not json")).isEqualTo("not json");
    }
}
