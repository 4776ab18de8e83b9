package dev.dockenv.decision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.format.Freshness;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.lock.format.LockReading;
import dev.dockenv.lock.pylock.PylockWriter;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An app's lock (pylock.NAME.toml): what its inputs digest covers, and how a lock on disk is judged. */
class AppLocksTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("lol"));
        write(".python-version", "3.11\n");
        write("requirements_base.txt", "requests\n");
        write("requirements-dev.txt", "black\n");
        write("requirements_parser.txt", "lark\n");
        write("requirements_api.txt", "flask\n");
        write("requirements_test.txt", "pytest\n");
        write("lol_data_parser/main.py", "");
        write("lol_data_api/wsgi.py", "");
        write("pyproject.toml", """
                [tool.dockenv]
                requirements = ["base"]

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]
                dev-requirements = ["test"]
                """);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private String appDigest(String app, Map<String, String> env) {
        Project project = ProjectScanner.scan(root);
        return LockInputs.appDigest(project, InstallDecider.unlocked(project, env), project.app(app).orElseThrow());
    }

    private String appDigest(String app) {
        return appDigest(app, Map.of());
    }

    private Map<String, LockReading> read() {
        return AppLocks.read(ProjectScanner.scan(root), Map.of());
    }

    private static LockFile lock(Path file) {
        LockedPackage p = new LockedPackage("flask", Optional.of("3.0.0"), Optional.empty(),
                List.of(new LockedArtifact(Optional.of("flask-3.0.0-py3-none-any.whl"),
                        Optional.of("http://127.0.0.1:1/files/flask-3.0.0-py3-none-any.whl"), List.of("sha256:" + "cd".repeat(32)))),
                new PackageSource.Registry(Optional.of("http://127.0.0.1:1/simple")), Set.of("main"),
                SourceLocation.of(file));
        return new LockFile(file, "requirements_api.txt", List.of(p), Optional.empty(), List.of(), Optional.empty());
    }

    @Test
    void anAppsDigestFollowsItsOwnFilesAndTheSharedInputsNotAnotherAppsFiles() throws IOException {
        String api = appDigest("api");
        String parser = appDigest("parser");
        assertThat(api).startsWith("sha256:").hasSize(7 + 64).isNotEqualTo(parser)
                .isNotEqualTo(LockInputs.digest(ProjectScanner.scan(root), InstallDecider.unlocked(ProjectScanner.scan(root),
                        Map.of())));
        assertThat(appDigest("api")).as("equal inputs, equal digest").isEqualTo(api);

        write("requirements_parser.txt", "lark>=1\n");
        assertThat(appDigest("api")).as("another app's requirements file").isEqualTo(api);
        assertThat(appDigest("parser")).as("its own requirements file").isNotEqualTo(parser);
        parser = appDigest("parser");

        write("requirements_api.txt", "flask>=3\n");
        assertThat(appDigest("api")).as("its own requirements file").isNotEqualTo(api);
        assertThat(appDigest("parser")).as("another app's requirements file").isEqualTo(parser);
        api = appDigest("api");

        write("requirements_test.txt", "pytest>=8\n");
        assertThat(appDigest("api")).as("its own dev requirements file").isNotEqualTo(api);
        assertThat(appDigest("parser")).isEqualTo(parser);
        api = appDigest("api");

        write("requirements_base.txt", "requests>=2\n");
        assertThat(appDigest("api")).as("a shared requirements file").isNotEqualTo(api);
        assertThat(appDigest("parser")).as("a shared requirements file").isNotEqualTo(parser);
        api = appDigest("api");

        write("requirements-dev.txt", "black>=24\n");
        assertThat(appDigest("api")).as("the shared dev requirements file").isNotEqualTo(api);
        api = appDigest("api");

        assertThat(appDigest("api", Map.of("PIP_INDEX_URL", "http://127.0.0.1:9/simple"))).as("the index")
                .isNotEqualTo(api);

        write(".python-version", "3.12\n");
        assertThat(appDigest("api")).as("the Python version").isNotEqualTo(api);
    }

    @Test
    void aFileTheAppsRequirementsIncludeCounts() throws IOException {
        write("requirements_api.txt", "-r requirements_web.txt\nflask\n");
        write("requirements_web.txt", "gunicorn\n");
        String api = appDigest("api");
        write("requirements_web.txt", "gunicorn>=22\n");
        assertThat(appDigest("api")).isNotEqualTo(api);
    }

    @Test
    void anAppWithoutItsLockFileHasNoneAndAFreshOneIsFresh() throws IOException {
        assertThat(read()).isEmpty();
        Path file = root.resolve("pylock.api.toml");
        assertThat(AppLocks.file(ProjectScanner.scan(root), "api")).isEqualTo(file);
        PylockWriter.write(lock(file), file, appDigest("api"));
        Map<String, LockReading> locks = read();
        assertThat(locks).containsOnlyKeys("api");
        assertThat(locks.get("api").format()).isEqualTo(LockFormat.PYLOCK);
        assertThat(locks.get("api").freshness()).isEqualTo(Freshness.FRESH);
        assertThat(locks.get("api").lock().packages()).extracting(LockedPackage::name).containsExactly("flask");
    }

    @Test
    void aLockOfBeforeAChangeIsStaleNamingTheAppAndItsFile() throws IOException {
        Path file = root.resolve("pylock.api.toml");
        PylockWriter.write(lock(file), file, appDigest("api"));
        write("requirements_api.txt", "flask\nitsdangerous\n");
        Freshness freshness = read().get("api").freshness();
        assertThat(freshness).isInstanceOf(Freshness.Stale.class);
        DockenvException e = ((Freshness.Stale) freshness).error();
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).contains("stale lock", "app 'api'", "pylock.api.toml");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("dockenv lock"));

        PylockWriter.write(lock(file), file, appDigest("api"));
        write("requirements_base.txt", "requests<3\n");
        assertThat(read().get("api").freshness()).as("a shared requirements file changed")
                .isInstanceOf(Freshness.Stale.class);
    }

    @Test
    void aLockWithoutADigestIsUnrecorded() throws IOException {
        Path file = root.resolve("pylock.parser.toml");
        Files.writeString(file, PylockWriter.toToml(lock(file)));
        assertThat(read()).containsOnlyKeys("parser");
        assertThat(read().get("parser").freshness()).isEqualTo(Freshness.UNRECORDED);
    }

    @Test
    void theSharedLockAndAnotherFileNamedLikeAnAppsLockAreNoAppsLock() throws IOException {
        Path shared = root.resolve("pylock.toml");
        PylockWriter.write(lock(shared), shared, "sha256:00");
        Path stranger = root.resolve("pylock.worker.toml");
        PylockWriter.write(lock(stranger), stranger, "sha256:00");
        assertThat(read()).isEmpty();
    }
}
