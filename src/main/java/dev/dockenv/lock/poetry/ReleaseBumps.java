package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * poetry-core's version arithmetic for caret, tilde and wildcard bounds
 * ({@code Version.stable}, {@code next_major}, {@code next_minor}, {@code next_patch},
 * {@code next_breaking}): the release keeps its precision, so {@code ^1.2} ends at {@code 2.0}
 * and {@code ^1} at {@code 2}.
 */
final class ReleaseBumps {
    private ReleaseBumps() {
    }

    /** Without pre-release and dev parts (and local), keeping a post release that has no pre-release. */
    static Version stable(Version v) {
        if (v.pre().isEmpty() && v.dev().isEmpty()) {
            return v;
        }
        Optional<Long> post = v.pre().isEmpty() ? v.post() : Optional.empty();
        return new Version(v.epoch(), v.release(), Optional.empty(), post, Optional.empty(), List.of());
    }

    static Version nextMajor(Version v) {
        List<Long> r = new ArrayList<>(v.release());
        r.set(0, r.get(0) + 1);
        zeroFrom(r, 1);
        return release(v, r);
    }

    static Version nextMinor(Version v) {
        List<Long> r = new ArrayList<>(v.release());
        if (r.size() == 1) {
            r.add(1L);
        } else {
            r.set(1, r.get(1) + 1);
            zeroFrom(r, 2);
        }
        return release(v, r);
    }

    static Version nextPatch(Version v) {
        List<Long> r = new ArrayList<>(v.release());
        if (r.size() == 1) {
            r.add(0L);
        }
        if (r.size() == 2) {
            r.add(1L);
        } else {
            r.set(2, r.get(2) + 1);
            zeroFrom(r, 3);
        }
        return release(v, r);
    }

    /** The first version a caret range excludes: the left-most non-zero part goes up. */
    static Version nextBreaking(Version v) {
        List<Long> r = v.release();
        if (r.get(0) > 0 || r.size() == 1) {
            return nextMajor(stable(v));
        }
        if (r.get(1) > 0 || r.size() == 2) {
            return nextMinor(stable(v));
        }
        return nextPatch(stable(v));
    }

    /** PEP 440 {@code ~=}: the second-to-last part goes up, the last becomes 0. */
    static Version nextCompatible(Version v) {
        Version s = stable(v);
        List<Long> r = new ArrayList<>(s.release());
        if (r.size() < 2) {
            return nextMajor(s);
        }
        r.set(r.size() - 2, r.get(r.size() - 2) + 1);
        r.set(r.size() - 1, 0L);
        return release(s, r);
    }

    /** The prefix with its last part incremented: {@code 1.2} gives {@code 1.3}. */
    static Version nextAtPrecision(Version v) {
        List<Long> r = new ArrayList<>(v.release());
        r.set(r.size() - 1, r.get(r.size() - 1) + 1);
        return release(v, r);
    }

    /** A plain release (no pre, post, dev or local part). */
    static boolean isFinal(Version v) {
        return v.pre().isEmpty() && v.post().isEmpty() && v.dev().isEmpty() && v.local().isEmpty();
    }

    private static void zeroFrom(List<Long> r, int from) {
        for (int i = from; i < r.size(); i++) {
            r.set(i, 0L);
        }
    }

    private static Version release(Version v, List<Long> release) {
        return new Version(v.epoch(), release, Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
