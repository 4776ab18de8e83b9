package dev.dockenv.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** What dockenv writes against the official CycloneDX 1.6 JSON schema; the schema shown to refuse what it should. */
class SbomSchemaTest {

    static Stream<Path> goldenFiles() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/golden/sbom"))) {
            files = s.filter(p -> p.toString().endsWith(".cdx.json")).sorted().toList();
        }
        assertThat(files).as("golden SBOMs").hasSizeGreaterThanOrEqualTo(6);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("goldenFiles")
    void everyGoldenSbomIsValid(Path file) throws IOException {
        assertThat(CycloneDxSchema.errors(Files.readString(file))).isEmpty();
    }

    @Test
    void theSchemaRefusesWhatItShould() throws IOException {
        String valid = Files.readString(Path.of("src/test/resources/golden/sbom/uv.cdx.json"));
        assertThat(CycloneDxSchema.errors(valid)).isEmpty();
        assertThat(CycloneDxSchema.errors(valid.replaceFirst("\"serialNumber\": \"urn:uuid:", "\"serialNumber\": \"uuid:")))
                .as("a serial number that is no urn:uuid").isNotEmpty();
        assertThat(CycloneDxSchema.errors(valid.replaceFirst("\"alg\": \"SHA-256\"", "\"alg\": \"sha256\"")))
                .as("a hash algorithm CycloneDX does not name").isNotEmpty();
        assertThat(CycloneDxSchema.errors(valid.replaceFirst("\"type\": \"library\"", "\"type\": \"python-package\"")))
                .as("an unknown component type").isNotEmpty();
        assertThat(CycloneDxSchema.errors(valid.replaceFirst("\"timestamp\": \"2026-01-02T03:04:05Z\"",
                "\"timestamp\": \"yesterday\""))).as("a timestamp that is no date-time").isNotEmpty();
        assertThat(CycloneDxSchema.errors(valid.replaceFirst("\"type\": \"distribution\"", "\"type\": \"wheel\"")))
                .as("an unknown external reference type").isNotEmpty();
    }

    /** Licenses use the SPDX sub-schema (mapped offline): an id outside SPDX's list is refused, a name is not. */
    @Test
    void licensesGoThroughTheSpdxSubSchema() throws IOException {
        String valid = Files.readString(Path.of("src/test/resources/golden/sbom/pipenv.cdx.json"));
        String withId = valid.replaceFirst("\"purl\": \"pkg:pypi/colorsay@2.0.0\"",
                "\"licenses\": [{\"license\": {\"id\": \"MIT\"}}], \"purl\": \"pkg:pypi/colorsay@2.0.0\"");
        assertThat(withId).isNotEqualTo(valid);
        assertThat(CycloneDxSchema.errors(withId)).isEmpty();
        assertThat(CycloneDxSchema.errors(withId.replace("\"id\": \"MIT\"", "\"id\": \"Not-A-License\""))).isNotEmpty();
        assertThat(CycloneDxSchema.errors(withId.replace("\"id\": \"MIT\"", "\"name\": \"Not-A-License\""))).isEmpty();
    }
}
