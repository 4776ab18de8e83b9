package dev.dockenv.sbom;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Renders a {@link Bom} as CycloneDX 1.6 JSON: keys in a fixed order, two-space indentation, a
 * final newline, empty lists left out (but components, and a dependency's dependsOn: empty there
 * means none); the serial number is a name-based UUID (version 5) of the
 * rest of the document, so the same BOM is the same bytes and a different one has another serial.
 */
public final class CycloneDxJson {
    /** The CycloneDX version dockenv writes. */
    public static final String SPEC_VERSION = "1.6";

    /** The namespace of the serial numbers: RFC 4122's URL namespace (any fixed one would do). */
    private static final UUID NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter WRITER = JSON.writer(new Layout());

    private CycloneDxJson() {
    }

    /** The BOM as CycloneDX JSON text. */
    public static String render(Bom bom) {
        ObjectNode body = body(bom);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("bomFormat", "CycloneDX");
        document.put("specVersion", SPEC_VERSION);
        document.put("serialNumber", "urn:uuid:" + nameUuid(write(body)));
        document.put("version", 1);
        document.setAll(body);
        return write(document) + "\n";
    }

    /** Everything but the header: what the serial number is derived from. */
    private static ObjectNode body(Bom bom) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode metadata = body.putObject("metadata");
        metadata.put("timestamp", DateTimeFormatter.ISO_INSTANT.format(
                bom.metadata().timestamp().truncatedTo(ChronoUnit.SECONDS)));
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", ComponentType.APPLICATION.json());
        tool.put("name", bom.metadata().tool().name());
        tool.put("version", bom.metadata().tool().version());
        metadata.set("component", component(bom.metadata().component()));
        properties(metadata, bom.metadata().properties());
        ArrayNode components = body.putArray("components"); // even empty: an image without packages says so
        bom.components().forEach(c -> components.add(component(c)));
        if (!bom.dependencies().isEmpty()) {
            ArrayNode dependencies = body.putArray("dependencies");
            for (Dependency d : bom.dependencies()) {
                ObjectNode entry = dependencies.addObject();
                entry.put("ref", d.ref());
                ArrayNode on = entry.putArray("dependsOn");
                d.dependsOn().forEach(on::add);
            }
        }
        return body;
    }

    private static ObjectNode component(Component c) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", c.type().json());
        node.put("bom-ref", c.bomRef());
        node.put("name", c.name());
        c.version().ifPresent(v -> node.put("version", v));
        hashes(node, c.hashes());
        if (!c.licenses().isEmpty()) {
            ArrayNode licenses = node.putArray("licenses");
            for (License license : c.licenses()) {
                if (license instanceof License.Expression e) {
                    licenses.addObject().put("expression", e.expression());
                } else if (license instanceof License.Named n) {
                    licenses.addObject().putObject("license").put("name", n.name());
                }
            }
        }
        c.purl().ifPresent(p -> node.put("purl", p));
        if (!c.externalReferences().isEmpty()) {
            ArrayNode references = node.putArray("externalReferences");
            for (ExternalReference r : c.externalReferences()) {
                ObjectNode reference = references.addObject();
                reference.put("url", r.url());
                reference.put("type", r.type());
                hashes(reference, r.hashes());
            }
        }
        return node;
    }

    private static void hashes(ObjectNode node, List<Hash> hashes) {
        if (!hashes.isEmpty()) {
            ArrayNode array = node.putArray("hashes");
            hashes.forEach(h -> array.addObject().put("alg", h.algorithm()).put("content", h.content()));
        }
    }

    private static void properties(ObjectNode node, List<Property> properties) {
        if (!properties.isEmpty()) {
            ArrayNode array = node.putArray("properties");
            properties.forEach(p -> array.addObject().put("name", p.name()).put("value", p.value()));
        }
    }

    private static String write(ObjectNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that Jackson cannot write", e);
        }
    }

    /**
     * Two-space indentation, {@code "key": value}, arrays one value a line, an empty array {@code []}
     * (Jackson's default printer writes {@code [ ]}).
     */
    private static final class Layout extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        Layout() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            indentObjectsWith(new DefaultIndenter("  ", "\n"));
            indentArraysWith(new DefaultIndenter("  ", "\n"));
        }

        @Override
        public Layout createInstance() {
            return new Layout();
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                _nesting--;
                g.writeRaw(']');
                return;
            }
            super.writeEndArray(g, nrOfValues);
        }
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1), of the text in the URL namespace. */
    static UUID nameUuid(String text) {
        byte[] hash;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(toBytes(NAMESPACE));
            hash = sha1.digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-1", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = (most << 8) | (hash[i] & 0xff);
            least = (least << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(most, least);
    }

    private static byte[] toBytes(UUID uuid) {
        byte[] out = new byte[16];
        long most = uuid.getMostSignificantBits();
        long least = uuid.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (most >>> (8 * (7 - i)));
            out[i + 8] = (byte) (least >>> (8 * (7 - i)));
        }
        return out;
    }
}
