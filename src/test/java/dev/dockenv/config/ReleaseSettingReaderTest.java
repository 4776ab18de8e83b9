package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseSettingReaderTest {
    private static final Path FILE = Path.of("pyproject.toml");

    private static DockenvConfig read(String toml) {
        return ConfigReader.read(TomlDocument.parse(FILE, toml), List.of("tool", "dockenv"));
    }

    @Test
    void theProjectsAndAnAppsRepository() {
        DockenvConfig config = read("""
                [tool.dockenv.release]
                repository = "registry.example.com:5000/team/shop"

                [tool.dockenv.apps.api.release]
                repository = "registry.example.com:5000/team/shop-api"
                """);
        assertThat(config.release().repository()).contains("registry.example.com:5000/team/shop");
        assertThat(config.release().location().orElseThrow().line()).isEqualTo(2);
        assertThat(config.apps().get(0).release().repository()).contains("registry.example.com:5000/team/shop-api");
    }

    @Test
    void noTableIsNoRepository() {
        assertThat(read("[tool.dockenv]\npython = \"3.11\"\n").release()).isEqualTo(ReleaseSetting.none());
        assertThat(read("[tool.dockenv]\npython = \"3.11\"\n").release().repository()).isEqualTo(Optional.empty());
    }

    @Test
    void aRepositoryWithATagIsRefusedAtItsLine() {
        InputException e = catchThrowableOfType(InputException.class, () -> read("""
                [tool.dockenv.release]

                repository = "registry.example.com/team/shop:1.0"
                """));
        assertThat(e.getMessage()).contains("pyproject.toml:3:", "tool.dockenv.release.repository",
                "has a tag or digest");
    }

    @Test
    void anUpperCaseRepositoryAndAnUnknownKeyAreRefused() {
        assertThat(catchThrowableOfType(InputException.class, () -> read("""
                [tool.dockenv.release]
                repository = "Team/Shop"
                """)).getMessage()).contains("must be lower case");
        assertThat(catchThrowableOfType(InputException.class, () -> read("""
                [tool.dockenv.release]
                repo = "team/shop"
                """)).getMessage()).contains("repo");
        assertThat(catchThrowableOfType(InputException.class, () -> read("""
                [tool.dockenv]
                release = "team/shop"
                """)).getMessage()).contains("tool.dockenv.release");
    }
}
