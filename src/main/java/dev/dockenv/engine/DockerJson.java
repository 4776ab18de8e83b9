package dev.dockenv.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.EOFException;
import java.io.IOException;
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
 * fields. A field that is missing, null or of another type reads as empty, and text that is not
 * JSON as nothing at all.
 *
 * <p>Jackson's streaming parser reads the text into plain maps, lists and values: a JsonFactory
 * and one parse load 66 classes and cost about 80 ms of CPU in a fresh JVM here, an ObjectMapper
 * and readTree 408 classes and about 330 ms, paid by every command that asks the engine about
 * itself or an image. A warm {@code run} reads no JSON at all.
 */
final class DockerJson {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private DockerJson() {
    }

    /** The text of a JSON string literal ({@code "a\\nb"}); the input itself when it is not one. */
    static String string(String literal) {
        try (JsonParser p = FACTORY.createParser(literal)) {
            return p.nextToken() == JsonToken.VALUE_STRING ? p.getText() : literal;
        } catch (IOException e) {
            return literal;
        }
    }

    /**
     * What {@code docker version} says: the client's version and, when an engine answered (else
     * {@code server} is empty), the engine's, with the names of its components.
     */
    record Versions(String client, String server, String apiVersion, String os, String arch, List<String> components,
            EngineDialect dialect) {
        Versions {
            components = List.copyOf(components);
        }

        /** Podman, through its own client or its service behind a docker client ("Podman Engine" among the components). */
        boolean podman() {
            return dialect == EngineDialect.PODMAN
                    || components.stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("podman"));
        }
    }

    /**
     * What {@code podman info} says about where and how Podman runs; {@code mappedUids}: how many
     * user ids its user namespace maps (rootless: 1 without subordinate ids, 0 when it says nothing).
     */
    record PodmanInfo(boolean rootless, String graphRoot, long mappedUids) {
    }

    /** A docker context: its name and the engine endpoint it points at. */
    record Context(String name, String host) {
        /** "HOST (context NAME)", or the one of the two it has. */
        String endpoint() {
            return host.isEmpty() ? name : name.isEmpty() ? host : host + " (context " + name + ")";
        }
    }

    static Versions versions(String json) {
        Map<String, Object> root = object(read(json));
        Map<String, Object> client = object(root.get("Client"));
        Map<String, Object> server = object(root.get("Server"));
        if (client.containsKey("OsArch") || client.containsKey("APIVersion")) {
            return podmanVersions(client, server);
        }
        List<String> components = new ArrayList<>();
        for (Object component : list(server.get("Components"))) {
            components.add(text(object(component).get("Name")));
        }
        return new Versions(text(client.get("Version")), text(server.get("Version")),
                text(server.get("ApiVersion")), text(server.get("Os")), text(server.get("Arch")), components,
                EngineDialect.DOCKER);
    }

    /**
     * Podman's own client: {@code {"Client":{"APIVersion":..,"Version":..,"OsArch":"linux/amd64",..}}},
     * with a "Server" of the same shape only when it talks to a remote service. A local podman is
     * its own engine, so without a Server the client's version is the engine's.
     */
    private static Versions podmanVersions(Map<String, Object> client, Map<String, Object> server) {
        Map<String, Object> engine = server.isEmpty() ? client : server;
        String osArch = text(engine.get("OsArch"));
        int slash = osArch.indexOf('/');
        String os = slash < 0 ? text(engine.get("Os")) : osArch.substring(0, slash);
        String arch = slash < 0 ? "" : osArch.substring(slash + 1);
        return new Versions(text(client.get("Version")), text(engine.get("Version")), text(engine.get("APIVersion")),
                os, arch, List.of("Podman Engine"), EngineDialect.PODMAN);
    }

    /** {@code podman info --format '{{json .}}'}: rootless or not, and the image store's folder. */
    static PodmanInfo podmanInfo(String json) {
        Map<String, Object> root = object(read(json));
        Map<String, Object> host = object(root.get("host"));
        Object rootless = object(host.get("security")).get("rootless");
        long mapped = 0;
        for (Object range : list(object(host.get("idMappings")).get("uidmap"))) {
            mapped += object(range).get("size") instanceof Long size ? size : 0;
        }
        return new PodmanInfo(Boolean.TRUE.equals(rootless), text(object(root.get("store")).get("graphRoot")), mapped);
    }

    /** The image {@code image inspect} describes (an array of one; a lone object is read too), if it names one. */
    static Optional<ImageSummary> image(String json) {
        Map<String, Object> image = object(first(read(json)));
        String id = text(image.get("Id"));
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> labels = new HashMap<>();
        object(object(image.get("Config")).get("Labels")).forEach((name, value) -> labels.put(name, text(value)));
        long size = image.get("Size") instanceof Long bytes ? bytes : 0;
        List<String> digests = new ArrayList<>();
        if (image.get("RepoDigests") instanceof List<?> list) {
            list.forEach(d -> digests.add(text(d)));
        }
        return Optional.of(new ImageSummary(id, size, text(image.get("Created")), labels, digests));
    }

    /** A JSON object's string fields (others left out); empty for anything but an object. */
    static Map<String, String> flatObject(String json) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        object(read(json.strip())).forEach((name, value) -> {
            if (value instanceof String text) {
                fields.put(name, text);
            }
        });
        return fields;
    }

    /** The strings of a JSON array ({@code ["a", "b"]}); empty for anything else. */
    static List<String> strings(String json) {
        return list(read(json.strip())).stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }

    /** The context {@code context inspect} (without a name: the current one) describes, if it names one. */
    static Optional<Context> context(String json) {
        Map<String, Object> context = object(first(read(json)));
        Context c = new Context(text(context.get("Name")),
                text(object(object(context.get("Endpoints")).get("docker")).get("Host")));
        return c.name().isEmpty() && c.host().isEmpty() ? Optional.empty() : Optional.of(c);
    }

    /** The engine's data folder from {@code info}: empty when no engine answered (the client then prints no folder). */
    static Optional<String> rootDir(String json) {
        Map<String, Object> root = object(read(json));
        String dir = text(root.get("DockerRootDir"));
        if (dir.isBlank()) {
            dir = text(object(root.get("store")).get("graphRoot")); // podman's own info
        }
        return dir.isBlank() ? Optional.empty() : Optional.of(dir);
    }

    /**
     * The first JSON value of the text as maps, lists, strings, longs (other numbers as Number),
     * booleans and null; null also for text that does not start with one whole JSON value.
     */
    private static Object read(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            return first == null ? null : value(parser, first);
        } catch (IOException e) {
            return null;
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> members = new HashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    members.put(name, value(parser, next(parser)));
                }
                return members;
            }
            case START_ARRAY -> {
                List<Object> items = new ArrayList<>();
                for (JsonToken t = next(parser); t != JsonToken.END_ARRAY; t = next(parser)) {
                    items.add(value(parser, t));
                }
                return items;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? parser.getNumberValue()
                        : Long.valueOf(parser.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getNumberValue();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            default -> {
                return null;
            }
        }
    }

    private static JsonToken next(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw new EOFException("the JSON text ends inside a value");
        }
        return token;
    }

    /** An array's first item; anything else as it is. */
    private static Object first(Object node) {
        return node instanceof List<?> items ? (items.isEmpty() ? null : items.get(0)) : node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }

    private static List<?> list(Object node) {
        return node instanceof List<?> items ? items : List.of();
    }

    private static String text(Object node) {
        return node instanceof String s ? s : "";
    }
}
