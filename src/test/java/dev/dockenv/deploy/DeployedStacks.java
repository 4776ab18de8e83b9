package dev.dockenv.deploy;

import dev.dockenv.config.ConfigReader;
import dev.dockenv.config.StackSettings;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.stack.StackPlan;
import java.nio.file.Path;
import java.util.List;

/** The deployed services of a project's settings, as the deploy commands plan them, for the renderers' tests. */
final class DeployedStacks {
    static final Path ROOT = Path.of("/home/ada/shop");
    static final String IMAGE = "registry.example.com/team/shop:1.4.0";
    /** A database and a search service deployed, a cache left to dev; the search has a variable with '$', a volume, a port. */
    static final String SERVICES = """
            [tool.dockenv.services]
            db = { image = "postgres:16", deploy = true }
            cache = "redis:7"
            search = { image = "example/search:1.2", env = { MODE = "prod$1" }, volumes = ["index:/data"], \
            depends-on = ["db"], healthcheck = "wget -q -O- 127.0.0.1:9200", deploy = true, ports = [9200] }
            """;

    private DeployedStacks() {
    }

    /** The services marked deployed in {@code toml} (a pyproject.toml's text), as the app depends on them. */
    static StackPlan deployed(String toml) {
        StackSettings settings = ConfigReader.read(TomlDocument.parse(ROOT.resolve("pyproject.toml"), toml),
                List.of("tool", "dockenv")).stack();
        return DeployedServices.plan("shop", ROOT, settings, settings.dependsOn());
    }
}
