package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.build.PipInspection;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.lock.pipenv.PipfileDigest;
import dev.dockenv.pep.Pep503;
import dev.dockenv.plan.ProdLockPackages;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.sbom.Bom;
import dev.dockenv.sbom.BomContext;
import dev.dockenv.sbom.Component;
import dev.dockenv.sbom.CycloneDxJson;
import dev.dockenv.sbom.CycloneDxSchema;
import dev.dockenv.sbom.Dependency;
import dev.dockenv.sbom.InspectedBom;
import dev.dockenv.sbom.LockedBom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The SBOM of real prod images: an unlocked project's from {@code pip inspect} run in its prod
 * image through the engine (what pip installed, no hashes, not the dev requirements, which the dev
 * image does have), and a locked project's from its lock, checked against what pip finds in its
 * prod image. Each SBOM is validated against the CycloneDX 1.6 schema.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SbomIT {
    private static final BomContext CONTEXT = new BomContext("shop", Optional.of("1.4.0"), "0.1.0",
            Instant.parse("2026-01-02T03:04:05Z"));
    /** What python -m venv seeds a venv with: in the image, not installed by dockenv from the project's files. */
    private static final Set<String> VENV_SEEDS = Set.of("pip", "setuptools", "wheel");

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;
    private Engine engine;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-sbomit", "greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0", "devtool-0.3.0");
        index = ws.index();
        dockenv = ws.dockenv();
        engine = DockerCli.fromEnvironment(System.getenv(), new LocalProcessRunner());
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private static Component component(Bom bom, String name) {
        return bom.components().stream().filter(c -> Pep503.normalize(c.name()).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + bom.components()));
    }

    private static List<String> names(Bom bom) {
        return bom.components().stream().map(c -> Pep503.normalize(c.name())).toList();
    }

    @Test
    void anUnlockedProjectsSbomIsWhatItsProdImageHolds() throws Exception {
        TestProject p = ws.project("unlocked")
                .file("pyproject.toml", """
                        [tool.dockenv]
                        index-url = "%s"
                        """.formatted(index.url()))
                .file("requirements.txt", "colorsay\n")
                .file("requirements-dev.txt", "devtool\n");
        String prod = dockenv.runOk(p.dir(), "build", "--target", "prod").stdout().strip();

        Bom bom = InspectedBom.of(PipInspection.inspect(engine, prod), CONTEXT);
        String json = CycloneDxJson.render(bom);
        assertThat(CycloneDxSchema.errors(json)).as(json).isEmpty();
        assertThat(names(bom)).contains("colorsay", "greeting").doesNotContain("devtool");
        assertThat(component(bom, "colorsay").version()).contains("2.0.0");
        assertThat(component(bom, "greeting").version()).as("unlocked: the index's newest").contains("1.1.0");
        assertThat(component(bom, "greeting").purl()).contains("pkg:pypi/greeting@1.1.0");
        assertThat(new ObjectMapper().readTree(json).findValues("hashes")).as("no hash invented").isEmpty();
        assertThat(bom.dependencies()).contains(new Dependency("pkg:pypi/colorsay@2.0.0",
                List.of("pkg:pypi/greeting@1.1.0")));
        assertThat(bom.dependencies().stream().filter(d -> d.ref().equals("shop")).findFirst().orElseThrow().dependsOn())
                .contains("pkg:pypi/colorsay@2.0.0").doesNotContain("pkg:pypi/greeting@1.1.0");
        assertThat(CycloneDxJson.render(InspectedBom.of(PipInspection.inspect(engine, prod), CONTEXT)))
                .as("asked again: the same bytes").isEqualTo(json);

        // the dev image does have the dev requirement: leaving it out above is the prod image's doing
        String dev = dockenv.runOk(p.dir(), "build").stdout().strip();
        assertThat(names(InspectedBom.of(PipInspection.inspect(engine, dev), CONTEXT))).contains("devtool");
    }

    @Test
    void aLockedProjectsSbomListsWhatItsProdImageHolds() throws Exception {
        TestProject p = ws.project("locked").file(".python-version", "3.11\n").file("Pipfile", """
                [[source]]
                url = "%s"
                verify_ssl = false
                name = "local"

                [packages]
                colorsay = "*"

                [dev-packages]
                devtool = "*"

                [requires]
                python_version = "3.11"
                """.formatted(index.url()));
        p.file("Pipfile.lock", """
                {
                    "_meta": {
                        "hash": {"sha256": "%s"},
                        "pipfile-spec": 6,
                        "requires": {"python_version": "3.11"},
                        "sources": [{"name": "local", "url": "%s", "verify_ssl": false}]
                    },
                    "default": {
                        "colorsay": {"hashes": ["sha256:%s"], "index": "local", "version": "==2.0.0"},
                        "greeting": {"hashes": ["sha256:%s"], "index": "local", "version": "==1.0.0"}
                    },
                    "develop": {
                        "devtool": {"hashes": ["sha256:%s"], "index": "local", "version": "==0.3.0"}
                    }
                }
                """.formatted(PipfileDigest.of(p.path("Pipfile")), index.url(), index.sha256("colorsay-2.0.0"),
                index.sha256("greeting-1.0.0"), index.sha256("devtool-0.3.0")));
        String prod = dockenv.runOk(p.dir(), "build", "--target", "prod").stdout().strip();

        Project project = ProjectScanner.scan(p.dir());
        InstallDecision.Locked locked = (InstallDecision.Locked) InstallDecider.decide(project, Map.of());
        Bom fromLock = LockedBom.of(ProdLockPackages.of(project, locked.reading().lock()), "Pipfile.lock", CONTEXT);
        String json = CycloneDxJson.render(fromLock);
        assertThat(CycloneDxSchema.errors(json)).as(json).isEmpty();
        assertThat(component(fromLock, "greeting").hashes()).extracting(h -> h.algorithm() + ":" + h.content())
                .containsExactly("SHA-256:" + index.sha256("greeting-1.0.0"));

        // the lock's SBOM names exactly what pip finds in the prod image, but for the venv's own seeds
        Bom inImage = InspectedBom.of(PipInspection.inspect(engine, prod), CONTEXT);
        List<String> installed = inImage.components().stream()
                .filter(c -> !VENV_SEEDS.contains(Pep503.normalize(c.name())))
                .map(c -> Pep503.normalize(c.name()) + "==" + c.version().orElseThrow()).sorted().toList();
        List<String> locked1 = fromLock.components().stream()
                .map(c -> Pep503.normalize(c.name()) + "==" + c.version().orElseThrow()).sorted().toList();
        assertThat(locked1).containsExactly("colorsay==2.0.0", "greeting==1.0.0");
        assertThat(installed).isEqualTo(locked1);
    }
}
