package dev.dockenv.lock.uv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.pylock.PylockReader;
import dev.dockenv.lock.pylock.PylockWriter;
import dev.dockenv.pep.MarkerEnvironment;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UvLockReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(UvLockReaderTest.class.getResource("/lock/uv/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LockFile webapp(Set<String> extras) {
        return UvLockReader.read(fixture("uv.lock"), extras);
    }

    private static List<LockedPackage> named(LockFile lock, String name) {
        return lock.packages().stream().filter(p -> p.name().equals(name)).toList();
    }

    private static LockedPackage only(LockFile lock, String name) {
        List<LockedPackage> found = named(lock, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static String marker(LockedPackage p) {
        return p.marker().map(Object::toString).orElse("");
    }

    @Test
    void readsTheLockAsAWhole() {
        LockFile lock = webapp(Set.of());
        assertThat(lock.origin()).isEqualTo("uv.lock");
        assertThat(lock.file()).isEqualTo(fixture("uv.lock"));
        assertThat(lock.requiresPython()).contains(">=3.10");
        assertThat(lock.inputsDigest()).isEmpty();
        assertThat(lock.indexUrls()).containsExactly("https://pypi.org/simple");
        assertThat(lock.packages()).extracting(LockedPackage::name).doesNotContain("webapp", "pyyaml");
    }

    @Test
    void mainIsWhatTheProjectDependenciesReach() {
        LockFile lock = webapp(Set.of());
        assertThat(lock.packagesOf("main")).extracting(LockedPackage::name).containsExactly(
                "anyio", "click", "colorama", "exceptiongroup", "idna", "tinyhelpers", "typing-extensions");
    }

    @Test
    void eachDependencyGroupIsWhatItsEdgesReach() {
        LockFile lock = webapp(Set.of());
        assertThat(lock.packagesOf("dev")).extracting(LockedPackage::name).containsExactly(
                "colorama", "exceptiongroup", "iniconfig", "packaging", "pluggy", "pygments", "pytest", "tomli",
                "typing-extensions");
        assertThat(lock.packagesOf("lint")).extracting(LockedPackage::name).containsExactly("ruff");
    }

    @Test
    void markersAreCombinedAlongThePath() {
        LockFile lock = webapp(Set.of());
        // click -> colorama; sys_platform == 'win32' and pytest -> colorama; same marker in both groups
        LockedPackage colorama = only(lock, "colorama");
        assertThat(colorama.groups()).containsExactlyInAnyOrder("main", "dev");
        assertThat(marker(colorama)).isEqualTo("sys_platform == \"win32\"");
        assertThat(marker(only(lock, "tomli"))).isEqualTo("python_full_version < \"3.11\"");
        assertThat(only(lock, "anyio").marker()).isEmpty();
    }

    @Test
    void aPackageNeededUnderDifferentMarkersPerGroupIsOneEntryPerMarker() {
        // main: anyio -> typing-extensions (< 3.13) or anyio -> exceptiongroup -> typing-extensions
        // (< 3.11 and < 3.13), which the first path implies; dev: only the second path
        List<LockedPackage> te = named(webapp(Set.of()), "typing-extensions");
        assertThat(te).hasSize(2);
        assertThat(te.get(0).groups()).containsExactly("main");
        assertThat(marker(te.get(0))).isEqualTo("python_full_version < \"3.13\"");
        assertThat(te.get(1).groups()).containsExactly("dev");
        assertThat(marker(te.get(1))).isEqualTo("python_full_version < \"3.11\" and python_full_version < \"3.13\"");
        assertThat(te.get(0).artifacts()).isEqualTo(te.get(1).artifacts());
    }

    @Test
    void requestedExtrasAddTheirDependenciesToMain() {
        LockFile lock = webapp(Set.of("YAML"));
        LockedPackage yaml = only(lock, "pyyaml");
        assertThat(yaml.groups()).containsExactly("main");
        assertThat(yaml.artifacts()).hasSize(3);
    }

    @Test
    void artifactsCarryFileNamesUrlsAndHashes() {
        LockedPackage anyio = only(webapp(Set.of()), "anyio");
        assertThat(anyio.version()).contains("4.12.0");
        assertThat(anyio.source()).isEqualTo(new PackageSource.Registry(Optional.of("https://pypi.org/simple")));
        assertThat(anyio.artifacts()).extracting(LockedArtifact::fileName).containsExactly(
                Optional.of("anyio-4.12.0.tar.gz"), Optional.of("anyio-4.12.0-py3-none-any.whl"));
        assertThat(anyio.artifacts().get(1).url().orElseThrow()).startsWith("https://files.pythonhosted.org/")
                .endsWith("/anyio-4.12.0-py3-none-any.whl");
        assertThat(anyio.hashes()).containsExactly(
                "sha256:73c693b567b0c55130c104d0b43a9baf3aa6a31fc6110116509f27bf75e21ec0",
                "sha256:dad2376a628f98eeca4881fc56cd06affd18f659b17a747d3ff0307ced94b1bb");
        assertThat(anyio.location().line()).isEqualTo(5);
    }

    @Test
    void gitSourcesBecomeVcsWithTheLockedCommit() {
        LockedPackage helpers = only(webapp(Set.of()), "tinyhelpers");
        assertThat(helpers.source()).isEqualTo(new PackageSource.Vcs("git+https://github.com/example/tinyhelpers",
                Optional.of("4b5c1f0e2d3a4b5c6d7e8f9012a3b4c5d6e7f801")));
        assertThat(helpers.artifacts()).isEmpty();
    }

    @Test
    void markersEvaluateForTheTargetEnvironment() {
        LockFile lock = webapp(Set.of());
        MarkerEnvironment py312 = MarkerEnvironment.forLinux("3.12.7");
        List<String> installed = lock.packagesOf("main").stream()
                .filter(p -> p.marker().map(m -> m.evaluate(py312, Set.of())).orElse(true))
                .map(LockedPackage::name).toList();
        assertThat(installed).containsExactly("anyio", "click", "idna", "tinyhelpers", "typing-extensions");
    }

    private static LockFile parse(String text, Set<String> extras) {
        return UvLockReader.read(TomlDocument.parse(Path.of("uv.lock"), text), extras);
    }

    /** A forked resolution with conflicting extras, as uv writes it for [tool.uv] conflicts. */
    private static final String FORKED = """
            version = 1
            revision = 3
            requires-python = ">=3.9"
            resolution-markers = [
                "python_full_version >= '3.10'",
                "python_full_version < '3.10'",
            ]
            conflicts = [[
                { package = "sciapp", extra = "v1" },
                { package = "sciapp", extra = "v2" },
            ]]

            [[package]]
            name = "helper"
            version = "1.0"
            source = { registry = "https://pypi.org/simple" }
            resolution-markers = [
                "extra == 'extra-6-sciapp-v1'",
            ]
            wheels = [
                { url = "https://example.org/helper-1.0-py3-none-any.whl", hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111", size = 10 },
            ]

            [[package]]
            name = "helper"
            version = "2.0"
            source = { registry = "https://pypi.org/simple" }
            resolution-markers = [
                "extra != 'extra-6-sciapp-v1'",
            ]
            wheels = [
                { url = "https://example.org/helper-2.0-py3-none-any.whl", hash = "sha256:2222222222222222222222222222222222222222222222222222222222222222", size = 10 },
            ]

            [[package]]
            name = "numpy"
            version = "2.0.2"
            source = { registry = "https://pypi.org/simple" }
            resolution-markers = [
                "python_full_version < '3.10'",
            ]
            sdist = { url = "https://example.org/numpy-2.0.2.tar.gz", hash = "sha256:3333333333333333333333333333333333333333333333333333333333333333", size = 10 }

            [[package]]
            name = "numpy"
            version = "2.2.6"
            source = { registry = "https://pypi.org/simple" }
            resolution-markers = [
                "python_full_version >= '3.10'",
            ]
            sdist = { url = "https://example.org/numpy-2.2.6.tar.gz", hash = "sha256:4444444444444444444444444444444444444444444444444444444444444444", size = 10 }

            [[package]]
            name = "plotter"
            version = "1.0"
            source = { registry = "https://pypi.org/simple" }
            dependencies = [
                { name = "helper", version = "1.0", source = { registry = "https://pypi.org/simple" }, marker = "extra == 'extra-6-sciapp-v1'" },
                { name = "helper", version = "2.0", source = { registry = "https://pypi.org/simple" }, marker = "extra != 'extra-6-sciapp-v1'" },
            ]
            sdist = { url = "https://example.org/plotter-1.0.tar.gz", hash = "sha256:5555555555555555555555555555555555555555555555555555555555555555", size = 10 }

            [[package]]
            name = "sciapp"
            version = "0.1.0"
            source = { virtual = "." }
            dependencies = [
                { name = "numpy", version = "2.0.2", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version < '3.10'" },
                { name = "numpy", version = "2.2.6", source = { registry = "https://pypi.org/simple" }, marker = "python_full_version >= '3.10'" },
                { name = "plotter" },
            ]

            [package.optional-dependencies]
            v1 = [
                { name = "helper", version = "1.0", source = { registry = "https://pypi.org/simple" } },
            ]
            v2 = [
                { name = "helper", version = "2.0", source = { registry = "https://pypi.org/simple" } },
            ]
            """;

    @Test
    void aForkedResolutionGivesOneEntryPerVersionWithItsMarker() {
        LockFile lock = parse(FORKED, Set.of());
        List<LockedPackage> numpy = named(lock, "numpy");
        assertThat(numpy).extracting(p -> p.version().orElseThrow()).containsExactly("2.0.2", "2.2.6");
        assertThat(numpy).extracting(UvLockReaderTest::marker)
                .containsExactly("python_full_version < \"3.10\"", "python_full_version >= \"3.10\"");
        assertThat(named(lock, "sciapp")).isEmpty();
    }

    @Test
    void conflictMarkersAreDecidedByTheRequestedExtras() {
        LockFile none = parse(FORKED, Set.of());
        assertThat(named(none, "helper")).extracting(p -> p.version().orElseThrow()).containsExactly("2.0");
        assertThat(only(none, "helper").marker()).isEmpty();

        LockFile v1 = parse(FORKED, Set.of("v1"));
        assertThat(named(v1, "helper")).extracting(p -> p.version().orElseThrow()).containsExactly("1.0");

        LockFile v2 = parse(FORKED, Set.of("v2"));
        assertThat(named(v2, "helper")).extracting(p -> p.version().orElseThrow()).containsExactly("2.0");
    }

    @Test
    void cyclesAndSelfReferencingExtrasReachAFixedPoint() {
        LockFile lock = parse("""
                version = 1
                requires-python = ">=3.12"

                [[package]]
                name = "a"
                version = "1"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [{ name = "b", marker = "os_name == 'posix'" }]

                [[package]]
                name = "b"
                version = "1"
                source = { registry = "https://pypi.org/simple" }
                dependencies = [{ name = "a", marker = "platform_machine == 'x86_64'" }]

                [[package]]
                name = "proj"
                version = "0.1.0"
                source = { editable = "." }

                [package.optional-dependencies]
                all = [{ name = "proj", extra = ["core"] }]
                core = [{ name = "a" }]
                """, Set.of("all"));
        assertThat(lock.packages()).extracting(LockedPackage::name).containsExactly("a", "b");
        assertThat(lock.packages().get(0).marker()).isEmpty();
        assertThat(marker(lock.packages().get(1))).isEqualTo("os_name == \"posix\"");
    }

    @Test
    void aWorkspaceWithoutARootProjectUsesItsManifestMembers() {
        LockFile lock = parse("""
                version = 1
                requires-python = ">=3.12"

                [manifest]
                members = ["api", "core"]

                [manifest.dependency-groups]
                dev = [{ name = "six", specifier = ">=1" }]

                [[package]]
                name = "api"
                version = "0.1.0"
                source = { editable = "packages/api" }
                dependencies = [{ name = "core" }]

                [[package]]
                name = "core"
                version = "0.1.0"
                source = { editable = "packages/core" }

                [[package]]
                name = "six"
                version = "1.17.0"
                source = { registry = "https://pypi.org/simple" }
                wheels = [{ url = "https://example.org/six-1.17.0-py2.py3-none-any.whl", hash = "sha256:4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274", size = 11050 }]
                """, Set.of());
        assertThat(lock.packages()).extracting(LockedPackage::name).containsExactly("six");
        assertThat(lock.packages().get(0).groups()).containsExactly("dev");
    }

    @Test
    void aWorkspaceMemberDependedOnIsAnEditablePath() {
        LockFile lock = parse("""
                version = 1
                requires-python = ">=3.12"

                [manifest]
                members = ["app", "lib"]

                [[package]]
                name = "app"
                version = "0.1.0"
                source = { virtual = "." }
                dependencies = [{ name = "lib" }]

                [[package]]
                name = "lib"
                source = { editable = "packages/lib" }
                """, Set.of());
        LockedPackage lib = only(lock, "lib");
        assertThat(lib.source()).isEqualTo(new PackageSource.LocalPath("packages/lib", true));
        assertThat(lib.version()).isEmpty();
    }

    @Test
    void everyKindOfSourceMapsToTheModel() {
        LockFile lock = parse("""
                version = 1
                requires-python = ">=3.12"

                [[package]]
                name = "app"
                version = "0.1.0"
                source = { editable = "." }
                dependencies = [{ name = "dir-pkg" }, { name = "path-pkg" }, { name = "url-pkg" }, { name = "vendored" }]

                [[package]]
                name = "dir-pkg"
                version = "1.0"
                source = { directory = "../dir-pkg" }

                [[package]]
                name = "path-pkg"
                version = "1.0"
                source = { path = "dist/path_pkg-1.0-py3-none-any.whl" }
                wheels = [{ filename = "path_pkg-1.0-py3-none-any.whl", hash = "sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" }]

                [[package]]
                name = "url-pkg"
                version = "1.0"
                source = { url = "https://example.org/url_pkg-1.0.tar.gz", subdirectory = "python" }
                sdist = { hash = "sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" }

                [[package]]
                name = "vendored"
                version = "2.0"
                source = { registry = "vendor/wheels" }
                wheels = [{ path = "vendored-2.0-py3-none-any.whl", hash = "sha256:cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc" }]
                """, Set.of());
        assertThat(only(lock, "dir-pkg").source()).isEqualTo(new PackageSource.LocalPath("../dir-pkg", false));
        assertThat(only(lock, "path-pkg").source())
                .isEqualTo(new PackageSource.LocalPath("dist/path_pkg-1.0-py3-none-any.whl", false));
        assertThat(only(lock, "path-pkg").artifacts()).containsExactly(new LockedArtifact(
                Optional.of("path_pkg-1.0-py3-none-any.whl"), Optional.of("dist/path_pkg-1.0-py3-none-any.whl"),
                List.of("sha256:" + "a".repeat(64))));
        assertThat(only(lock, "url-pkg").source())
                .isEqualTo(new PackageSource.DirectUrl("https://example.org/url_pkg-1.0.tar.gz#subdirectory=python"));
        assertThat(only(lock, "url-pkg").artifacts()).containsExactly(new LockedArtifact(
                Optional.of("url_pkg-1.0.tar.gz"), Optional.of("https://example.org/url_pkg-1.0.tar.gz"),
                List.of("sha256:" + "b".repeat(64))));
        assertThat(only(lock, "vendored").source())
                .isEqualTo(new PackageSource.Registry(Optional.of("vendor/wheels")));
        assertThat(only(lock, "vendored").artifacts().get(0).url()).contains("vendored-2.0-py3-none-any.whl");
        assertThat(lock.indexUrls()).isEmpty();

        LockFile back = PylockReader.read(TomlDocument.parse(Path.of("pylock.toml"), PylockWriter.toToml(lock)),
                Set.of());
        assertThat(back.packages()).extracting(LockedPackage::source, LockedPackage::artifacts)
                .isEqualTo(lock.packages().stream().map(p -> tuple(p.source(), p.artifacts())).toList());
    }
}
