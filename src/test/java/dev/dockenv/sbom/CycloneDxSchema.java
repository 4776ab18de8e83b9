package dev.dockenv.sbom;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official CycloneDX 1.6 JSON schema, as cyclonedx-core-java ships it (a test dependency, its
 * resources only), for tests. The schema refers to {@code spdx.schema.json} and
 * {@code jsf-0.82.schema.json} by their cyclonedx.org addresses: those are mapped onto the same
 * jar's copies, so validation never goes to the network. Formats (date-time, iri-reference) are asserted.
 */
public final class CycloneDxSchema {
    private static final String BASE = "http://cyclonedx.org/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    private CycloneDxSchema() {
    }

    /** The schema's complaints about a BOM's JSON text, empty when it is valid. */
    public static List<String> errors(String json) {
        try {
            return schema().validate(JSON.readTree(json)).stream().map(ValidationMessage::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            if (CycloneDxSchema.class.getResource("/bom-1.6.schema.json") == null) {
                throw new IllegalStateException("bom-1.6.schema.json is not on the test class path: it comes from the "
                        + "test dependency org.cyclonedx:cyclonedx-core-java (pom.xml)");
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
                    b -> b.schemaMappers(m -> m.mapPrefix(BASE, "classpath:")));
            schema = factory.getSchema(SchemaLocation.of(BASE + "bom-1.6.schema.json"),
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
        return schema;
    }
}
