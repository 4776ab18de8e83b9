package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import dev.dockenv.it.support.WheelBuilder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A private index that requires credentials: they reach pip during the build as a BuildKit secret
 * and are in no layer, no build argument and no image history.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivateIndexIT {
    private static final String USER = "ci";
    private static final String SECRET = "s3cr3t-T0ken-4242";

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-privateindexit");
        index = ws.track(LocalPackageIndex.builder(ws.path("private-index")).fixture("greeting-1.0.0")
                .wheel(WheelBuilder.wheel("privy", "1.0").file("privy/__init__.py", "RUN = '" + System.nanoTime() + "'\n"))
                .basicAuth(USER, SECRET).start());
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private String withCredentials() {
        return index.url().replace("http://", "http://" + USER + ":" + SECRET + "@");
    }

    @Test
    void credentialsInTheConfiguredIndexUrlStayOutOfTheImage() throws IOException {
        TestProject p = ws.project("privcfg").file(".python-version", "3.11\n")
                .file("dockenv.toml", "index-url = \"" + withCredentials() + "\"\n")
                .file("requirements.txt", "greeting\n");
        ProcessResult r = dockenv.run(p.dir(), "run", "--", "python", "-c", "import greeting; print(greeting.__version__)");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).isEqualTo("1.0.0\n");
        assertThat(r.stdout() + r.stderr()).doesNotContain(SECRET);

        String image = dockenv.runOk(p.dir(), "build").stdout().strip();
        assertNoSecretIn(image);
    }

    /**
     * An index password in PIP_INDEX_URL, through a cold run, a warm run and a build: no file of
     * dockenv's cache holds it (issue 8, campaign item 3, on the real engine), and those files are
     * the user's alone.
     */
    @Test
    void aCredentialInPipIndexUrlReachesNoFileOfTheCache() throws IOException {
        Path cache = ws.path("credential-cache");
        DockenvCli withEnv = dockenv.withEnv("PIP_INDEX_URL", withCredentials()).withEnv("DOCKENV_CACHE_DIR",
                cache.toString());
        // a requirements file of its own: BuildKit's cache would otherwise give its layer to the other tests'
        // builds of "greeting" from this index, and the one without credentials would not fail
        TestProject p = ws.project("privenv").file(".python-version", "3.11\n")
                .file("requirements.txt", "greeting==1.0.0  # from PIP_INDEX_URL\n");

        for (int i = 0; i < 2; i++) {
            ProcessResult r = withEnv.run(p.dir(), "run", "--", "python", "-c", "import greeting; print('ok')");
            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(r.stdout()).isEqualTo("ok\n");
        }
        withEnv.runOk(p.dir(), "build");

        try (var files = Files.walk(cache)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("the cache holds the run cache at least").isNotEmpty();
            for (Path file : all) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(text).as(file.toString()).doesNotContain(SECRET);
                if (file.toString().contains("/runs/")) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                            .isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void credentialsFromTheUsersNetrcWork() throws IOException {
        Path netrc = ws.path("netrc");
        Files.writeString(netrc, "machine github.com login me password other\nmachine 127.0.0.1 login " + USER
                + " password " + SECRET + "\n");
        TestProject p = ws.project("privnetrc").file(".python-version", "3.11\n").file("requirements.txt", "greeting\n");
        ProcessResult r = dockenv.withEnv("PIP_INDEX_URL", index.url()).withEnv("NETRC", netrc.toString())
                .run(p.dir(), "build");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertNoSecretIn(r.stdout().strip());
    }

    /**
     * A locked project's layers are installed by dockenv's wheel installer, which fetches the
     * lock's URLs with the credentials of the netrc build secret (a wheel of its own, so that no
     * cache of another build holds it).
     */
    @Test
    void theWheelInstallerFetchesALockedProjectsWheelsWithTheSecretsCredentials() throws IOException {
        TestProject p = ws.project("privlock").file(".python-version", "3.11\n")
                .file("dockenv.toml", "index-url = \"" + withCredentials() + "\"\n").file("requirements.txt", "privy\n");
        dockenv.runOk(p.dir(), "lock");
        assertThat(p.read("pylock.toml")).contains("privy-1.0-py3-none-any.whl").doesNotContain(SECRET);
        index.clearRequests();
        ProcessResult build = dockenv.run(p.dir(), "-v", "build");
        assertThat(build.exitCode()).as(build.describe()).isZero();
        assertThat(build.stderr()).contains("dockenv-install: privy 1.0 from privy-1.0-py3-none-any.whl\n")
                .doesNotContain(SECRET);
        assertThat(index.downloadedFiles()).containsExactly("privy-1.0-py3-none-any.whl");
        assertThat(dockenv.runOk(p.dir(), "run", "--", "python", "-c", "import privy; print('ok')").stdout())
                .isEqualTo("ok\n");
        assertNoSecretIn(build.stdout().strip());
    }

    @Test
    void withoutCredentialsPipsRefusalIsShown() {
        TestProject p = ws.project("privnone").file(".python-version", "3.11\n")
                .file("dockenv.toml", "index-url = \"" + index.url() + "\"\n").file("requirements.txt", "greeting\n");
        ProcessResult r = dockenv.run(p.dir(), "build");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(6);
        assertThat(p.images()).isEmpty();
    }

    @Test
    void theLegacyBuilderRefusesCredentialsRatherThanLeakingThem() {
        TestProject p = ws.project("privlegacy").file(".python-version", "3.11\n")
                .file("dockenv.toml", "index-url = \"" + withCredentials() + "\"\n")
                .file("requirements.txt", "greeting\n");
        ProcessResult r = dockenv.withEnv("DOCKER_BUILDKIT", "0").run(p.dir(), "build");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(8);
        assertThat(r.stderr()).contains("credentials", "BuildKit").doesNotContain(SECRET);
        assertThat(p.images()).isEmpty();
    }

    /** Not in the history, the image config, or any byte of any layer; nor the index's address in the history. */
    private void assertNoSecretIn(String image) throws IOException {
        ProcessResult history = Docker.runOk("history", "--no-trunc", image);
        assertThat(history.stdout()).doesNotContain(SECRET).doesNotContain(USER + ":");
        java.net.URI indexUri = java.net.URI.create(index.url());
        assertThat(history.stdout()).as("the package index in the image's history")
                .doesNotContain(indexUri.getHost() + ":" + indexUri.getPort());
        ProcessResult inspect = Docker.runOk("image", "inspect", image);
        assertThat(inspect.stdout()).doesNotContain(SECRET);
        Path saved = ws.path("saved-" + image.replaceAll("[^A-Za-z0-9]", "_") + ".tar");
        Docker.runOk("save", "-o", saved.toString(), image);
        assertThat(contains(saved, SECRET.getBytes(StandardCharsets.UTF_8))).as("secret in docker save output").isFalse();
        Files.delete(saved);
    }

    private static boolean contains(Path file, byte[] needle) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            int matched = 0;
            int b;
            while ((b = in.read()) >= 0) {
                if (b == needle[matched]) {
                    if (++matched == needle.length) {
                        return true;
                    }
                } else {
                    matched = b == needle[0] ? 1 : 0;
                }
            }
            return false;
        }
    }
}
