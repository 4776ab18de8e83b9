package dev.dockenv.ide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.Golden;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * devcontainer.json of {@code dockenv ide vscode}: the same for every clone (no uid, no path, no
 * image tag in it), the compose file of this machine named by a path the tools turn into a
 * compose project of its own, the services started with the app, the ports forwarded.
 */
class VsCodeDevContainerTest {
    @TempDir
    Path root;

    @Test
    void theProjectWithAServiceAndPorts() throws Exception {
        IdeFixtures shop = IdeFixtures.of(root, IdeFixtures.SHOP);
        DevContainerFolder folder = new DevContainerFolder("shop", Optional.empty());
        String json = VsCodeDevContainer.render(folder, shop.plan().base().environment().interpreter(),
                shop.plan().ports(), shop.stack());
        Golden.assertMatches("ide/devcontainer.json", json);
        JsonNode parsed = new ObjectMapper().readTree(json);
        assertThat(parsed.get("dockerComposeFile").get(0).asText())
                .isEqualTo("../.dockenv/devcontainer/shopdevcontainer/compose.yaml");
        assertThat(parsed.get("runServices").toString()).isEqualTo("[\"app\",\"db\"]");
        assertThat(parsed.get("forwardPorts").toString()).isEqualTo("[80,8000]");
        assertThat(json).doesNotContain(root.toString(), "dockenv-shop:");
    }

    @Test
    void anAppsFileLivesInItsOwnFolderAndPreparesTheApp() throws Exception {
        DevContainerFolder folder = new DevContainerFolder("Shop_Site", Optional.of("web-api"));
        assertThat(folder.config()).isEqualTo(".devcontainer/web-api/devcontainer.json");
        assertThat(folder.composeProject()).isEqualTo("shopsitewebapidevcontainer");
        assertThat(folder.composeFileFromConfig())
                .isEqualTo("../../.dockenv/devcontainer/shopsitewebapidevcontainer/compose.yaml");
        IdeFixtures shop = IdeFixtures.of(root, IdeFixtures.SHOP);
        JsonNode parsed = new ObjectMapper().readTree(VsCodeDevContainer.render(folder, "/opt/venv/bin/python",
                java.util.List.of(), shop.stack()));
        assertThat(parsed.get("initializeCommand").toString())
                .isEqualTo("[\"dockenv\",\"ide\",\"vscode\",\"--prepare\",\"--app\",\"web-api\"]");
        assertThat(parsed.has("forwardPorts")).isFalse();
    }

    @Test
    void aNameWithoutLettersOrDigitsStillGivesAComposeProject() {
        assertThat(new DevContainerFolder("___", Optional.empty()).composeProject()).isEqualTo("projectdevcontainer");
    }
}
