package dev.dockenv.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the JSON the docker client prints: {@code docker version --format '{{json .}}'},
 * {@code docker image inspect}, {@code docker context inspect} and {@code docker info --format
 * '{{json .}}'}. Their shapes are the Engine API's, the same from the 20.10 and 28 clients and from
 * a docker client in front of Podman's service; {@code podman image inspect} prints the same
 * fields. A field that is missing, null or not a value reads as empty, and text that is not JSON
 * as nothing at all. Jackson is loaded on the first such read only: a warm {@code run} makes none.
 */
final class DockerJson {
    private static final ObjectReader READER = new ObjectMapper().reader();

    private DockerJson() {
    }

    /**
     * What {@code docker version} says: the client's version and, when an engine answered (else
     * {@code server} is empty), the engine's, with the names of its components.
     */
    record Versions(String client, String server, String apiVersion, String os, String arch, List<String> components) {
        Versions {
            components = List.copyOf(components);
        }

        /** Podman's service names itself among the components ("Podman Engine"). */
        boolean podman() {
            return components.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("podman"));
        }
    }

    /** A docker context: its name and the engine endpoint it points at. */
    record Context(String name, String host) {
        /** "HOST (context NAME)", or the one of the two it has. */
        String endpoint() {
            return host.isEmpty() ? name : name.isEmpty() ? host : host + " (context " + name + ")";
        }
    }

    static Versions versions(String json) {
        JsonNode root = read(json);
        JsonNode server = root.path("Server");
        List<String> components = new ArrayList<>();
        for (JsonNode component : server.path("Components")) {
            components.add(text(component.path("Name")));
        }
        return new Versions(text(root.path("Client").path("Version")), text(server.path("Version")),
                text(server.path("ApiVersion")), text(server.path("Os")), text(server.path("Arch")), components);
    }

    /** The image {@code image inspect} describes (an array of one; a lone object is read too), if it names one. */
    static Optional<ImageSummary> image(String json) {
        JsonNode root = read(json);
        JsonNode image = root.isArray() ? root.path(0) : root;
        String id = text(image.path("Id"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        JsonNode configured = image.path("Config").path("Labels");
        if (configured.isObject()) {
            configured.properties().forEach(label -> labels.put(label.getKey(), text(label.getValue())));
        }
        JsonNode size = image.path("Size");
        return Optional.of(new ImageSummary(id, size.canConvertToLong() ? size.asLong() : 0,
                text(image.path("Created")), labels));
    }

    /** The context {@code context inspect} (without a name: the current one) describes, if it names one. */
    static Optional<Context> context(String json) {
        JsonNode root = read(json);
        JsonNode context = root.isArray() ? root.path(0) : root;
        Context c = new Context(text(context.path("Name")), text(context.path("Endpoints").path("docker").path("Host")));
        return c.name().isEmpty() && c.host().isEmpty() ? Optional.empty() : Optional.of(c);
    }

    /** The engine's data folder from {@code info}: empty when no engine answered (the client then prints no folder). */
    static Optional<String> rootDir(String json) {
        String dir = text(read(json).path("DockerRootDir"));
        return dir.isBlank() ? Optional.empty() : Optional.of(dir);
    }

    private static JsonNode read(String json) {
        if (json.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = READER.readTree(json);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    private static String text(JsonNode node) {
        return node.isValueNode() && !node.isNull() ? node.asText() : "";
    }
}
