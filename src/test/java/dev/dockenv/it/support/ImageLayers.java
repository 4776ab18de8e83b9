package dev.dockenv.it.support;

import java.util.List;
import java.util.function.Predicate;

/**
 * An image's filesystem layers as the engine reports them, for tests that check which layers two
 * images share: {@code RootFS.Layers} of {@code docker image inspect} (diff ids, oldest first) and
 * the rows of {@code docker history --no-trunc --human=false} (newest first: the size in bytes and
 * the instruction that made the row).
 *
 * <p>The history has a row per instruction, layers only for some: a row of size 0 may be an
 * instruction without a layer (ENV, ARG, CMD) or a layer with no content (BuildKit's
 * {@code WORKDIR /app}), and the CLI does not say which. A row with a size above 0 is always a
 * layer. So the layer a row made is found from the top: it is at most
 * {@code layers - 1 - (rows above it with a size above 0)}, and a shared prefix of at least
 * {@link #layersThrough} layers contains it. That bound is exact when no empty layer lies above the
 * row, and never too low.
 *
 * <pre>{@code
 * ImageLayers parser = ImageLayers.of("dockenv-x:parser-dev");
 * ImageLayers api = ImageLayers.of("dockenv-x:api-dev");
 * int shared = parser.sharedPrefix(api);
 * int base = parser.layersThrough(row -> row.createdBy().contains("requirements_base.txt"));
 * assertThat(shared).isGreaterThanOrEqualTo(base);
 * }</pre>
 */
public record ImageLayers(String ref, List<String> layers, List<HistoryRow> history) {

    /** One row of {@code docker history}: the size of its layer in bytes (0 also for no layer) and its instruction. */
    public record HistoryRow(long size, String createdBy) {
    }

    public ImageLayers {
        layers = List.copyOf(layers);
        history = List.copyOf(history);
    }

    /** The layers and history of {@code ref} from the engine; fails when there is no such image. */
    public static ImageLayers of(String ref) {
        String layers = Docker.runOk("image", "inspect", "--format", "{{range .RootFS.Layers}}{{println .}}{{end}}", ref)
                .stdout();
        // the instruction as a JSON string: one row per line even when an instruction spans lines
        String history = Docker.runOk("history", "--no-trunc", "--human=false", "--format",
                "{{.Size}}\t{{json .CreatedBy}}", ref).stdout();
        return parse(ref, layers, history);
    }

    /** From the two commands' outputs (see {@link #of}). */
    static ImageLayers parse(String ref, String layerLines, String historyLines) {
        List<String> layers = layerLines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        List<HistoryRow> rows = historyLines.lines().filter(l -> !l.isBlank()).map(ImageLayers::row).toList();
        return new ImageLayers(ref, layers, rows);
    }

    private static HistoryRow row(String line) {
        int tab = line.indexOf('\t');
        if (tab < 0) {
            throw new IllegalArgumentException("not a history row (SIZE<tab>\"CREATED BY\"): " + line);
        }
        return new HistoryRow(Long.parseLong(line.substring(0, tab).strip()),
                Docker.parseString(line.substring(tab + 1)));
    }

    /** How many layers, from the bottom, this image and {@code other} have in common. */
    public int sharedPrefix(ImageLayers other) {
        int n = 0;
        while (n < layers.size() && n < other.layers.size() && layers.get(n).equals(other.layers.get(n))) {
            n++;
        }
        return n;
    }

    /**
     * The newest history row with a layer (size above 0) that {@code madeBy} accepts; fails (an
     * AssertionError listing the history) when there is none.
     */
    public int newestRow(Predicate<HistoryRow> madeBy) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).size() > 0 && madeBy.test(history.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no layer of " + ref + " matches; its history (newest first):\n" + describeHistory());
    }

    /**
     * The number of layers from the bottom up to and including the one the newest matching row
     * ({@link #newestRow}) made, or more when empty layers lie above it (see the class comment):
     * a prefix of this many layers surely contains that layer.
     */
    public int layersThrough(Predicate<HistoryRow> madeBy) {
        int row = newestRow(madeBy);
        long above = history.subList(0, row).stream().filter(r -> r.size() > 0).count();
        return layers.size() - (int) above;
    }

    /** The history, one row a line, newest first, for failure messages. */
    public String describeHistory() {
        StringBuilder b = new StringBuilder();
        history.forEach(r -> b.append("  ").append(r.size()).append('\t').append(r.createdBy()).append('\n'));
        return b.toString();
    }

    @Override
    public String toString() {
        return ref + ": " + layers.size() + " layers\n" + describeHistory();
    }
}
