package dev.dockenv.lock.pipenv;

import static dev.dockenv.lock.pipenv.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.PepSyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipfileLockReaderTest {
    private static final String LOCAL = "http://127.0.0.1:18741/simple";
    private static final String MIRROR = "http://127.0.0.1:18742/simple";
    private static final String COLORSAY = "sha256:857a5a37d87267b093a5ec03ecd036b2f784928691b3e1b4d7e36f9808e29a33";
    private static final String GREETING_110 =
            "sha256:6f7faeab1540f261940de4a00468cea27b79a840d667840ab19f55d88c3cf941";
    private static final String GREETING_100 =
            "sha256:8283114cf6fc270391aacce97df41d688b319abd0c682a85b64c1173a82a52ee";
    private static final String DEVTOOL = "sha256:a934a269c86dac3cedecf4362f0202da90b06ebfefb30215bda58f87fc22de12";
    private static final String SHOUT = "sha256:b287cef546d3dc8d8ae1efc91f0c4d9c911baa69154811dfd197ee386ad45080";
    private static final String COMMIT = "79ab7fc64e59d9eb76e91801a78138c768a3cb3b";

    private static Optional<Marker> marker(String text) {
        try {
            return Optional.of(Marker.parse(text));
        } catch (PepSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static List<LockedArtifact> hashes(String... hashes) {
        return List.of(new LockedArtifact(Optional.empty(), Optional.empty(), List.of(hashes)));
    }

    private static LockedPackage named(LockFile lock, String name) {
        return lock.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void simple() {
        Path file = Fixtures.lock("simple");
        LockFile lock = PipfileLockReader.read(file);
        assertThat(lock.file()).isEqualTo(file);
        assertThat(lock.origin()).isEqualTo("Pipfile.lock");
        assertThat(lock.inputsDigest()).contains("b4149600066485fdcdcfe2e1d5a754d28a1593249748c146e4122cc7829645ab");
        assertThat(lock.indexUrls()).containsExactly(LOCAL);
        assertThat(lock.requiresPython()).contains("==3.11.*");
        assertThat(lock.packages()).containsExactly(
                new LockedPackage("colorsay", Optional.of("2.0.0"), Optional.empty(), hashes(COLORSAY),
                        new PackageSource.Registry(Optional.of(LOCAL)), Set.of("main"), at(file, 19, 9)),
                new LockedPackage("greeting", Optional.of("1.1.0"), marker("python_version >= '3.8'"),
                        hashes(GREETING_110), new PackageSource.Registry(Optional.empty()), Set.of("main"),
                        at(file, 26, 9)),
                new LockedPackage("devtool", Optional.of("0.3.0"), Optional.empty(), hashes(DEVTOOL),
                        new PackageSource.Registry(Optional.of(LOCAL)), Set.of("dev"), at(file, 35, 9)));
        assertThat(lock.packagesOf("dev")).extracting(LockedPackage::name).containsExactly("devtool");
        assertThat(named(lock, "colorsay").hashes()).containsExactly(COLORSAY);
    }

    @Test
    void pathFileAndVcsPackages() {
        Path file = Fixtures.lock("rich");
        LockFile lock = PipfileLockReader.read(file);
        assertThat(lock.requiresPython()).contains("==3.11.7");
        assertThat(lock.packagesOf("main")).extracting(LockedPackage::name).containsExactly("colorsay", "filepkg",
                "greeting", "localpkg", "richapp", "shout", "tiny-util", "vcspkg", "vcssub");
        String wheelUrl = "http://127.0.0.1:18741/files/filepkg-0.5.0-py3-none-any.whl";
        assertThat(named(lock, "filepkg")).isEqualTo(new LockedPackage("filepkg", Optional.of("0.5.0"),
                Optional.empty(), List.of(new LockedArtifact(Optional.of("filepkg-0.5.0-py3-none-any.whl"),
                        Optional.of(wheelUrl),
                        List.of("sha256:b71406941605d91a7d2df710223917e733cac1b1dc66876862fee0556c9f7fbd"))),
                new PackageSource.DirectUrl(wheelUrl), Set.of("main"), at(file, 25, 9)));
        assertThat(named(lock, "localpkg")).extracting(LockedPackage::version, LockedPackage::source,
                LockedPackage::artifacts).containsExactly(Optional.of("0.1"),
                        new PackageSource.LocalPath("./libs/localpkg", false), List.of());
        assertThat(named(lock, "richapp")).extracting(LockedPackage::version, LockedPackage::source)
                .containsExactly(Optional.empty(), new PackageSource.LocalPath(".", true));
        assertThat(named(lock, "vcspkg")).extracting(LockedPackage::version, LockedPackage::source)
                .containsExactly(Optional.empty(),
                        new PackageSource.Vcs("git+https://github.com/example/vcspkg", Optional.of(COMMIT)));
        assertThat(named(lock, "vcssub").source()).isEqualTo(new PackageSource.Vcs(
                "git+https://github.com/example/vcspkg#subdirectory=sub/vcssub", Optional.of(COMMIT)));
        assertThat(named(lock, "shout")).extracting(LockedPackage::marker, LockedPackage::artifacts)
                .containsExactly(marker("os_name == 'posix'"), hashes(SHOUT));
        assertThat(named(lock, "greeting").marker()).isEqualTo(marker("sys_platform == 'linux'"));
    }

    @Test
    void eachPackageTakesTheUrlOfItsNamedSource() {
        LockFile lock = PipfileLockReader.read(Fixtures.lock("sources"));
        assertThat(lock.indexUrls()).containsExactly(LOCAL, MIRROR);
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::source).containsExactly(
                org.assertj.core.groups.Tuple.tuple("colorsay", new PackageSource.Registry(Optional.of(MIRROR))),
                org.assertj.core.groups.Tuple.tuple("greeting", new PackageSource.Registry(Optional.of(LOCAL))),
                org.assertj.core.groups.Tuple.tuple("devtool", new PackageSource.Registry(Optional.of(MIRROR))));
        assertThat(named(lock, "greeting").version()).contains("1.0.0");
    }

    @Test
    void aPackageLockedAlikeInSeveralCategoriesIsOnePackageWithAllTheirGroups() {
        LockFile lock = PipfileLockReader.read(Fixtures.lock("categories"));
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::groups).containsExactly(
                org.assertj.core.groups.Tuple.tuple("colorsay", Set.of("test-tools", "docs")),
                org.assertj.core.groups.Tuple.tuple("greeting", Set.of("test-tools", "main", "docs")),
                org.assertj.core.groups.Tuple.tuple("shout", Set.of("test-tools")),
                org.assertj.core.groups.Tuple.tuple("devtool", Set.of("dev")));
        // "Test_Tools" leaves colorsay's index implicit, "docs" names it: the same package from the same index
        assertThat(named(lock, "colorsay").source()).isEqualTo(new PackageSource.Registry(Optional.of(LOCAL)));
        assertThat(lock.packagesOf("docs")).extracting(LockedPackage::name).containsExactly("colorsay", "greeting");
        assertThat(lock.packagesOf("main")).extracting(LockedPackage::name).containsExactly("greeting");
        assertThat(named(lock, "greeting").hashes()).containsExactly(GREETING_100);
    }

    @Test
    void differentVersionsOrMarkersStaySeparatePackages() {
        LockFile lock = PipfileLockReader.parse(Path.of("Pipfile.lock"), """
                {
                    "default": {"a": {"version": "==1.0", "hashes": ["sha256:%1$s"]},
                                "b": {"version": "==1.0", "markers": "os_name == 'nt'"}},
                    "develop": {"a": {"version": "==2.0"},
                                "b": {"version": "==1.0", "markers": "os_name == 'posix'"},
                                "c": {"version": "==3.0", "hashes": ["sha256:%1$s"]}},
                    "docs": {"A": {"version": "==1.0", "hashes": ["SHA256:%2$s"]}}
                }
                """.formatted("a".repeat(64), "B".repeat(64)));
        assertThat(lock.packages()).extracting(LockedPackage::name, LockedPackage::version, LockedPackage::groups)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", Optional.of("1.0"), Set.of("main", "docs")),
                        org.assertj.core.groups.Tuple.tuple("b", Optional.of("1.0"), Set.of("main")),
                        org.assertj.core.groups.Tuple.tuple("a", Optional.of("2.0"), Set.of("dev")),
                        org.assertj.core.groups.Tuple.tuple("b", Optional.of("1.0"), Set.of("dev")),
                        org.assertj.core.groups.Tuple.tuple("c", Optional.of("3.0"), Set.of("dev")));
        assertThat(lock.packages().get(0).hashes()).containsExactly("sha256:" + "a".repeat(64),
                "sha256:" + "b".repeat(64));
        assertThat(lock.inputsDigest()).isEmpty();
        assertThat(lock.indexUrls()).isEmpty();
        assertThat(lock.requiresPython()).isEmpty();
    }

    @Test
    void unicodeEscapesAndBackslashesAreDecoded() {
        LockFile lock = PipfileLockReader.read(Fixtures.lock("non-ascii"));
        assertThat(named(lock, "greeting").marker()).isEqualTo(marker("platform_version != 'ünï ✓ 😀'"));
        assertThat(named(lock, "greeting").source()).isEqualTo(new PackageSource.Registry(Optional.of(LOCAL)));
        assertThat(named(lock, "tiny.util").version()).contains("0.1.0");
        LockFile crlf = PipfileLockReader.read(Fixtures.lock("crlf-escapes"));
        assertThat(crlf.packages()).extracting(LockedPackage::source)
                .containsOnly(new PackageSource.Registry(Optional.of(LOCAL)));
    }

    @Test
    void theLockOfAPipfileWithoutSourcesNamesPypi() {
        LockFile lock = PipfileLockReader.read(Fixtures.lock("no-source"));
        assertThat(lock.indexUrls()).containsExactly("https://pypi.org/simple");
        assertThat(lock.packages()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"python_version\": \"3.11\"|==3.11.*",
        "\"python_full_version\": \"3.11.7\"|==3.11.7",
        "\"python_version\": \"3.11\", \"python_full_version\": \"3.11.7\"|==3.11.7",
        "\"python_version\": \"3.*\"|==3.*",
    })
    void requiresBecomesAPythonRange(String requires, String range) {
        LockFile lock = PipfileLockReader.parse(Path.of("Pipfile.lock"),
                "{\"_meta\": {\"requires\": {" + requires + "}}, \"default\": {}, \"develop\": {}}");
        assertThat(lock.requiresPython()).contains(range);
    }

    @Test
    void arbitraryEqualityAndUnknownKeysAreAccepted() {
        LockFile lock = PipfileLockReader.parse(Path.of("Pipfile.lock"),
                "{\"default\": {\"x\": {\"version\": \"===1.0-custom\", \"future_key\": [1, {\"y\": null}]}}}");
        assertThat(lock.packages().get(0).version()).contains("1.0-custom");
    }
}
