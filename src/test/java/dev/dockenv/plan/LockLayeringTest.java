package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Layers are what make adding one package rebuild one stage: a package's layer must not move. */
class LockLayeringTest {
    private static List<String> lines(int count) {
        return IntStream.range(0, count).mapToObj(i -> "package-" + i + "==1.0 \\\n    --hash=sha256:" + i).toList();
    }

    @Test
    void aPackagesLayerDependsOnItsNormalizedNameAlone() {
        assertThat(LockLayering.layerOf("Foo_Bar", 8)).isEqualTo(LockLayering.layerOf("foo-bar", 8));
        assertThat(LockLayering.nameOf("foo-bar==1.0 \\\n    --hash=sha256:00")).isEqualTo("foo-bar");
        assertThat(LockLayering.nameOf("foo @ https://example.org/foo.whl")).isEqualTo("foo");
    }

    @Test
    void addingOnePackageChangesExactlyOneLayer() {
        List<String> before = lines(30);
        List<String> after = new ArrayList<>(before);
        after.add("newcomer==2.0 \\\n    --hash=sha256:ff");
        List<List<String>> a = LockLayering.split(before);
        List<List<String>> b = LockLayering.split(after);
        assertThat(a).hasSize(8).hasSameSizeAs(b);
        long changed = IntStream.range(0, a.size()).filter(i -> !a.get(i).equals(b.get(i))).count();
        assertThat(changed).isEqualTo(1);
    }

    @Test
    void thirtyPackagesSpreadOverEveryLayer() {
        assertThat(LockLayering.split(lines(30))).allSatisfy(layer -> assertThat(layer).isNotEmpty());
    }

    @Test
    void theLayerCountGrowsInSteps() {
        assertThat(IntStream.of(0, 1, 4, 5, 16, 17, 64, 65, 1000).map(LockLayering::layerCount).toArray())
                .containsExactly(1, 1, 1, 2, 2, 8, 8, 16, 16);
    }

    @Test
    void theVenvsSeedPackagesStayOutOfLayers() {
        assertThat(LockLayering.isSeeded("pip==24.0 \\\n    --hash=sha256:00")).isTrue();
        assertThat(LockLayering.isSeeded("setuptools==70.0")).isTrue();
        assertThat(LockLayering.isSeeded("pipx==1.0")).isFalse();
    }

    @Test
    void aRelockKeepsEveryUnchangedPackageInItsLayerAndPutsTheRestInANewOne() {
        java.util.Map<String, String> before = new java.util.TreeMap<>();
        IntStream.range(0, 30).forEach(i -> before.put("package-" + i, "1.0"));
        List<List<String>> first = LockLayering.carryOver(List.of(), java.util.Map.of(), before);
        assertThat(first).hasSize(8).isEqualTo(LockLayering.initial(before.keySet()));

        java.util.Map<String, String> after = new java.util.TreeMap<>(before);
        after.put("newcomer", "2.0");
        after.put("package-3", "1.1");
        after.remove("package-7");
        List<List<String>> second = LockLayering.carryOver(first, before, after);
        assertThat(second).hasSize(9);
        assertThat(second.get(8)).containsExactly("newcomer", "package-3");
        for (int i = 0; i < 8; i++) {
            List<String> expected = new ArrayList<>(first.get(i));
            expected.removeAll(List.of("package-3", "package-7"));
            assertThat(second.get(i)).isEqualTo(expected);
        }
        assertThat(LockLayering.carryOver(second, after, after)).isEqualTo(second);
    }

    @Test
    void tooManyLayersAreRegrouped() {
        List<List<String>> layers = new ArrayList<>();
        java.util.Map<String, String> pins = new java.util.TreeMap<>();
        for (int i = 0; i < LockLayering.MAX_LAYERS; i++) {
            layers.add(List.of("p" + i));
            pins.put("p" + i, "1");
        }
        java.util.Map<String, String> more = new java.util.TreeMap<>(pins);
        more.put("one-more", "1");
        assertThat(LockLayering.carryOver(layers, pins, more)).isEqualTo(LockLayering.initial(more.keySet()));
    }

    @Test
    void recordedLayersKeepTheirNumbersAndStrangersGoLast() {
        List<List<String>> split = LockLayering.byRecord(List.of("a==1", "b==1", "c==1", "z==1"),
                List.of(List.of("b"), List.of(), List.of("a", "c")));
        assertThat(split).containsExactly(List.of("b==1"), List.of(), List.of("a==1", "c==1"), List.of("z==1"));
    }
}
