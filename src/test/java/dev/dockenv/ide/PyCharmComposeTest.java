package dev.dockenv.ide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.compose.ComposeSpecSchema;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compose.pycharm.yaml: the dev image by its stable tag (never built by compose), the project
 * mounted, the user from .env, the services with their passwords interpolated from .env; valid for
 * compose v2's schema (the compose-spec of Debian's docker-compose).
 */
class PyCharmComposeTest {
    @TempDir
    Path root;

    @Test
    void theDevServiceOnItsStableTagWithTheDatabase() throws Exception {
        IdeFixtures shop = IdeFixtures.of(root, IdeFixtures.SHOP);
        String yaml = PyCharmCompose.render(shop.plan(), shop.stack(), Map.of(), root);
        Golden.assertMatches("ide/compose.pycharm.yaml", yaml);
        assertThat(yaml).contains("image: \"dockenv-shop:dev\"", "user: \"${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}\"",
                "- \".:/app\"").doesNotContain("build:", "command:", root.toString());
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
    }
}
