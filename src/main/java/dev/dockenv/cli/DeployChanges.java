package dev.dockenv.cli;

import dev.dockenv.engine.ContainerImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a deploy changed, service by service: the image before and after. */
final class DeployChanges {
    private DeployChanges() {
    }

    /**
     * From the containers' inspection (deploy compose): one line a service, {@code app: REF (ID) ->
     * REF (ID)} when its container now runs another image, {@code app: new REF (ID)},
     * {@code app: unchanged REF (ID)}, {@code app: removed (was REF (ID))}.
     */
    static List<String> ofContainers(Map<String, ContainerImage> before, Map<String, ContainerImage> after) {
        return describe(shown(before), shown(after));
    }

    /** The same from each service's image as shown ({@code REF}, or {@code REF (ID)}). */
    static List<String> describe(Map<String, String> before, Map<String, String> after) {
        Set<String> services = new LinkedHashSet<>(after.keySet());
        services.addAll(before.keySet());
        List<String> lines = new ArrayList<>();
        for (String service : services) {
            String was = before.get(service);
            String now = after.get(service);
            if (now == null) {
                lines.add(service + ": removed (was " + was + ")");
            } else if (was == null) {
                lines.add(service + ": new " + now);
            } else if (was.equals(now)) {
                lines.add(service + ": unchanged " + now);
            } else {
                lines.add(service + ": " + was + " -> " + now);
            }
        }
        return List.copyOf(lines);
    }

    private static Map<String, String> shown(Map<String, ContainerImage> images) {
        Map<String, String> out = new LinkedHashMap<>();
        images.forEach((service, image) -> {
            String id = image.imageId().replaceFirst("^sha256:", "");
            out.put(service, image.reference() + " (" + id.substring(0, Math.min(12, id.length())) + ")");
        });
        return out;
    }
}
