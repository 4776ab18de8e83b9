package dev.dockenv.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the containers of a compose project from the engine's {@code GET /containers/json} answer
 * or from {@code docker ps --format} lines, without a JSON library: the warm path of a run with
 * services asks this, and must stay as cheap as the image check.
 */
final class ContainerListing {
    /** The fields {@code docker ps --format} prints, tab-separated, one container a line. */
    static final String FORMAT = "{{.ID}}\t{{.Label \"com.docker.compose.service\"}}\t{{.State}}\t{{.Status}}";

    private static final Pattern ID = Pattern.compile("\"Id\"\\s*:\\s*\"([0-9a-f]{12,64})\"");
    private static final Pattern SERVICE = Pattern.compile("\"com\\.docker\\.compose\\.service\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern STATE = Pattern.compile("\"State\"\\s*:\\s*\"([a-z]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"Status\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private ContainerListing() {
    }

    /**
     * The containers in an API answer's JSON array; each object starts with its "Id" (the engine
     * writes it first). Throws IllegalArgumentException when a container lacks a field.
     */
    static List<ContainerStatus> fromApi(String json) {
        List<ContainerStatus> out = new ArrayList<>();
        Matcher ids = ID.matcher(json);
        List<int[]> spans = new ArrayList<>();
        List<String> found = new ArrayList<>();
        while (ids.find()) {
            spans.add(new int[] {ids.start()});
            found.add(ids.group(1));
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : json.length();
            String object = json.substring(spans.get(i)[0], end);
            out.add(new ContainerStatus(found.get(i), field(SERVICE, object), field(STATE, object),
                    field(STATUS, object)));
        }
        return out;
    }

    private static String field(Pattern p, String object) {
        Matcher m = p.matcher(object);
        if (!m.find()) {
            throw new IllegalArgumentException("a container without " + p.pattern());
        }
        return m.group(1);
    }

    /** The containers in {@code docker ps --format FORMAT} output. */
    static List<ContainerStatus> fromLines(String text) {
        List<ContainerStatus> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            if (f.length == 4) {
                out.add(new ContainerStatus(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip()));
            }
        }
        return out;
    }
}
