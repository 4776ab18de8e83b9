package dev.dockenv.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Rendered models against the compose-spec JSON schema that docker-compose 1.29 ships (see
 * {@link ComposeSpecSchema}); the test fails, not skips, when the schema is missing. The same
 * validator refuses what 1.29 refuses, so a pass means something.
 */
class ComposeSchemaTest {

    @Test
    void theRepresentativeStackIsValid() {
        assertThat(ComposeSpecSchema.errors(ComposeYaml.render(ComposeSamples.representative()))).isEmpty();
    }

    @Test
    void awkwardValuesAndKeysAreValid() {
        assertThat(ComposeSpecSchema.errors(ComposeYaml.render(ComposeSamples.awkward()))).isEmpty();
    }

    @Test
    void aMinimalModelIsValid() {
        ComposeModel model = ComposeModel.builder().service("db", Service.builder().image("postgres:16").build()).build();
        assertThat(ComposeSpecSchema.errors(ComposeYaml.render(model))).isEmpty();
    }

    /** What 1.29 refuses and the model cannot express: the schema refuses it too. */
    @Test
    void theSchemaRefusesWhatDockerCompose129Refuses() {
        String valid = ComposeYaml.render(ComposeSamples.representative());
        assertThat(ComposeSpecSchema.errors("name: shop\n" + valid)).as("top-level name").isNotEmpty();
        assertThat(ComposeSpecSchema.errors("include:\n  - other.yaml\n" + valid)).as("include").isNotEmpty();
        assertThat(ComposeSpecSchema.errors(valid.replace("      start_period: \"1m30s\"\n",
                "      start_period: \"1m30s\"\n      start_interval: \"1s\"\n"))).as("start_interval").isNotEmpty();
        assertThat(ComposeSpecSchema.errors(valid.replace("    env_file:\n      - \".env\"\n",
                "    env_file:\n      - path: \".env\"\n        required: false\n"))).as("long env_file").isNotEmpty();
        assertThat(ComposeSpecSchema.errors(valid.replace("        condition: \"service_healthy\"\n",
                "        condition: \"service_healthy\"\n        restart: true\n"))).as("depends_on restart").isNotEmpty();
        assertThat(ComposeSpecSchema.errors(valid.replace("    init: true\n", "    init: \"true\"\n")))
                .as("a boolean written as a string").isNotEmpty();
    }
}
