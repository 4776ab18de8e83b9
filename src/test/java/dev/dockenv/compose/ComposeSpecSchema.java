package dev.dockenv.compose;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The compose-spec JSON schema that Debian's docker-compose 1.29 ships and validates files with,
 * for tests: a compose file's YAML, read with snakeyaml-engine into a Jackson tree, against it.
 *
 * <p>Formats are not asserted: compose checks only its own {@code ports}, {@code expose} and
 * {@code subnet_ip_address} formats (the model checks ports itself, and the ITs run compose), and
 * the schema's {@code duration} means Go's durations ({@code 1m30s}), not JSON Schema's ISO 8601.
 */
public final class ComposeSpecSchema {
    public static final Path FILE = Path.of("/usr/lib/python3/dist-packages/compose/config/compose_spec.json");

    private static JsonSchema schema;

    private ComposeSpecSchema() {
    }

    /** The schema's complaints about a compose file, empty when it is valid. */
    public static List<String> errors(String yaml) {
        Object document = new Load(LoadSettings.builder().build()).loadFromString(yaml);
        JsonNode tree = new ObjectMapper().valueToTree(document);
        return schema().validate(tree).stream().map(ValidationMessage::toString).sorted().toList();
    }

    private static synchronized JsonSchema schema() {
        if (schema == null) {
            if (!Files.isRegularFile(FILE)) {
                fail("the compose-spec JSON schema of docker-compose 1.29 is missing: " + FILE + ". The tests check "
                        + "rendered compose files against it: run scripts/ensure-compose.sh (as root; it installs "
                        + "Debian's docker-compose, which ships the schema), as scripts/test.sh does");
            }
            try {
                JsonNode node = new ObjectMapper().readTree(Files.readString(FILE));
                // the schema's definitions carry draft 4's "id", which 2019-09 no longer knows: an annotation here
                JsonMetaSchema metaSchema = JsonMetaSchema.builder(JsonMetaSchema.getV201909())
                        .keyword(new NonValidationKeyword("id")).build();
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909, b -> b.metaSchema(metaSchema))
                        .getSchema(node, SchemaValidatorsConfig.builder().formatAssertionsEnabled(false).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }
}
