package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A single script with PEP 723 inline metadata, handed to a friend: {@code dockenv run script.py}
 * in a folder holding only the script builds its environment from the metadata and runs it; the
 * environment is cached by the metadata, not the code (issue 8, "what a new user hit" 7).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptIT {
    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-scriptit");
        index = ws.track(LocalPackageIndex.builder(ws.path("index"))
                .fixtures(List.of("greeting-1.0.0", "greeting-1.1.0")).start());
        dockenv = ws.dockenv().withEnv("PIP_INDEX_URL", index.url());
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private static String script(String greeting, String code) {
        return """
                # /// script
                # requires-python = ">=3.11,<3.12"
                # dependencies = ["greeting==%s"]
                # ///
                import sys
                import greeting
                %s
                """.formatted(greeting, code);
    }

    @Test
    void aScriptRunsInAnEnvironmentOfItsMetadataCachedByIt() {
        TestProject p = ws.project("script").delete(".python-version");
        String name = p.name() + ".py"; // the image's project label is the script's name
        p.file(name, script("1.0.0", "print(greeting.__version__, sys.argv[1:])"));

        ProcessResult first = dockenv.run(p.dir(), "run", name, "a", "b");
        assertThat(first.exitCode()).as(first.describe()).isZero();
        assertThat(first.stdout()).isEqualTo("1.0.0 ['a', 'b']\n");
        assertThat(first.stderr()).contains("dockenv: building " + p.repository() + ":dev-", "Python 3.11");

        ProcessResult again = dockenv.run(p.dir(), "run", "--", "python", name);
        assertThat(again.exitCode()).as(again.describe()).isZero();
        assertThat(again.stdout()).isEqualTo("1.0.0 []\n");
        assertThat(again.stderr()).as(again.describe()).doesNotContain("building");

        p.file(name, script("1.0.0", "print('edited', greeting.__version__)"));
        ProcessResult edited = dockenv.withEnv("DOCKENV_TIMING", "1").run(p.dir(), "run", name);
        assertThat(edited.exitCode()).as(edited.describe()).isZero();
        assertThat(edited.stdout()).isEqualTo("edited 1.0.0\n");
        assertThat(edited.stderr()).as("editing the code builds nothing").doesNotContain("building")
                .as("and the run stays warm: the cache keys on the metadata").contains("timing: warm hit");
        assertThat(p.images()).hasSize(2); // one image: its dev-<hash> tag and its dev alias

        p.file(name, script("1.1.0", "print(greeting.__version__)"));
        ProcessResult changed = dockenv.run(p.dir(), "run", name);
        assertThat(changed.exitCode()).as(changed.describe()).isZero();
        assertThat(changed.stdout()).isEqualTo("1.1.0\n");
        assertThat(changed.stderr()).as("changed dependencies build a new image").contains("dockenv: building");
    }
}
