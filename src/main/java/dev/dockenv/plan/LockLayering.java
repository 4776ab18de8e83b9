package dev.dockenv.plan;

import dev.dockenv.io.Sha256;
import dev.dockenv.pep.Pep503;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a lock's hash-pinned lines into layers, each installed in a build stage of its own.
 *
 * <p>dockenv's own lock records its layers ({@link #carryOver}): when the project is locked again,
 * every package whose pin did not change keeps its layer and the new or changed ones go in a new
 * last layer, so adding a package builds one stage with that package alone and appends one merge
 * step; the layers are regrouped when there come to be more than {@link #MAX_LAYERS}.
 *
 * <p>A lock that records no layers (uv.lock, poetry.lock ...) is split by a hash of each package's
 * normalized name ({@link #split}): a package's layer depends on its name alone, never on the other
 * packages, so adding or removing one package changes one layer's list and leaves the others'
 * cache keys as they were. The number of layers grows in steps with the number of packages (one
 * layer for a handful, at most sixteen); crossing a step regroups everything once.
 */
public final class LockLayering {
    /**
     * The virtualenv's own seed packages: installed in place after the merge (pip replaces the
     * venv's copy), never into a layer, where they would leave the venv's older metadata beside them.
     */
    static final Set<String> SEEDED = Set.of("pip", "setuptools", "wheel");

    /** More layers than this and a relock regroups them (one full rebuild, then small ones again). */
    public static final int MAX_LAYERS = 24;

    private LockLayering() {
    }

    /** The first layers of a lock: its package names spread by the hash of each name (empty layers left out). */
    public static List<List<String>> initial(java.util.Collection<String> names) {
        List<String> sorted = names.stream().map(Pep503::normalize).distinct().sorted().toList();
        return spread(sorted, n -> n).stream().filter(l -> !l.isEmpty()).map(List::copyOf).toList();
    }

    /**
     * The layers of a relocked project: each package keeps its layer when its pin is unchanged;
     * new and changed packages form a new last layer. Layers that lost every package stay as empty
     * placeholders (so the later ones keep their numbers, which name their build stages), until the
     * count passes {@link #MAX_LAYERS} and everything is regrouped with {@link #initial}.
     *
     * @param pinsBefore normalized name to pin (version and hashes) in the previous lock
     * @param pinsAfter  the same for the new lock
     */
    public static List<List<String>> carryOver(List<List<String>> previous, java.util.Map<String, String> pinsBefore,
            java.util.Map<String, String> pinsAfter) {
        if (previous.isEmpty()) {
            return initial(pinsAfter.keySet());
        }
        java.util.Set<String> placed = new java.util.HashSet<>();
        List<List<String>> layers = new ArrayList<>();
        for (List<String> layer : previous) {
            List<String> kept = layer.stream()
                    .filter(n -> pinsAfter.containsKey(n) && pinsAfter.get(n).equals(pinsBefore.get(n))).toList();
            placed.addAll(kept);
            layers.add(kept);
        }
        List<String> fresh = pinsAfter.keySet().stream().filter(n -> !placed.contains(n)).sorted().toList();
        if (!fresh.isEmpty()) {
            layers.add(fresh);
        }
        while (!layers.isEmpty() && layers.get(layers.size() - 1).isEmpty()) {
            layers.remove(layers.size() - 1);
        }
        return layers.size() > MAX_LAYERS ? initial(pinsAfter.keySet()) : List.copyOf(layers);
    }

    /**
     * How many layers a lock of {@code packages} hash-pinned packages is spread over. Each layer is a
     * build step of its own, with a container's start-up (about 0.2 s, in parallel with the other
     * layers): a few packages are quicker in one step or two (a 13-package Flask app built cold on 2
     * CPUs: 0.89 s in two layers, 0.93 s in one, 1.09 s in four), many are installed side by side.
     */
    public static int layerCount(int packages) {
        if (packages <= 4) {
            return 1;
        }
        if (packages <= 16) {
            return 2;
        }
        return packages <= 64 ? 8 : 16;
    }

    /** The layer (0 .. count-1) of a package. */
    public static int layerOf(String name, int count) {
        byte[] h = Sha256.of(Pep503.normalize(name));
        return (((h[0] & 0xff) << 8) | (h[1] & 0xff)) % count;
    }

    /** The normalized package name a derived hashed line starts with ("name==1.0 \", "name @ url"). */
    static String nameOf(String line) {
        int end = 0;
        while (end < line.length() && isNameChar(line.charAt(end))) {
            end++;
        }
        return line.substring(0, end);
    }

    private static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.';
    }

    /** Whether a line installs one of the venv's seed packages. */
    static boolean isSeeded(String line) {
        return SEEDED.contains(Pep503.normalize(nameOf(line)));
    }

    /**
     * The lines in the layers a lock records (empty layers included, so each keeps its number); a
     * line whose package no layer names goes in one more layer at the end.
     */
    static List<List<String>> byRecord(List<String> lines, List<List<String>> recorded) {
        java.util.Map<String, Integer> layerOfName = new java.util.HashMap<>();
        for (int i = 0; i < recorded.size(); i++) {
            for (String name : recorded.get(i)) {
                layerOfName.put(name, i);
            }
        }
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i <= recorded.size(); i++) {
            layers.add(new ArrayList<>());
        }
        for (String line : lines) {
            layers.get(layerOfName.getOrDefault(Pep503.normalize(nameOf(line)), recorded.size())).add(line);
        }
        return layers;
    }

    /** The lines of each layer, in layer order (empty layers included). */
    static List<List<String>> split(List<String> lines) {
        return spread(lines, LockLayering::nameOf);
    }

    /** Items in {@link #layerCount} layers, each in the layer of its package's name (empty layers included). */
    private static List<List<String>> spread(List<String> items, java.util.function.UnaryOperator<String> nameOf) {
        int count = layerCount(items.size());
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(new ArrayList<>());
        }
        for (String item : items) {
            layers.get(layerOf(nameOf.apply(item), count)).add(item);
        }
        return layers;
    }
}
