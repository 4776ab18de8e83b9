package dev.dockenv.stack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeSpecSchema;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.PortMapping;
import dev.dockenv.config.TomlDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stack's compose file, as dockenv runs it and as dockenv init writes it: valid for compose's schema. */
class StackComposeTest {
    private static final Path ROOT = Path.of("/home/ada/shop");

    private static StackPlan plan(String toml) {
        var settings = ConfigReader.read(TomlDocument.parse(ROOT.resolve("pyproject.toml"), toml),
                List.of("tool", "dockenv")).stack();
        return StackPlanner.plan("shop", ROOT, settings, Set.of());
    }

    private static final String STACK = """
            [tool.dockenv.services]
            db = { image = "postgres:16", volumes = ["./initdb:/docker-entrypoint-initdb.d:ro"], ports = [5432] }
            cache = { image = "example/cache:1", healthcheck = false, env = { PRICE = "$5" } }
            mq = { image = "rabbitmq:3", depends-on = ["db"] }
            """;

    private static String render(StackPlan plan, StackCompose.Style style, boolean withApp) {
        ComposeModel.Builder model = ComposeModel.builder();
        StackCompose.addServices(model, plan, style == StackCompose.Style.OWN ? StackCompose.BindPaths.absolute()
                : StackCompose.BindPaths.relativeTo(ROOT), style);
        if (withApp) {
            model.service("app", StackCompose.appService(new AppContainer("app", "dockenv-shop:dev-0123", "1000:1000", ROOT,
                    "/app", List.of(new PlannedService.Mount.Bind(Path.of("/c/passwd"), "/etc/passwd", true)),
                    Map.of("HOME", "/home/ada"), List.of(PortMapping.parse("8000").orElseThrow()),
                    List.of("python", "-m", "shop"), Map.of("dev.dockenv.project", "shop")), plan));
        }
        return ComposeYaml.render(model.build());
    }

    @Test
    void dockenvsOwnFileNamesTheNetworkAndInterpolatesThePasswords() {
        String yaml = render(plan(STACK), StackCompose.Style.OWN, true);
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        assertThat(yaml).contains("POSTGRES_PASSWORD: \"${DOCKENV_SECRET_DB}\"",
                "RABBITMQ_DEFAULT_PASS: \"${DOCKENV_SECRET_MQ}\"",
                "- \"/home/ada/shop/initdb:/docker-entrypoint-initdb.d:ro\"",
                "- \"127.0.0.1:5432:5432\"",
                "PRICE: \"$$5\"",
                "name: \"" + plan(STACK).network() + "\"",
                "DATABASE_URL: \"postgresql://app:${DOCKENV_SECRET_DB}@db:5432/app\"",
                "- \"/c/passwd:/etc/passwd:ro\"");
        // healthcheck = false turns the image's own off; the preset's checks are there
        assertThat(yaml).containsSubsequence("cache:", "healthcheck:", "- \"NONE\"");
        assertThat(yaml).containsSubsequence("mq:", "depends_on:", "db:", "condition: \"service_healthy\"");
        assertThat(yaml).containsSubsequence("app:", "depends_on:", "cache:", "condition: \"service_started\"");
    }

    @Test
    void theEjectedFileLeavesTheNetworkToComposeAndRequiresThePasswords() {
        String yaml = render(plan(STACK), StackCompose.Style.EJECTED, false);
        assertThat(ComposeSpecSchema.errors(yaml)).isEmpty();
        assertThat(yaml).doesNotContain("networks:")
                .contains("POSTGRES_PASSWORD: \"${DOCKENV_SECRET_DB:?is not set: dockenv init writes it into .env}\"",
                        "- \"./initdb:/docker-entrypoint-initdb.d:ro\"");
    }
}
