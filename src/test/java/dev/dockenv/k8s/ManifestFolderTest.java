package dev.dockenv.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFolderTest {
    @TempDir
    Path dir;

    private final Manifests web = KubernetesManifests.render(K8sFixtures.webApp());
    private final Manifests worker = KubernetesManifests.render(K8sFixtures.worker());

    @Test
    void writesOneFilePerAppIntoANewFolder() throws IOException {
        Path k8s = dir.resolve("k8s");
        List<ManifestFolder.Written> written = new ManifestFolder(k8s).write(List.of(web, worker), false);
        assertThat(written).containsExactly(
                new ManifestFolder.Written(k8s.resolve("shop.yaml"), ManifestFolder.Outcome.CREATED),
                new ManifestFolder.Written(k8s.resolve("shop-worker.yaml"), ManifestFolder.Outcome.CREATED));
        assertThat(Files.readString(k8s.resolve("shop.yaml"))).isEqualTo(web.yaml());
        assertThat(Files.readString(k8s.resolve("shop-worker.yaml"))).isEqualTo(worker.yaml());
        try (var files = Files.list(k8s)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("shop.yaml",
                    "shop-worker.yaml");
        }
    }

    @Test
    void aSecondRunChangesNothingAndANewOneReplacesDockenvsOwnFile() throws IOException {
        ManifestFolder folder = new ManifestFolder(dir);
        folder.write(List.of(web), false);
        assertThat(folder.write(List.of(web), false)).extracting(ManifestFolder.Written::outcome)
                .containsExactly(ManifestFolder.Outcome.UNCHANGED);
        Files.writeString(dir.resolve("shop.yaml"), web.yaml().replace("replicas: 2", "replicas: 5"));
        assertThat(folder.write(List.of(web), false)).extracting(ManifestFolder.Written::outcome)
                .containsExactly(ManifestFolder.Outcome.REPLACED);
        assertThat(Files.readString(dir.resolve("shop.yaml"))).isEqualTo(web.yaml());
    }

    @Test
    void aFileDockenvDidNotWriteIsNotOverwrittenAndNothingIsWritten() throws IOException {
        Files.writeString(dir.resolve("shop-worker.yaml"), "apiVersion: v1\nkind: ConfigMap\n");
        assertThatThrownBy(() -> new ManifestFolder(dir).write(List.of(web, worker), false))
                .isInstanceOfSatisfying(DockenvException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.WOULD_OVERWRITE);
                    assertThat(e.getMessage()).isEqualTo(dir.resolve("shop-worker.yaml")
                            + " exists and was not written by dockenv; nothing was written");
                    assertThat(e.hint()).contains("dockenv deploy k8s --force overwrites it, -o FOLDER writes elsewhere");
                });
        assertThat(dir.resolve("shop.yaml")).doesNotExist();
        assertThat(Files.readString(dir.resolve("shop-worker.yaml"))).isEqualTo("apiVersion: v1\nkind: ConfigMap\n");
    }

    @Test
    void aFileWhoseMarkerLineWasRemovedIsTheUsersOwn() throws IOException {
        Files.writeString(dir.resolve("shop.yaml"), web.yaml().substring(web.yaml().indexOf('\n') + 1));
        assertThatThrownBy(() -> new ManifestFolder(dir).write(List.of(web), false))
                .isInstanceOf(DockenvException.class).hasMessageContaining("was not written by dockenv");
    }

    @Test
    void severalForeignFilesAreNamedTogether() throws IOException {
        Files.writeString(dir.resolve("shop.yaml"), "");
        Files.writeString(dir.resolve("shop-worker.yaml"), "# mine\n");
        assertThatThrownBy(() -> new ManifestFolder(dir).write(List.of(web, worker), false))
                .isInstanceOfSatisfying(DockenvException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(dir.resolve("shop.yaml") + ", " + dir.resolve("shop-worker.yaml")
                            + " exist and were not written by dockenv; nothing was written");
                    assertThat(e.hint()).contains("dockenv deploy k8s --force overwrites them, -o FOLDER writes elsewhere");
                });
    }

    @Test
    void forceOverwritesAForeignFile() throws IOException {
        Files.writeString(dir.resolve("shop.yaml"), "mine\n");
        assertThat(new ManifestFolder(dir).write(List.of(web), true)).extracting(ManifestFolder.Written::outcome)
                .containsExactly(ManifestFolder.Outcome.REPLACED);
        assertThat(Files.readString(dir.resolve("shop.yaml"))).isEqualTo(web.yaml());
    }

    @Test
    void twoAppsWithTheSameKubernetesNameAreRefused() {
        Manifests other = KubernetesManifests.render(DeployedApp.builder("SHOP", K8sFixtures.image("x"), 1).build());
        assertThatThrownBy(() -> new ManifestFolder(dir).write(List.of(web, other), false))
                .isInstanceOfSatisfying(DockenvException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("two apps would be written to the same file",
                            "the same Kubernetes name 'shop'");
                });
        assertThat(dir.resolve("shop.yaml")).doesNotExist();
    }

    @Test
    void aFolderInPlaceOfTheFileIsNotDockenvs() throws IOException {
        Files.createDirectory(dir.resolve("shop.yaml"));
        assertThat(ManifestFolder.writtenByDockenv(dir.resolve("shop.yaml"))).isFalse();
        assertThatThrownBy(() -> new ManifestFolder(dir).write(List.of(web), false))
                .isInstanceOf(DockenvException.class).hasMessageContaining("was not written by dockenv");
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAnIoErrorNamingIt() throws IOException {
        Path notAFolder = dir.resolve("k8s");
        Files.writeString(notAFolder, "x");
        assertThatThrownBy(() -> new ManifestFolder(notAFolder).write(List.of(web), false))
                .isInstanceOf(IOException.class).hasMessageContaining(notAFolder.toString());
    }
}
