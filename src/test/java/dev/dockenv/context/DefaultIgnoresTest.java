package dev.dockenv.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DefaultIgnoresTest {

    private final IgnoreRules rules = DefaultIgnores.rules();

    @Test
    void excludesVersionControlEnvironmentsCachesAndSecrets() {
        assertThat(rules.excludes(".git/HEAD")).isTrue();
        assertThat(rules.excludes(".venv/bin/python")).isTrue();
        assertThat(rules.excludes("venv")).isTrue();
        assertThat(rules.excludes("src/pkg/__pycache__/mod.cpython-312.pyc")).isTrue();
        assertThat(rules.excludes("mod.pyc")).isTrue();
        assertThat(rules.excludes("src/mod.pyo")).isTrue();
        assertThat(rules.excludes(".env")).isTrue();
        assertThat(rules.excludes(".env.production")).isTrue();
        assertThat(rules.excludes(".mypy_cache/3.12/x.json")).isTrue();
        assertThat(rules.excludes("notebooks/.ipynb_checkpoints/a.ipynb")).isTrue();
        assertThat(rules.excludes("src/.DS_Store")).isTrue();
        assertThat(rules.excludes("src/my_pkg.egg-info/PKG-INFO")).isTrue();
        assertThat(rules.excludes(".dockenv/main.lock.txt")).as("dockenv's derived build files are sent").isFalse();
        assertThat(rules.excludes(".dockenv/stack/secrets.env")).isTrue();
        assertThat(rules.excludes(".dockenv/devcontainer/shopdevcontainer/.env")).as("the dev container's passwords")
                .isTrue();
        assertThat(rules.excludes(".gitlab-ci-local/output/job.log")).isTrue();
    }

    @Test
    void keepsProjectFiles() {
        assertThat(rules.excludes(".env.example")).isFalse();
        assertThat(rules.excludes("pyproject.toml")).isFalse();
        assertThat(rules.excludes("src/pkg/__init__.py")).isFalse();
        assertThat(rules.excludes("src/venv/__init__.py")).isFalse();
        assertThat(rules.excludes("docs/.gitignore")).isFalse();
        assertThat(rules.excludes("environment.yml")).isFalse();
    }

    @Test
    void letsAWalkerSkipTheBigDirectories() {
        for (String dir : new String[] {".git", ".venv", "venv", ".tox", "src/__pycache__", ".mypy_cache"}) {
            assertThat(rules.mayContainIncluded(dir)).as(dir).isFalse();
        }
    }

    @Test
    void rendersToAFileThatParsesToTheSameRules() {
        String file = String.join("\n", DefaultIgnores.patterns()) + "\n";

        assertThat(IgnoreRules.parse(Path.of(".dockerignore"), file).patterns())
                .isEqualTo(rules.patterns())
                .isEqualTo(DefaultIgnores.patterns());
    }
}
