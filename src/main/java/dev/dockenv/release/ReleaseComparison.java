package dev.dockenv.release;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Two builds of the same release compared, layer by layer ({@code dockenv release --check}): which
 * layers have the same diff ID, which parts of the config differ (labels, environment, entrypoint,
 * command), and, for each pair of layers that differ, which paths differ and how. Pure: the images'
 * descriptions and the differing layers' listings are given.
 *
 * @param first   the first build
 * @param second  the second build
 * @param config  what differs in the config, one line each ({@code label X: A -> B}), in a stable order
 * @param layers  each layer position (the longer image's count) and whether it is the same in both
 * @param files   for each differing layer position whose listings were given, the paths that differ
 */
public record ReleaseComparison(ImageDescription first, ImageDescription second, List<String> config,
        List<Layer> layers, Map<Integer, List<FileDifference>> files) {

    /** The layer at {@code index} in each image (empty when that image has fewer layers). */
    public record Layer(int index, Optional<String> first, Optional<String> second) {
        public boolean same() {
            return first.isPresent() && first.equals(second);
        }
    }

    /** How a path differs between two listings of the same layer. */
    public enum Change {
        ONLY_IN_FIRST("only in the first build"), ONLY_IN_SECOND("only in the second build"), TYPE("type"),
        CONTENT("content"), MODE("mode"), MTIME("mtime"), OWNER("owner");

        private final String text;

        Change(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** A path that differs, and how. */
    public record FileDifference(String path, Set<Change> changes) {
        public FileDifference {
            Objects.requireNonNull(path);
            changes = Set.copyOf(changes);
        }
    }

    public ReleaseComparison {
        config = List.copyOf(config);
        layers = List.copyOf(layers);
        Map<Integer, List<FileDifference>> copy = new TreeMap<>();
        files.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        files = java.util.Collections.unmodifiableMap(copy);
    }

    /** The two images compared; no file listing yet ({@link #withFiles}). */
    public static ReleaseComparison of(ImageDescription first, ImageDescription second) {
        List<String> config = new ArrayList<>();
        Set<String> labels = new TreeSet<>(first.labels().keySet());
        labels.addAll(second.labels().keySet());
        // the prod image's ID is a digest of the layers and config compared here: a cause of its own it is not
        labels.remove(ReleaseImageBuilder.LABEL_FROM);
        for (String label : labels) {
            differ(config, "label " + label, Optional.ofNullable(first.labels().get(label)),
                    Optional.ofNullable(second.labels().get(label)));
        }
        Map<String, String> envA = variables(first.env());
        Map<String, String> envB = variables(second.env());
        Set<String> names = new TreeSet<>(envA.keySet());
        names.addAll(envB.keySet());
        for (String name : names) {
            differ(config, "env " + name, Optional.ofNullable(envA.get(name)), Optional.ofNullable(envB.get(name)));
        }
        if (!first.entrypoint().equals(second.entrypoint())) {
            config.add("entrypoint: " + first.entrypoint() + " -> " + second.entrypoint());
        }
        if (!first.cmd().equals(second.cmd())) {
            config.add("cmd: " + first.cmd() + " -> " + second.cmd());
        }
        List<Layer> layers = new ArrayList<>();
        int count = Math.max(first.layers().size(), second.layers().size());
        for (int i = 0; i < count; i++) {
            layers.add(new Layer(i, at(first.layers(), i), at(second.layers(), i)));
        }
        return new ReleaseComparison(first, second, config, layers, Map.of());
    }

    /** This comparison with the paths that differ between the two listings of the layer at {@code index}. */
    public ReleaseComparison withFiles(int index, List<LayerEntry> first, List<LayerEntry> second) {
        Map<Integer, List<FileDifference>> more = new TreeMap<>(files);
        more.put(index, differences(first, second));
        return new ReleaseComparison(this.first, this.second, config, layers, more);
    }

    /** The positions of the layers that differ. */
    public List<Integer> differingLayers() {
        return layers.stream().filter(l -> !l.same()).map(Layer::index).toList();
    }

    /** Whether the two builds are the same image: same layers and same config. */
    public boolean identical() {
        return differingLayers().isEmpty() && config.isEmpty();
    }

    /** The paths that differ between two listings of a layer, sorted by path. */
    static List<FileDifference> differences(List<LayerEntry> first, List<LayerEntry> second) {
        Map<String, LayerEntry> a = byPath(first);
        Map<String, LayerEntry> b = byPath(second);
        Set<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<FileDifference> out = new ArrayList<>();
        for (String path : paths) {
            LayerEntry x = a.get(path);
            LayerEntry y = b.get(path);
            Set<Change> changes = EnumSet.noneOf(Change.class);
            if (x == null) {
                changes.add(Change.ONLY_IN_SECOND);
            } else if (y == null) {
                changes.add(Change.ONLY_IN_FIRST);
            } else {
                if (x.type() != y.type()) {
                    changes.add(Change.TYPE);
                } else if (!x.content().equals(y.content())) {
                    changes.add(Change.CONTENT);
                }
                if (x.mode() != y.mode()) {
                    changes.add(Change.MODE);
                }
                if (x.mtime() != y.mtime()) {
                    changes.add(Change.MTIME);
                }
                if (!x.owner().equals(y.owner())) {
                    changes.add(Change.OWNER);
                }
            }
            if (!changes.isEmpty()) {
                out.add(new FileDifference(path, changes));
            }
        }
        return out;
    }

    /**
     * The report: one line for the verdict, the config lines, then each differing layer with up to
     * {@code maxPaths} of its differing paths (those whose content differs first, then mode or owner,
     * then mtime alone) and a count of each kind (how many paths differ in
     * content, in mtime only ...).
     */
    public String render(int maxPaths) {
        StringBuilder s = new StringBuilder();
        List<Integer> differing = differingLayers();
        if (identical()) {
            s.append("reproducible: both builds are the same image (").append(first.id()).append(", ")
                    .append(first.layers().size()).append(" layers)\n");
            return s.toString();
        }
        s.append("not reproducible: ").append(differing.size()).append(" of ").append(layers.size())
                .append(" layers differ").append(config.isEmpty() ? "" : ", and " + config.size()
                        + " config value" + (config.size() == 1 ? "" : "s"))
                .append(" (").append(first.id()).append(" vs ").append(second.id()).append(")\n");
        for (String line : config) {
            s.append("  config ").append(line).append('\n');
        }
        for (Layer layer : layers) {
            if (layer.same()) {
                continue;
            }
            s.append("  layer ").append(layer.index() + 1).append(": ").append(layer.first().map(ReleaseComparison::shortId)
                    .orElse("(none)")).append(" vs ").append(layer.second().map(ReleaseComparison::shortId).orElse("(none)"));
            List<FileDifference> paths = files.get(layer.index());
            if (paths == null) {
                s.append('\n');
                continue;
            }
            s.append(": ").append(paths.size()).append(paths.size() == 1 ? " path differs" : " paths differ");
            s.append(summary(paths)).append('\n');
            paths.stream().sorted(java.util.Comparator.comparingInt(ReleaseComparison::weight)
                    .thenComparing(FileDifference::path)).limit(maxPaths).forEach(p -> s.append("    ").append(p.path()).append(" (")
                    .append(p.changes().stream().sorted().map(Change::text).collect(Collectors.joining(", ")))
                    .append(")\n"));
            if (paths.size() > maxPaths) {
                s.append("    ... and ").append(paths.size() - maxPaths).append(" more\n");
            }
        }
        return s.toString();
    }

    /** 0 for a path whose content differs (or exists in one build only), 1 for its mode or owner, 2 for its mtime alone. */
    static int weight(FileDifference p) {
        Set<Change> c = p.changes();
        if (c.contains(Change.ONLY_IN_FIRST) || c.contains(Change.ONLY_IN_SECOND) || c.contains(Change.TYPE)
                || c.contains(Change.CONTENT)) {
            return 0;
        }
        return c.contains(Change.MODE) || c.contains(Change.OWNER) ? 1 : 2;
    }

    /** {@code (12 content, 40 mtime)}: how many paths each change touches. */
    private static String summary(List<FileDifference> paths) {
        Map<Change, Integer> counts = new LinkedHashMap<>();
        for (Change c : Change.values()) {
            int n = (int) paths.stream().filter(p -> p.changes().contains(c)).count();
            if (n > 0) {
                counts.put(c, n);
            }
        }
        if (counts.isEmpty()) {
            return "";
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String shortId(String diffId) {
        int colon = diffId.indexOf(':');
        String hex = colon < 0 ? diffId : diffId.substring(colon + 1);
        return hex.substring(0, Math.min(12, hex.length()));
    }

    private static void differ(List<String> out, String what, Optional<String> a, Optional<String> b) {
        if (!a.equals(b)) {
            out.add(what + ": " + a.orElse("(unset)") + " -> " + b.orElse("(unset)"));
        }
    }

    private static Map<String, String> variables(List<String> env) {
        Map<String, String> out = new TreeMap<>();
        for (String e : env) {
            int eq = e.indexOf('=');
            out.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
        }
        return out;
    }

    private static Map<String, LayerEntry> byPath(List<LayerEntry> entries) {
        Map<String, LayerEntry> out = new TreeMap<>();
        entries.forEach(e -> out.put(e.path(), e));
        return out;
    }

    private static <T> Optional<T> at(List<T> list, int i) {
        return i < list.size() ? Optional.of(list.get(i)) : Optional.empty();
    }
}
