package dev.dockenv.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.release.ReleaseComparison.Change;
import dev.dockenv.release.ReleaseComparison.FileDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReleaseComparisonTest {
    private static final String BASE = "sha256:" + "0".repeat(64);
    private static final String VENV_A = "sha256:" + "a".repeat(64);
    private static final String VENV_B = "sha256:" + "b".repeat(64);
    private static final String APP = "sha256:" + "c".repeat(64);

    private static ImageDescription image(String id, List<String> layers, Map<String, String> labels, String... env) {
        return new ImageDescription(id, layers, labels, List.of(env), List.of(), List.of("python", "app.py"));
    }

    private static LayerEntry file(String path, String content, int mode, long mtime) {
        return new LayerEntry(path, LayerEntry.Type.FILE, mode, mtime, "0:0", content);
    }

    @Test
    void theSameLayersAndConfigAreOneImage() {
        ImageDescription a = image("sha256:1", List.of(BASE, APP), Map.of("org.opencontainers.image.version", "1.4.0"),
                "PATH=/opt/venv/bin");
        ReleaseComparison c = ReleaseComparison.of(a, image("sha256:1", List.of(BASE, APP),
                Map.of("org.opencontainers.image.version", "1.4.0"), "PATH=/opt/venv/bin"));

        assertThat(c.identical()).isTrue();
        assertThat(c.differingLayers()).isEmpty();
        assertThat(c.render(20)).isEqualTo("reproducible: both builds are the same image (sha256:1, 2 layers)\n");
    }

    @Test
    void theProdImagesIdIsNoConfigValueOfItsOwn() {
        ReleaseComparison c = ReleaseComparison.of(
                image("sha256:1", List.of(BASE, VENV_A), Map.of(ReleaseImageBuilder.LABEL_FROM, "sha256:p1")),
                image("sha256:2", List.of(BASE, VENV_B), Map.of(ReleaseImageBuilder.LABEL_FROM, "sha256:p2")));
        assertThat(c.render(20)).startsWith("not reproducible: 1 of 2 layers differ (sha256:1 vs sha256:2)")
                .doesNotContain(ReleaseImageBuilder.LABEL_FROM);
    }

    @Test
    void configValuesAndLayersThatDifferAreNamed() {
        ImageDescription a = image("sha256:1", List.of(BASE, VENV_A, APP), Map.of("created", "2026-11-30"), "A=1", "B=2");
        ImageDescription b = new ImageDescription("sha256:2", List.of(BASE, VENV_B, APP, APP),
                Map.of("created", "2026-12-01", "extra", "x"), List.of("A=1", "B=3"), List.of(), List.of("python"));

        ReleaseComparison c = ReleaseComparison.of(a, b);

        assertThat(c.identical()).isFalse();
        assertThat(c.differingLayers()).containsExactly(1, 3);
        assertThat(c.config()).containsExactly("label created: 2026-11-30 -> 2026-12-01", "label extra: (unset) -> x",
                "env B: 2 -> 3", "cmd: [python, app.py] -> [python]");
        assertThat(c.render(20)).isEqualTo("""
                not reproducible: 2 of 4 layers differ, and 4 config values (sha256:1 vs sha256:2)
                  config label created: 2026-11-30 -> 2026-12-01
                  config label extra: (unset) -> x
                  config env B: 2 -> 3
                  config cmd: [python, app.py] -> [python]
                  layer 2: aaaaaaaaaaaa vs bbbbbbbbbbbb
                  layer 4: (none) vs cccccccccccc
                """);
    }

    @Test
    void pathsDifferInContentModeMtimeOwnerOrPresence() {
        List<LayerEntry> a = List.of(file("opt/venv/x.pyc", "11", 0644, 100), file("opt/venv/same.py", "22", 0644, 100),
                file("opt/venv/run", "33", 0755, 100), file("gone", "44", 0644, 100),
                new LayerEntry("etc", LayerEntry.Type.DIRECTORY, 0755, 100, "0:0", ""),
                new LayerEntry("owned", LayerEntry.Type.FILE, 0644, 100, "0:0", "55"));
        List<LayerEntry> b = List.of(file("opt/venv/x.pyc", "12", 0644, 200), file("opt/venv/same.py", "22", 0644, 100),
                file("opt/venv/run", "33", 0700, 100), file("new", "66", 0644, 100),
                new LayerEntry("etc", LayerEntry.Type.DIRECTORY, 0755, 200, "0:0", ""),
                new LayerEntry("owned", LayerEntry.Type.FILE, 0644, 100, "10001:10001", "55"));

        List<FileDifference> d = ReleaseComparison.differences(a, b);

        assertThat(d).containsExactly(new FileDifference("etc", Set.of(Change.MTIME)),
                new FileDifference("gone", Set.of(Change.ONLY_IN_FIRST)),
                new FileDifference("new", Set.of(Change.ONLY_IN_SECOND)),
                new FileDifference("opt/venv/run", Set.of(Change.MODE)),
                new FileDifference("opt/venv/x.pyc", Set.of(Change.CONTENT, Change.MTIME)),
                new FileDifference("owned", Set.of(Change.OWNER)));
    }

    @Test
    void theReportListsContentChangesFirstAndCountsTheRest() {
        List<LayerEntry> a = new ArrayList<>();
        List<LayerEntry> b = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            a.add(file("a/dir" + i, "d", 0755, 1));
            b.add(file("a/dir" + i, "d", 0755, 2));
        }
        a.add(file("z/mod.cpython-311.pyc", "old", 0644, 1));
        b.add(file("z/mod.cpython-311.pyc", "new", 0644, 2));
        ReleaseComparison c = ReleaseComparison.of(image("sha256:1", List.of(BASE, VENV_A), Map.of()),
                image("sha256:2", List.of(BASE, VENV_B), Map.of())).withFiles(1, a, b);

        assertThat(c.render(3)).isEqualTo("""
                not reproducible: 1 of 2 layers differ (sha256:1 vs sha256:2)
                  layer 2: aaaaaaaaaaaa vs bbbbbbbbbbbb: 6 paths differ (1 content, 6 mtime)
                    z/mod.cpython-311.pyc (content, mtime)
                    a/dir0 (mtime)
                    a/dir1 (mtime)
                    ... and 3 more
                """);
    }
}
