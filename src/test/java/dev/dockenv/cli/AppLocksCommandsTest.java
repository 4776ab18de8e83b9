package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.LockInputs;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.pylock.PylockWriter;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apps' locks through the commands, against the in-memory engine: {@code lock --check} judges
 * each app's pylock.NAME.toml, a build installs from them, and a stale one stops a build. The locks
 * are written here as {@code dockenv lock} writes them (resolving one needs a real engine).
 */
class AppLocksCommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        project = Files.createDirectories(tmp.resolve("lol"));
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "lark\n");
        file("requirements_api.txt", "flask\n");
        file("lol_data_parser/main.py", "");
        file("lol_data_api/wsgi.py", "");
        file("worker/run.py", "");
        file("pyproject.toml", """
                [tool.dockenv]
                requirements = ["base"]

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]

                [tool.dockenv.apps.worker]
                """);
        cli = new CliHarness(tmp.resolve("cache"));
    }

    private void file(String path, String content) throws IOException {
        Path p = project.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private Project scan() {
        return ProjectScanner.scan(project);
    }

    private static LockFile lock(Path file, String... namesAndVersions) {
        List<LockedPackage> packages = new ArrayList<>();
        for (String nv : namesAndVersions) {
            String[] p = nv.split("==");
            packages.add(new LockedPackage(p[0], Optional.of(p[1]), Optional.empty(),
                    List.of(new LockedArtifact(Optional.of(p[0] + "-" + p[1] + "-py3-none-any.whl"),
                            Optional.of("http://127.0.0.1:1/files/" + p[0] + "-" + p[1] + "-py3-none-any.whl"),
                            List.of("sha256:" + Integer.toHexString(nv.hashCode()).repeat(8).substring(0, 64)))),
                    new PackageSource.Registry(Optional.of("http://127.0.0.1:1/simple")), Set.of("main"),
                    SourceLocation.of(file)));
        }
        return new LockFile(file, file.getFileName().toString(), packages, Optional.empty(), List.of(), Optional.empty());
    }

    /** The shared pylock.toml and the apps' locks, each with the digest of its inputs now. */
    private void lockAll() throws IOException {
        Project p = scan();
        var unlocked = InstallDecider.unlocked(p, Map.of());
        Path shared = project.resolve("pylock.toml");
        PylockWriter.write(lock(shared, "requests==2.31.0"), shared, LockInputs.digest(p, unlocked));
        Path api = project.resolve("pylock.api.toml");
        PylockWriter.write(lock(api, "requests==2.31.0", "flask==3.0.0"), api,
                LockInputs.appDigest(p, unlocked, p.app("api").orElseThrow()));
        Path parser = project.resolve("pylock.parser.toml");
        PylockWriter.write(lock(parser, "requests==2.31.0", "lark==1.1.9"), parser,
                LockInputs.appDigest(p, unlocked, p.app("parser").orElseThrow()));
    }

    @Test
    void freshLocksOfEveryAppAreUpToDateAndAnAppWithoutRequirementsHasTheSharedOne() throws IOException {
        lockAll();
        assertThat(cli.run(project, "lock", "--check")).as(cli.err).isZero();
        assertThat(cli.err).contains("dockenv: pylock.toml is up to date\n", "dockenv: pylock.parser.toml is up to date\n",
                "dockenv: pylock.api.toml is up to date\n",
                "dockenv: app worker declares no requirements of its own: the shared lock is its lock\n");
        assertThat(cli.engine.builds).isEmpty();
    }

    @Test
    void aStaleAppLockIsExitFourNamingIt() throws IOException {
        lockAll();
        file("requirements_api.txt", "flask\nitsdangerous\n");
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("stale lock", "app 'api'", "pylock.api.toml", "dockenv lock")
                .doesNotContain("pylock.parser.toml");
    }

    @Test
    void aSharedChangeMakesEveryAppsLockStale() throws IOException {
        lockAll();
        Path shared = project.resolve("pylock.toml");
        file("requirements_base.txt", "requests<3\n");
        Project p = scan();
        PylockWriter.write(lock(shared, "requests==2.31.0"), shared, LockInputs.digest(p,
                InstallDecider.unlocked(p, Map.of())));
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("app 'parser'", "pylock.parser.toml");
    }

    @Test
    void anAppWithRequirementsOfItsOwnButNoLockIsExitFour() throws IOException {
        lockAll();
        Files.delete(project.resolve("pylock.parser.toml"));
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("no lock for app 'parser': pylock.parser.toml does not exist",
                "run `dockenv lock`");
    }

    @Test
    void anAppLockWithoutADigestIsNotDockenvs() throws IOException {
        lockAll();
        Path api = project.resolve("pylock.api.toml");
        Files.writeString(api, PylockWriter.toToml(lock(api, "flask==3.0.0")));
        assertThat(cli.run(project, "lock", "--check")).isEqualTo(4);
        assertThat(cli.err).contains("pylock.api.toml records no inputs digest");
    }

    @Test
    void aBuildOfAnAppInstallsItsLockAndAStaleOneStopsIt() throws IOException {
        lockAll();
        assertThat(cli.run(project, "build", "--app", "api")).as(cli.err).isZero();
        assertThat(cli.engine.builds).singleElement().satisfies(b -> assertThat(b.target()).contains("api-dev"));
        String tar = new String(cli.engine.contexts.get(0), StandardCharsets.ISO_8859_1);
        assertThat(tar).contains("project/.dockenv/api-main.layer-1-of-1.wheels.txt", "package flask 3.0.0 sha256:",
                "project/.dockenv/install-wheels.py", "--from=deps-api-main-1 /opt/dockenv-layer/ /opt/venv/",
                "AS deps-api-main-1")
                .doesNotContain("parser-main", "lark");

        file("requirements_api.txt", "flask\nitsdangerous\n");
        assertThat(cli.run(project, "build", "--app", "api")).isEqualTo(4);
        assertThat(cli.err).contains("stale lock", "pylock.api.toml");
        assertThat(cli.engine.builds).hasSize(1);
    }

    @Test
    void statusSaysWhichAppsAreLocked() throws IOException {
        lockAll();
        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("api (lol_data_api/): adds requirements_api.txt; locked in pylock.api.toml "
                + "(2 packages)").contains("worker (worker/): no requirements of its own");
        assertThat(cli.out).doesNotContain("pylock.worker.toml");
    }

    @Test
    void addToAnAppWhoseLockAnotherToolWroteLeavesBothAsTheyWere() throws IOException {
        Path api = project.resolve("pylock.api.toml");
        String foreign = PylockWriter.toToml(lock(api, "flask==3.0.0"));
        Files.writeString(api, foreign);
        for (List<String> command : List.of(List.of("add", "flask-cors"), List.of("remove", "flask"))) {
            assertThat(cli.run(project, command.get(0), "--app", "api", "--no-sync", command.get(1))).as(cli.err)
                    .isEqualTo(4);
            assertThat(cli.err).contains("pylock.api.toml was written by another tool, which dockenv does not overwrite",
                    "delete it").doesNotContain("added", "removed");
            assertThat(Files.readString(api)).isEqualTo(foreign);
            assertThat(Files.readString(project.resolve("requirements_api.txt"))).isEqualTo("flask\n");
        }
        assertThat(cli.run(project, "add", "--app", "parser", "--no-sync", "regex")).as("another app's change")
                .isZero();
        assertThat(Files.readString(api)).isEqualTo(foreign);
    }

    @Test
    void aSharedChangeWhereTheAppsAloneAreLockedRelocksThemRatherThanLeaveThemStale() throws IOException {
        // the shared environment declares nothing: `dockenv lock` writes the apps' locks alone
        for (String f : List.of("requirements_base.txt", "requirements_api.txt", "requirements_parser.txt")) {
            Files.delete(project.resolve(f));
        }
        file("lol_data_api/requirements.txt", "flask\n");
        file("lol_data_parser/requirements.txt", "lark\n");
        file("pyproject.toml", """
                [tool.dockenv.apps.parser]
                path = "lol_data_parser"

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                """);
        Project p = scan();
        var unlocked = InstallDecider.unlocked(p, Map.of());
        Path api = project.resolve("pylock.api.toml");
        PylockWriter.write(lock(api, "flask==3.0.0"), api, LockInputs.appDigest(p, unlocked, p.app("api").orElseThrow()));
        Path parser = project.resolve("pylock.parser.toml");
        PylockWriter.write(lock(parser, "lark==1.1.9"), parser, LockInputs.appDigest(p, unlocked,
                p.app("parser").orElseThrow()));
        assertThat(cli.run(project, "lock", "--check")).as(cli.err).isZero();
        String before = Files.readString(project.resolve("pyproject.toml"));

        // a shared dependency changes every app's inputs: their locks are resolved again (which this
        // engine cannot do, so the change is undone) instead of being left stale
        int code = cli.run(project, "add", "--no-sync", "requests");
        assertThat(code).as(cli.err).isNotZero();
        assertThat(cli.err).contains("resolving", "left as they were");
        assertThat(Files.readString(project.resolve("pyproject.toml"))).isEqualTo(before);
        assertThat(project.resolve("requirements.txt")).doesNotExist();
        assertThat(project.resolve("pylock.toml")).doesNotExist();
        assertThat(cli.run(project, "lock", "--check")).as(cli.err).isZero();
    }
}
