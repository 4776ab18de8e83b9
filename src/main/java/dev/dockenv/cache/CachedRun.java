package dev.dockenv.cache;

import java.util.List;

/** A resolution found in the run cache, and the stamps of its inputs, checked current just now. */
public record CachedRun(ResolvedRun run, List<InputStamp> stamps) {
    public CachedRun {
        stamps = List.copyOf(stamps);
    }
}
