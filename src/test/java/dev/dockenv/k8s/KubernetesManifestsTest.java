package dev.dockenv.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {
    @Test
    void webApp() {
        Manifests manifests = KubernetesManifests.render(K8sFixtures.webApp());
        assertThat(manifests.fileName()).isEqualTo("shop.yaml");
        Golden.assertMatches("k8s/web-app.yaml", manifests.yaml());
    }

    @Test
    void worker() {
        Manifests manifests = KubernetesManifests.render(K8sFixtures.worker());
        assertThat(manifests.fileName()).isEqualTo("shop-worker.yaml");
        Golden.assertMatches("k8s/worker.yaml", manifests.yaml());
    }
}
