package dev.dockenv.plan;

import dev.dockenv.pep.Pep503;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a lock's hash-pinned lines into layers. A package's layer depends on its name alone (a
 * hash of the normalized name), never on the other packages, so adding or removing one package
 * changes one layer's list and leaves the others' cache keys as they were. The number of layers
 * grows in steps with the number of packages (one layer for a handful, at most sixteen), so that a
 * small lock is not spread over many stages and a large one does not rebuild a big share of itself
 * for one change; crossing a step regroups everything once.
 */
public final class LockLayering {
    /**
     * The virtualenv's own seed packages: installed in place after the merge (pip replaces the
     * venv's copy), never into a layer, where they would leave the venv's older metadata beside them.
     */
    static final Set<String> SEEDED = Set.of("pip", "setuptools", "wheel");

    private LockLayering() {
    }

    /** How many layers a lock of {@code packages} hash-pinned packages is spread over. */
    public static int layerCount(int packages) {
        if (packages <= 4) {
            return 1;
        }
        if (packages <= 16) {
            return 4;
        }
        return packages <= 64 ? 8 : 16;
    }

    /** The layer (0 .. count-1) of a package. */
    public static int layerOf(String name, int count) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256")
                    .digest(Pep503.normalize(name).getBytes(StandardCharsets.UTF_8));
            int value = ((h[0] & 0xff) << 8) | (h[1] & 0xff);
            return value % count;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /** The lines of each layer, in layer order (empty layers included). */
    static List<List<String>> split(List<String> lines) {
        int count = layerCount(lines.size());
        List<List<String>> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(new ArrayList<>());
        }
        for (String line : lines) {
            layers.get(layerOf(nameOf(line), count)).add(line);
        }
        return layers;
    }
}
