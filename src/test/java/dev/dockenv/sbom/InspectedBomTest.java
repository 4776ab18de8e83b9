package dev.dockenv.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dockenv.Golden;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An unlocked project's SBOM from {@code pip inspect}: the fixture is what pip 23.0.1 printed in a
 * venv of the python:3.11-slim stand-in after {@code pip install flask} from the test wheels.
 */
class InspectedBomTest {
    private static final Path FIXTURE = Path.of("src/test/resources/sbom/pip-inspect-flask.json");

    private static PipInspectReport report() throws Exception {
        return PipInspectReport.parse(Files.readString(FIXTURE), "shop-prod");
    }

    private static Dependency dependency(Bom bom, String ref) {
        return bom.dependencies().stream().filter(d -> d.ref().equals(ref)).findFirst().orElseThrow();
    }

    @Test
    void readsPipsReport() throws Exception {
        PipInspectReport report = report();
        assertThat(report.installed()).extracting(PipInspectReport.Installed::name).containsExactlyInAnyOrder(
                "Werkzeug", "itsdangerous", "Jinja2", "setuptools", "Flask", "pip", "MarkupSafe", "click");
        PipInspectReport.Installed flask = report.installed().stream().filter(i -> i.name().equals("Flask"))
                .findFirst().orElseThrow();
        assertThat(flask.version()).isEqualTo("2.2.2");
        assertThat(flask.requested()).isTrue();
        assertThat(flask.requiresDist()).contains("asgiref>=3.2; extra == \"async\"", "click", "werkzeug");
        assertThat(report.environment()).hasValueSatisfying(e -> {
            assertThat(e.pythonFullVersion()).isEqualTo("3.11.2");
            assertThat(e.sysPlatform()).isEqualTo("linux");
        });
    }

    @Test
    void everyInstalledPackageIsAComponentWithoutHashes() throws Exception {
        Bom bom = InspectedBom.of(report(), SbomSamples.CONTEXT);
        assertThat(bom.components()).extracting(c -> c.purl().orElseThrow()).containsExactly(
                "pkg:pypi/click@8.1.3", "pkg:pypi/flask@2.2.2", "pkg:pypi/itsdangerous@2.1.2", "pkg:pypi/jinja2@3.1.2",
                "pkg:pypi/markupsafe@2.1.2", "pkg:pypi/pip@23.0.1", "pkg:pypi/setuptools@66.1.1",
                "pkg:pypi/werkzeug@2.2.2");
        assertThat(bom.components()).allSatisfy(c -> {
            assertThat(c.hashes()).isEmpty();
            assertThat(c.externalReferences()).isEmpty();
        });
        assertThat(bom.metadata().properties()).containsExactly(new Property(LockedBom.HASHES, InspectedBom.NO_HASHES),
                new Property(LockedBom.SOURCE, "pip inspect"));
        String json = CycloneDxJson.render(bom);
        assertThat(json).doesNotContain("\"hashes\"");
        Golden.assertMatches("sbom/pip-inspect.cdx.json", json);
    }

    @Test
    void licensesFromTheMetadata() throws Exception {
        Bom bom = InspectedBom.of(report(), SbomSamples.CONTEXT);
        Component flask = bom.components().stream().filter(c -> c.name().equals("Flask")).findFirst().orElseThrow();
        assertThat(flask.licenses()).containsExactly(new License.Named("BSD-3-Clause")); // the License field
        Component setuptools = bom.components().stream().filter(c -> c.name().equals("setuptools")).findFirst()
                .orElseThrow();
        assertThat(setuptools.licenses()).containsExactly(new License.Named("MIT License")); // the classifier
        PipInspectReport.Installed modern = new PipInspectReport.Installed("modern", "1.0", Optional.of("MIT OR Apache-2.0"),
                Optional.of("ignored"), List.of("License :: OSI Approved :: MIT License"), List.of(), true);
        assertThat(InspectedBom.licenses(modern)).containsExactly(new License.Expression("MIT OR Apache-2.0"));
        PipInspectReport.Installed wholeText = new PipInspectReport.Installed("old", "1.0", Optional.empty(),
                Optional.of("Copyright (c) 2010\n\nPermission is hereby granted ..."), List.of(), List.of(), true);
        assertThat(InspectedBom.licenses(wholeText)).isEmpty();
    }

