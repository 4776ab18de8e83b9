package dev.dockenv.lock.pylock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PylockReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(PylockReaderTest.class.getResource("/lock/pylock/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LockedPackage named(LockFile lock, String name) {
        List<LockedPackage> found = lock.packages().stream().filter(p -> p.name().equals(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static LockFile parse(String text, Set<String> extras) {
        return PylockReader.read(TomlDocument.parse(Path.of("pylock.toml"), text), extras);
    }

    @Test
    void readsThePepsExample() {
        LockFile lock = PylockReader.read(fixture("pylock.toml"));
        assertThat(lock.origin()).isEqualTo("pylock.toml");
        assertThat(lock.requiresPython()).contains("==3.12");
        assertThat(lock.inputsDigest()).isEmpty();
        assertThat(lock.indexUrls()).isEmpty();
        assertThat(lock.packages()).extracting(LockedPackage::name).containsExactly("attrs", "cattrs", "numpy");
        assertThat(lock.packagesOf("main")).hasSize(3);
        LockedPackage numpy = named(lock, "numpy");
        assertThat(numpy.version()).contains("2.2.3");
        assertThat(numpy.marker()).isEmpty();
        assertThat(numpy.source()).isEqualTo(new PackageSource.Registry(Optional.empty()));
        assertThat(numpy.artifacts()).extracting(LockedArtifact::fileName).containsExactly(
                Optional.of("numpy-2.2.3-cp312-cp312-win_amd64.whl"),
                Optional.of("numpy-2.2.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"));
        assertThat(numpy.hashes()).containsExactly(
                "sha256:83807d445817326b4bcdaaaf8e8e9f1753da04341eceec705c001ff342002e5d",
                "sha256:3b787adbf04b0db1967798dba8da1af07e387908ed1553a0d6e74c084d1ceafe");
        assertThat(numpy.location().line()).isEqualTo(30);
    }

    @Test
    void groupsComeFromDependencyGroupsMarkers() {
        LockFile lock = PylockReader.read(fixture("pylock.groups.toml"));
        assertThat(lock.packagesOf("main")).extracting(LockedPackage::name)
                .containsExactly("anyio", "shared-lib", "typing-extensions", "vendored-wheel");
        assertThat(lock.packagesOf("dev")).extracting(LockedPackage::name)
                .containsExactly("colorama", "pytest", "typing-extensions");
        assertThat(lock.packagesOf("docs")).extracting(LockedPackage::name).containsExactly("sphinx-theme");
        assertThat(lock.packagesOf("default")).isEmpty();
        assertThat(lock.packages()).extracting(LockedPackage::name).doesNotContain("pysocks");
    }

    @Test
    void whatIsLeftOfAMarkerIsThePackagesMarker() {
        LockFile lock = PylockReader.read(fixture("pylock.groups.toml"));
        LockedPackage te = named(lock, "typing-extensions");
        assertThat(te.groups()).containsExactlyInAnyOrder("main", "dev");
        assertThat(te.marker().orElseThrow()).hasToString("python_version < \"3.13\"");
        assertThat(named(lock, "colorama").marker().orElseThrow()).hasToString("sys_platform == \"win32\"");
        assertThat(named(lock, "pytest").marker()).isEmpty();
    }

    @Test
    void extrasAreMainWhenRequested() {
        LockFile lock = PylockReader.read(fixture("pylock.groups.toml"), Set.of("socks"));
        LockedPackage socks = named(lock, "pysocks");
        assertThat(socks.groups()).containsExactly("main");
        assertThat(socks.marker()).isEmpty();
    }

    @Test
    void sourcesOtherThanAnIndex() {
        LockFile lock = PylockReader.read(fixture("pylock.groups.toml"));
        assertThat(named(lock, "sphinx-theme").source()).isEqualTo(new PackageSource.Vcs(
                "git+https://github.com/example/sphinx-theme.git",
                Optional.of("9f2e4d6c8b0a1e3f5d7c9b1a3e5f7d9c1b3a5e7f")));
        assertThat(named(lock, "shared-lib").source()).isEqualTo(new PackageSource.LocalPath("libs/shared", true));
        assertThat(named(lock, "shared-lib").version()).isEmpty();
        LockedPackage vendored = named(lock, "vendored-wheel");
        assertThat(vendored.source()).isEqualTo(new PackageSource.DirectUrl(
                "https://downloads.example.org/vendored_wheel-1.0.0-py3-none-any.whl"));
        assertThat(vendored.artifacts()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).contains("vendored_wheel-1.0.0-py3-none-any.whl");
            assertThat(a.hashes()).hasSize(1);
        });
    }

    private static final String HEADER = """
            lock-version = "1.0"
            extras = ["fast"]
            dependency-groups = ["test"]
            default-groups = ["default"]
            created-by = "hand"
            """;

    private static String pkg(String name, String marker) {
        return """

                [[packages]]
                name = "%s"
                version = "1.0"
                marker = "%s"
                wheels = [{ url = "https://example.org/%s-1.0-py3-none-any.whl", hashes = { sha256 = "%s" } }]
                """.formatted(name, marker.replace("\"", "\\\""), name, "ab".repeat(32));
    }

    @Test
    void aGroupCountsOnlyWhereItMakesADifference() {
        String text = HEADER
                + pkg("plain", "sys_platform == 'linux'")
                + pkg("either", "'test' in dependency_groups or sys_platform == 'win32'")
                + pkg("both", "'test' in dependency_groups and 'fast' in extras")
                + pkg("negated", "'test' not in dependency_groups");
        LockFile none = parse(text, Set.of());
        assertThat(named(none, "plain").groups()).containsExactly("main");
        assertThat(none.packages().stream().filter(p -> p.name().equals("either")).toList())
                .extracting(p -> p.groups() + " " + p.marker().map(Object::toString).orElse("always"))
                .containsExactly("[main] sys_platform == \"win32\"", "[test] always");
        assertThat(none.packages()).extracting(LockedPackage::name).doesNotContain("both");
        assertThat(named(none, "negated").groups()).containsExactly("main");

        LockFile fast = parse(text, Set.of("fast"));
        assertThat(named(fast, "both").groups()).containsExactly("test");
    }

    @Test
    void unknownExtrasAreRefused() {
        InputException e = catchThrowableOfType(InputException.class, () -> parse(HEADER + "packages = []\n", Set.of("slow")));
        assertThat(e.getMessage()).isEqualTo("pylock.toml:2:1: extra 'slow' is not in the lock");
        assertThat(e.hint()).contains("its extras are: fast");
    }
}
