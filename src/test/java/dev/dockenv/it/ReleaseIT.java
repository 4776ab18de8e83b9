package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.GitRepo;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.ServerEngine;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dockenv release, push and save against the real engine and the real registry (Debian's
 * docker-registry with htpasswd auth, started by the test command): tags and OCI labels of a
 * committed project, the push with the user's own docker login read back through the registry's
 * v2 API, the local images deleted and pulled back, a dirty tree refused, an archive loaded back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseIT {
    private static final String COMMIT_DATE = "2026-11-30T12:00:00Z";

    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestRegistry registry;
    private final List<String> references = new ArrayList<>();

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        registry = TestRegistry.require();
        ws = ItWorkspace.open("dockenv-releaseit");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        Docker.removeImages(references.toArray(String[]::new));
        ItWorkspace.closeIfOpened(ws);
    }

    /** A committed project with a version, released to a repository of its own in the test registry. */
    private TestProject committed(String name, String repository) {
        TestProject p = ws.project(name).file(".python-version", "3.11\n")
                .file("pyproject.toml", "[project]\nname = \"shop\"\nversion = \"1.4.0\"\ndescription = \"A shop\"\n"
                        + "license = \"MIT\"\ndependencies = []\n\n[tool.dockenv]\ncommand = [\"python\", \"app.py\"]\n\n"
                        + "[tool.dockenv.release]\nrepository = \"" + repository + "\"\n")
                .file("app.py", "print('shop ' + open('/app/VERSION').read().strip())\n")
                .file("VERSION", "1.4.0\n");
        git(p, "init", "-q");
        git(p, "add", "-A");
        git(p, "commit", "-q", "-m", "first");
        git(p, "remote", "add", "origin", "https://ci:tok3n@git.example.com/team/shop.git");
        return p;
    }

    private static String git(TestProject p, String... args) {
        return GitRepo.gitAt(p.dir(), COMMIT_DATE, args);
    }

    private List<String> released(ProcessResult r) {
        assertThat(r.exitCode()).as(r.describe()).isZero();
        List<String> refs = r.stdout().lines().toList();
        references.addAll(refs.stream().map(l -> l.replaceFirst("@sha256:.*$", "")).toList());
        return refs;
    }

    @Test
    void aCommittedProjectIsTaggedLabelledPushedAndPulledBack() throws IOException {
        String repository = registry.newRepository("shop");
        TestProject p = committed("relpush", repository);
        String commit = git(p, "rev-parse", "HEAD");

        List<String> refs = released(dockenv.run(p.dir(), "release"));
        assertThat(refs).containsExactly(repository + ":1.4.0", repository + ":sha-" + commit.substring(0, 7),
                repository + ":latest");
        Map<String, String> labels = Docker.imageLabels(repository + ":1.4.0");
        assertThat(labels).containsEntry("org.opencontainers.image.version", "1.4.0")
                .containsEntry("org.opencontainers.image.revision", commit)
                .containsEntry("org.opencontainers.image.created", COMMIT_DATE)
                .containsEntry("org.opencontainers.image.source", "https://git.example.com/team/shop.git")
                .containsEntry("org.opencontainers.image.title", "shop")
                .containsEntry("org.opencontainers.image.description", "A shop")
                .containsEntry("org.opencontainers.image.licenses", "MIT")
                .containsEntry("org.opencontainers.image.base.name", "docker.io/library/python:3.11-slim");
        assertThat(labels.values()).noneMatch(v -> v.contains(p.dir().toString()) || v.contains("tok3n"));
        String id = Docker.imageId(repository + ":1.4.0");
        assertThat(released(dockenv.run(p.dir(), "release"))).isEqualTo(refs);
        assertThat(Docker.imageId(repository + ":1.4.0")).as("the same commit released again is the same image")
                .isEqualTo(id);
        String history = Docker.runOk("history", "--no-trunc", repository + ":1.4.0").stdout();
        assertThat(history).doesNotContain(p.dir().toString()).doesNotContain("tok3n");
        String sbom = Docker.runOk("run", "--rm", repository + ":1.4.0", "cat", "/usr/share/dockenv/sbom.cdx.json")
                .stdout();
        assertThat(sbom).contains("\"bomFormat\" : \"CycloneDX\"".replace(" : ", ": "), "\"name\": \"shop\"");

        Path config = registry.login(ws.path("docker-config-push"));
        ProcessResult pushed = dockenv.withEnv("DOCKER_CONFIG", config.toString()).run(p.dir(), "push", "--quiet");
        assertThat(pushed.exitCode()).as(pushed.describe()).isZero();
        assertThat(pushed.stdout().lines()).hasSize(3).allMatch(l -> l.matches(".*@sha256:[0-9a-f]{64}"));
        assertThat(registry.tags(repository)).containsExactlyInAnyOrder("1.4.0", "latest",
                "sha-" + commit.substring(0, 7));
        assertThat(registry.labels(repository, "1.4.0")).containsEntry("org.opencontainers.image.revision", commit);

        Docker.removeImages(refs.toArray(String[]::new));
        assertThat(Docker.imageExists(repository + ":1.4.0")).isFalse();
        Docker.exec("pull", repository + ":1.4.0").env("DOCKER_CONFIG", config.toString()).run().assertOk();
        assertThat(Docker.runOk("run", "--rm", repository + ":1.4.0").stdout().strip()).isEqualTo("shop 1.4.0");
    }

    @Test
    void theSameCommitInTwoFoldersGetsTheSameTagsAndLabels() {
        String repository = registry.newRepository("twice");
        TestProject first = committed("reltwo-a", repository);
        List<String> a = released(dockenv.run(first.dir(), "release"));
        Map<String, String> labelsA = Docker.imageLabels(a.get(0));
        TestProject second = ws.project("reltwo-b");
        Exec.of("git", "clone", "-q", first.dir().toString(), second.dir().resolve("clone").toString()).run().assertOk();
        Path clone = second.dir().resolve("clone");
        Exec.of("git", "-C", clone.toString(), "remote", "set-url", "origin",
                "https://git.example.com/team/shop.git").run().assertOk();
        ProcessResult r = dockenv.run(clone, "release");
        List<String> b = released(r);
        assertThat(b).isEqualTo(a);
        assertThat(Docker.imageLabels(b.get(0))).isEqualTo(labelsA);
    }

    @Test
    void aDirtyTreeIsPushedOnlyWhenAllowed() throws IOException {
        String repository = registry.newRepository("dirty");
        TestProject p = committed("reldirty", repository);
        p.file("app.py", "print('changed')\n");
        Path config = registry.login(ws.path("docker-config-dirty"));
        DockenvCli withLogin = dockenv.withEnv("DOCKER_CONFIG", config.toString());

        ProcessResult refused = withLogin.run(p.dir(), "push", "--quiet");
        assertThat(refused.exitCode()).as(refused.describe()).isEqualTo(2);
        assertThat(refused.stderr()).contains("uncommitted changes", "--allow-dirty");
        assertThat(registry.tags(repository)).isEmpty();

        ProcessResult allowed = withLogin.run(p.dir(), "push", "--quiet", "--allow-dirty");
        assertThat(allowed.exitCode()).as(allowed.describe()).isZero();
        references.addAll(allowed.stdout().lines().map(l -> l.replaceFirst("@sha256:.*$", "")).toList());
        assertThat(registry.tags(repository)).anyMatch(t -> t.matches("sha-[0-9a-f]{7}-dirty"));
    }

    @Test
    void withoutALoginThePushIsRefusedWithItsOwnExitCode() throws IOException {
        String repository = registry.newRepository("nologin");
        TestProject p = committed("relnologin", repository);
        Path empty = Files.createDirectories(ws.path("docker-config-empty"));
        ProcessResult r = dockenv.withEnv("DOCKER_CONFIG", empty.toString()).run(p.dir(), "push", "--quiet");
        references.addAll(List.of(repository + ":1.4.0", repository + ":latest"));
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(12);
        assertThat(r.stderr()).contains("docker login " + registry.address());
        assertThat(registry.tags(repository)).isEmpty();
    }

    @Test
    void aSavedArchiveLoadsBackWithEveryTagAndItsSbomBesideIt() {
        String repository = registry.newRepository("saved");
        TestProject p = committed("relsave", repository);
        Path archive = ws.path("out/shop-1.4.0.tar.gz");
        ProcessResult r = dockenv.run(p.dir(), "save", "-o", archive.toString());
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(archive).isRegularFile();
        assertThat(ws.path("out/shop-1.4.0.cdx.json")).content().contains("CycloneDX");
        String sha = "sha-" + git(p, "rev-parse", "--short=7", "HEAD");
        List<String> tags = List.of(repository + ":1.4.0", repository + ":" + sha, repository + ":latest");
        references.addAll(tags);
        Docker.removeImages(tags.toArray(String[]::new));
        ProcessResult loaded = Docker.runOk("load", "-i", archive.toString());
        assertThat(loaded.stdout()).contains(tags.toArray(String[]::new));
        assertThat(Docker.runOk("run", "--rm", repository + ":" + sha).stdout().strip()).isEqualTo("shop 1.4.0");

        // the server engine never saw the project, its base image's layers aside
        ServerEngine.requireRunning();
        ServerEngine.removeImages(repository);
        try {
            ProcessResult onServer = ServerEngine.docker("load", "-i", archive.toString());
            assertThat(onServer.exitCode()).as(onServer.describe()).isZero();
            assertThat(ServerEngine.images(repository)).containsExactlyInAnyOrder(tags.toArray(String[]::new));
            ProcessResult ran = ServerEngine.docker("run", "--rm", repository + ":1.4.0");
            assertThat(ran.stdout().strip()).as(ran.describe()).isEqualTo("shop 1.4.0");
        } finally {
            ServerEngine.removeImages(repository);
        }
    }
}
