package dev.dockenv.cli;

import dev.dockenv.engine.ContainerImage;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What a deploy changed, service by service: the image before and after, from the containers' inspection. */
final class DeployChanges {
    private DeployChanges() {
    }

    /**
     * One line a service: {@code app: REF (ID) -> REF (ID)} when its container now runs another
     * image, {@code app: new REF (ID)}, {@code app: unchanged REF (ID)}, {@code app: removed}.
     */
    static List<String> describe(Map<String, ContainerImage> before, Map<String, ContainerImage> after) {
        Set<String> services = new LinkedHashSet<>(after.keySet());
        services.addAll(before.keySet());
        List<String> lines = new ArrayList<>();
        for (String service : services) {
            ContainerImage was = before.get(service);
            ContainerImage now = after.get(service);
            if (now == null) {
                lines.add(service + ": removed (was " + show(was) + ")");
            } else if (was == null) {
                lines.add(service + ": new " + show(now));
            } else if (was.equals(now)) {
                lines.add(service + ": unchanged " + show(now));
            } else {
                lines.add(service + ": " + show(was) + " -> " + show(now));
            }
        }
        return List.copyOf(lines);
    }

    private static String show(ContainerImage image) {
        String id = image.imageId().replaceFirst("^sha256:", "");
        return image.reference() + " (" + id.substring(0, Math.min(12, id.length())) + ")";
    }
}