    /** Edges from Requires-Dist with the image's markers; an extra's requirements are not edges. */
    @Test
    void dependenciesFromRequiresDist() throws Exception {
        Bom bom = InspectedBom.of(report(), SbomSamples.CONTEXT);
        assertThat(dependency(bom, "pkg:pypi/werkzeug@2.2.2").dependsOn()).containsExactly("pkg:pypi/markupsafe@2.1.2");
        assertThat(dependency(bom, "pkg:pypi/flask@2.2.2").dependsOn()).containsExactly("pkg:pypi/click@8.1.3",
                "pkg:pypi/itsdangerous@2.1.2", "pkg:pypi/jinja2@3.1.2", "pkg:pypi/werkzeug@2.2.2");
        assertThat(dependency(bom, "pkg:pypi/setuptools@66.1.1").dependsOn()).as("only extras' requirements").isEmpty();
        // the project is not installed: it depends on what was installed by name
        assertThat(dependency(bom, "shop").dependsOn()).containsExactly("pkg:pypi/flask@2.2.2", "pkg:pypi/pip@23.0.1",
                "pkg:pypi/setuptools@66.1.1");
        assertThat(bom.dependencies()).hasSize(bom.components().size() + 1);
    }

    @Test
    void anInstalledProjectIsTheSubjectNotAComponent() throws Exception {
        BomContext flaskProject = new BomContext("flask", Optional.of("2.2.2"), "0.1.0", SbomSamples.CONTEXT.timestamp());
        Bom bom = InspectedBom.of(report(), flaskProject);
        assertThat(bom.components()).extracting(Component::name).doesNotContain("Flask");
        assertThat(dependency(bom, "flask").dependsOn()).containsExactly("pkg:pypi/click@8.1.3",
                "pkg:pypi/itsdangerous@2.1.2", "pkg:pypi/jinja2@3.1.2", "pkg:pypi/werkzeug@2.2.2");
    }

    @Test
    void markersAreEvaluatedInTheImagesInterpreter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(Files.readString(FIXTURE));
        for (var item : root.withArray("installed")) {
            if (item.path("metadata").path("name").asText().equals("Werkzeug")) {
                ArrayNode requires = ((ObjectNode) item.path("metadata")).putArray("requires_dist");
                requires.add("markupsafe; python_version < \"3.11\"");
                requires.add("click; sys_platform == \"linux\"");
            }
        }
        Bom bom = InspectedBom.of(PipInspectReport.parse(json.writeValueAsString(root), "img"), SbomSamples.CONTEXT);
        assertThat(dependency(bom, "pkg:pypi/werkzeug@2.2.2").dependsOn()).containsExactly("pkg:pypi/click@8.1.3");
        root.remove("environment");
        Bom unknown = InspectedBom.of(PipInspectReport.parse(json.writeValueAsString(root), "img"), SbomSamples.CONTEXT);
        assertThat(unknown.dependencies()).as("no marker values: edges unknown, so none claimed").isEmpty();
    }

    @Test
    void whatIsNoReportIsAnErrorNamingTheImage() {
        assertThatThrownBy(() -> PipInspectReport.parse("ERROR: unknown command \"inspect\"\n", "shop-prod"))
                .isInstanceOf(DockenvException.class).hasMessageContaining("shop-prod").hasMessageContaining("not JSON")
                .satisfies(e -> assertThat(((DockenvException) e).exitCode()).isEqualTo(ExitCode.ENGINE_ERROR))
                .satisfies(e -> assertThat(((DockenvException) e).hint()).hasValueSatisfying(
                        h -> assertThat(h).contains("22.2")));
        assertThatThrownBy(() -> PipInspectReport.parse("{\"version\": \"2\", \"installed\": []}", "img"))
                .hasMessageContaining("version '2'");
        assertThatThrownBy(() -> PipInspectReport.parse("{\"version\": \"1\"}", "img"))
                .hasMessageContaining("no 'installed' list");
        assertThatThrownBy(() -> PipInspectReport.parse("{\"version\": \"1\", \"installed\": [{\"metadata\": {\"name\": "
                + "\"x\"}}]}", "img")).hasMessageContaining("without name or version");
    }
}
