package dev.dockenv.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.compose.ComposeSpecSchema;
import dev.dockenv.stack.AppContainer;
import dev.dockenv.stack.PlannedService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * This machine's compose file of the dev container: the app by its exact tag as the user, no
 * command and no published port (the editor keeps it running and forwards), its own network, the
 * passwords from the .env beside it.
 */
class DevContainerComposeTest {
    @TempDir
    Path root;

    @Test
    void theAppAsTheUserBesideItsServices() throws Exception {
        IdeFixtures shop = IdeFixtures.of(root, IdeFixtures.SHOP);
        AppContainer app = new AppContainer("app", "dockenv-shop:dev-0123456789ab", "1000:1000", root, "/app",
                List.of(new PlannedService.Mount.Bind(Path.of("/home/ada/.cache/dockenv/accounts/x/passwd"), "/etc/passwd",
                        true)), Map.of("HOME", "/home/ada", "USER", "ada"), List.of(), List.of(),
                Map.of("dev.dockenv.project", "shop"));
        String yaml = DevContainerCompose.render(new DevContainerFolder("shop", Optional.empty()), app, shop.stack());
        assertThat(yaml).contains("image: \"dockenv-shop:dev-0123456789ab\"", "user: \"1000:1000\"",
                        "- \"/home/ada/.cache/dockenv/accounts/x/passwd:/etc/passwd:ro\"", "${DOCKENV_SECRET_DB:?",
                        "condition: \"service_healthy\"")
                .doesNotContain("command:", "ports:", "name: \"dockenv-");
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
    }
}
