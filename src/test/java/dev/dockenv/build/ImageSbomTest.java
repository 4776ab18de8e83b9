package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineException;
import dev.dockenv.pep.Pep503;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.sbom.Bom;
import dev.dockenv.sbom.BomContext;
import dev.dockenv.sbom.Component;
import dev.dockenv.sbom.PipInspectReport;
import dev.dockenv.sbom.Property;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which source an image's SBOM comes from: the lock when the image installs from one, else pip in the image. */
class ImageSbomTest {
    private static final BomContext CONTEXT = new BomContext("shop", Optional.of("1.4.0"), "0.1.0",
            Instant.parse("2026-01-02T03:04:05Z"));

    @TempDir
    Path tmp;

    private final List<List<String>> asked = new ArrayList<>();

    /** An engine that answers runForOutput with pip's report from the fixture, and nothing else. */
    private Engine engine() {
        return (Engine) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Engine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("runForOutput")) {
                        @SuppressWarnings("unchecked")
                        List<String> command = (List<String>) args[1];
                        List<String> call = new ArrayList<>(List.of((String) args[0]));
                        call.addAll(command);
                        asked.add(call);
                        return Files.readString(Path.of("src/test/resources/sbom/pip-inspect-flask.json"));
                    }
                    throw new AssertionError("the SBOM asked the engine for " + method.getName());
                });
    }

    private Project project(String... files) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        for (int i = 0; i < files.length; i += 2) {
            Path target = root.resolve(files[i]);
            if (files[i + 1].startsWith("fixture:")) {
                Files.copy(Path.of("src/test/resources/lock").resolve(files[i + 1].substring(8)), target);
            } else {
                Files.writeString(target, files[i + 1]);
            }
        }
        return ProjectScanner.scan(root);
    }

    private static List<String> names(Bom bom) {
        return bom.components().stream().map(Component::name).map(Pep503::normalize).toList();
    }

    @Test
    void aLockedProjectsSbomComesFromTheLockWithoutAskingTheImage() throws Exception {
        Project project = project("Pipfile", "fixture:pipenv/simple/Pipfile", "Pipfile.lock",
                "fixture:pipenv/simple/Pipfile.lock");
        InstallDecision decision = InstallDecider.decide(project, Map.of());
        Bom bom = ImageSbom.of(project, decision, engine(), "shop:prod", CONTEXT);
        assertThat(names(bom)).containsExactly("colorsay", "greeting");
        assertThat(bom.components()).allSatisfy(c -> assertThat(c.hashes()).isNotEmpty());
        assertThat(bom.metadata().properties()).contains(new Property("dockenv:sbom:source", "Pipfile.lock"));
        assertThat(asked).isEmpty();
    }

    @Test
    void anUnlockedProjectsSbomIsWhatPipFindsInTheImage() throws Exception {
        Project project = project("requirements.txt", "flask\n");
        Bom bom = ImageSbom.of(project, InstallDecider.decide(project, Map.of()), engine(), "shop:prod", CONTEXT);
        List<String> command = new java.util.ArrayList<>(List.of("shop:prod"));
        command.addAll(PipInspectReport.COMMAND);
        assertThat(asked).containsExactly(command);
        assertThat(names(bom)).contains("flask", "werkzeug");
        assertThat(bom.components()).allSatisfy(c -> assertThat(c.hashes()).isEmpty());
        assertThat(bom.metadata().properties()).contains(new Property("dockenv:sbom:source", "pip inspect"));
        assertThat(PipInspectReport.COMMAND).startsWith("sh", "-c").endsWith("pip", "--disable-pip-version-check",
                "inspect", "--local");
    }

    @Test
    void anImageWithoutPipInspectIsOneErrorWithTheWayOut() {
        Engine old = (Engine) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Engine.class},
                (proxy, method, args) -> {
                    throw new EngineException("cannot run python -m pip ... in shop:prod: ERROR: unknown command "
                            + "\"inspect\"", null);
                });
        assertThatThrownBy(() -> PipInspection.inspect(old, "shop:prod")).isInstanceOf(EngineException.class)
                .hasMessageStartingWith("cannot list the Python packages of shop:prod for its SBOM: ")
                .hasMessageContaining("unknown command \"inspect\"")
                .satisfies(e -> assertThat(((EngineException) e).hint()).hasValueSatisfying(
                        h -> assertThat(h).contains("pip 22.2", "dockenv lock")));
    }

    @Test
    void anAppWithoutItsOwnLockIsReadFromTheImage() throws Exception {
        Project project = project("Pipfile", "fixture:pipenv/simple/Pipfile", "Pipfile.lock",
                "fixture:pipenv/simple/Pipfile.lock");
        InstallDecision decision = InstallDecider.decide(project, Map.of());
        Bom bom = ImageSbom.ofApp(project, decision, Optional.empty(), engine(), "shop-web:prod", CONTEXT);
        assertThat(asked).hasSize(1);
        assertThat(names(bom)).contains("flask");
    }
}
