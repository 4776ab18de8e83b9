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
 * Issue 8, campaign item 12: a project whose requirements files include 300 others (a fan of 300
 * files in a folder, and a chain of 300 files each including the next) builds and runs on the real
 * engine: the files of an install are copied in one step, not a layer each (which failed with "max
 * depth exceeded"); a change in the last file of the dev chain reaches the environment and rebuilds
 * the dev install only (the base stage's image stays the same, layer for layer).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManyIncludesIT {
    private static final int FILES = 300;

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-manyit", "greeting-1.0.0", "colorsay-2.0.0");
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void threeHundredIncludesBuildAndRun() {
        TestProject p = ws.project("many").file(".python-version", "3.11\n")
                .file("dockenv.toml", "index-url = \"%s\"\n".formatted(index.url()));
        StringBuilder fan = new StringBuilder();
        for (int i = 0; i < FILES; i++) {
            fan.append("-r parts/p%03d.txt\n".formatted(i));
            p.file("parts/p%03d.txt".formatted(i), i == FILES - 1 ? "greeting==1.0.0\n" : "# part " + i + "\n");
            p.file("chain%03d.txt".formatted(i), i < FILES - 1 ? "-r chain%03d.txt\n".formatted(i + 1) : "# end\n");
        }
        p.file("requirements.txt", fan.toString());
        p.file("requirements-dev.txt", "-r chain000.txt\n");

        ProcessResult status = dockenv.run(p.dir(), "status");
        assertThat(status.exitCode()).as(status.describe()).isZero();
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", "import greeting; print(greeting.__version__)");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout().strip()).isEqualTo("1.0.0");
        List<String> base = layers(p, "base");
        List<String> before = layers(p, "dev");

        p.file("chain%03d.txt".formatted(FILES - 1), "colorsay==2.0.0\n");
        ProcessResult changed = dockenv.run(p.dir(), "run", "--", "python", "-c", "import colorsay; print('ok')");
        assertThat(changed.exitCode()).as(changed.describe()).isZero();
        assertThat(changed.stdout().strip()).isEqualTo("ok");
        assertThat(layers(p, "base")).as("the system and base stages' layers are reused").isEqualTo(base);
        List<String> after = layers(p, "dev");
        assertThat(after.subList(0, base.size())).isEqualTo(base);
        assertThat(after.subList(base.size(), after.size())).as("the dev install's layers are new").isNotEmpty()
                .doesNotContainAnyElementsOf(before);
    }

    /** The layers of one of the project's images, as `dockenv build` names it. */
    private List<String> layers(TestProject p, String target) {
        ProcessResult build = dockenv.run(p.dir(), "build", "--target", target);
        assertThat(build.exitCode()).as(build.describe()).isZero();
        String image = build.stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
        String json = Docker.runOk("image", "inspect", "-f", "{{join .RootFS.Layers \",\"}}", image).stdout().strip();
        return List.of(json.split(","));
    }
}
