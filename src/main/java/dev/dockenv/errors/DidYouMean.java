package dev.dockenv.errors;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean ...?" for misspelt names: the closest known name by edit distance. */
public final class DidYouMean {
    private static final int MAX_DISTANCE = 3;

    private DidYouMean() {
    }

    /** The known name closest to {@code written}, when it is close enough to be a typo. */
    public static Optional<String> closest(String written, Collection<String> known) {
        return known.stream()
                .min(Comparator.comparingInt(k -> distance(written, k)))
                .filter(best -> distance(written, best) <= MAX_DISTANCE);
    }

    /**
     * The start of a hint for a misspelt name: {@code did you mean 'X'? } (with its trailing space,
     * for the rest of the hint to follow), or nothing when no known name is close.
     */
    public static String hint(String written, Collection<String> known) {
        return closest(written, known).map(k -> "did you mean '" + k + "'? ").orElse("");
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
