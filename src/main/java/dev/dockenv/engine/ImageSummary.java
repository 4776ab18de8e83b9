package dev.dockenv.engine;

import java.util.Map;

/** An image as the engine describes it. */
public record ImageSummary(String id, long size, String created, Map<String, String> labels) {
    public ImageSummary {
        labels = Map.copyOf(labels);
    }
}
