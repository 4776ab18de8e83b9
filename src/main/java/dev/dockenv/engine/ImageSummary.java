package dev.dockenv.engine;

import java.util.Map;

/** An image as the engine describes it. */
public record ImageSummary(String id, long size, String created, Map<String, String> labels,
        java.util.List<String> repoDigests) {
    public ImageSummary {
        labels = Map.copyOf(labels);
        repoDigests = java.util.List.copyOf(repoDigests);
    }

    /** An image no registry has given a digest (built or loaded here). */
    public ImageSummary(String id, long size, String created, Map<String, String> labels) {
        this(id, size, created, labels, java.util.List.of());
    }
}
