package dev.dockenv.lock.poetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.python.DeclaredRequirement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoetryLockReaderTest {
    private static final Optional<String> FIXTURE_INDEX = Optional.of("http://127.0.0.1:8765/simple");

    @TempDir
    Path tmp;

    /** Written by the real poetry 1.3.2 (lock-version 2.0 with category). */
    @Test
    void readsTheLockWrittenByTheRealPoetry() {
        LockFile lock = read("real-poetry-1.3");

        assertThat(lock.origin()).isEqualTo("poetry.lock");
        assertThat(lock.inputsDigest()).contains("7ef22c0b824222ec2d10057c8d1ddd01be23abe68db9de9da3bc6d463fc335de");
        assertThat(lock.requiresPython()).contains(">=3.8,<4.0");
        assertThat(lock.indexUrls()).containsExactly("http://127.0.0.1:8765/simple/");
        assertThat(summary(lock)).containsExactly(
                Map.entry("colorsay", "2.0.0 [main]"),
                Map.entry("devtool", "0.3.0 [dev]"),
                Map.entry("docsgen", "1.2.0 [docs]"),
                Map.entry("greeting", "1.1.0 [dev, main]"),
                Map.entry("localpkg", "0.5.0 [main]"),
                Map.entry("oldcompat", "0.9.0 [main] python_version < \"3.12\" and extra == \"legacy\""),
                Map.entry("sparkle", "0.1.0 [main]"),
                Map.entry("winonly", "1.0.0 [main] sys_platform == \"win32\""));
        LockedPackage colorsay = lock.packages().get(0);
        assertThat(colorsay.source()).isEqualTo(new PackageSource.Registry(FIXTURE_INDEX));
        assertThat(colorsay.artifacts()).containsExactly(new LockedArtifact(
                Optional.of("colorsay-2.0.0-py3-none-any.whl"), Optional.empty(),
                List.of("sha256:7b8140e752f3c73edfd1bb76ccb42ca30ef5d343841891b8fd2b5ed45a7506cb")));
        assertThat(colorsay.location()).isEqualTo(new SourceLocation(PoetryFixtures.path("real-poetry-1.3/poetry.lock"),
                3, 1));
        LockedPackage localpkg = lock.packages().get(4);
        assertThat(localpkg.source()).isEqualTo(new PackageSource.LocalPath("libs/localpkg", true));
        assertThat(localpkg.artifacts()).isEmpty();
        assertThat(lock.packagesOf("dev")).extracting(LockedPackage::name).containsExactly("devtool", "greeting");
    }

    /** The same lock as poetry 1.5 to 1.8 write it: no category, so the groups come from the walk alone. */
    @Test
    void walksTheGroupsOfALockVersion20WithoutCategory() {
        assertThat(summary(read("lock-2.0"))).isEqualTo(summary(read("real-poetry-1.3")));
    }

    @Test
    void fallsBackToCategoryForPackagesNoGroupReaches() {
        Path lock = PoetryFixtures.path("real-poetry-1.3/poetry.lock");
        DeclaredDependencies none = new DeclaredDependencies(lock, PoetryManifestReader.FORMAT, Map.of(),
                Optional.empty(), List.of());
        assertThat(PoetryLockReader.read(lock, none).packages()).extracting(LockedPackage::groups)
                .containsExactly(Set.of("main"), Set.of("dev"), Set.of("dev"), Set.of("main"), Set.of("main"),
                        Set.of("main"), Set.of("main"), Set.of("main"));
        Path withoutCategory = PoetryFixtures.path("lock-2.0/poetry.lock");
        assertThat(PoetryLockReader.read(withoutCategory, none).packages())
                .allSatisfy(p -> assertThat(p.groups()).isEmpty());
    }

    /** Two versions of one package, one per Python range, written by the real poetry 1.3.2. */
    @Test
    void guardsEachVersionOfAPackageByItsPythonRange() {
        LockFile lock = read("real-poetry-1.3-legacy");
        assertThat(lock.packages()).extracting(p -> p.name() + " " + p.version().orElseThrow() + " "
                + new java.util.TreeSet<>(p.groups()) + " " + p.marker().map(Object::toString).orElse("-"))
                .containsExactly(
                        "colorsay 2.0.0 [main] -",
                        "devtool 0.3.0 [dev] -",
                        "greeting 1.0.0 [dev, main] python_version < \"3.8\"",
                        "greeting 1.1.0 [dev, main] python_version >= \"3.8\"",
                        "winonly 1.0.0 [main] sys_platform == \"win32\"");
        LockedPackage old = lock.packages().get(2);
        assertThat(old.marker().orElseThrow().evaluate(MarkerEnvironment.forLinux("3.7.17"))).isTrue();
        assertThat(old.marker().orElseThrow().evaluate(MarkerEnvironment.forLinux("3.12.1"))).isFalse();
    }

    /** poetry 2: the groups and markers are in the lock. */
    @Test
    void usesTheGroupsAndMarkersOfLockVersion21() {
        LockFile lock = read("lock-2.1");
        assertThat(lock.inputsDigest()).contains("343aac62598998b603ee9e355ebd776a2e792ae0b4b4f6a867892ffa2f3ec6b0");
        assertThat(lock.requiresPython()).contains(">=3.10,<4.0");
        assertThat(lock.indexUrls()).containsExactly("https://pypi.org/simple/", "https://pypi.internal.example/simple/");
        Map<String, String> summary = summary(lock);
        assertThat(summary).containsEntry("alabaster", "0.7.16 [docs]")
                .containsEntry("colorama", "0.4.6 [dev, docs] sys_platform == \"win32\"")
                .containsEntry("exceptiongroup", "1.2.2 [dev] python_version < \"3.11\"")
                .containsEntry("tomli", "2.0.2 [dev, docs] python_full_version <= \"3.11.0a6\" or python_version < \"3.11\"")
                .containsEntry("pysocks", "1.7.1 [main] extra == \"socks\"")
                .containsEntry("requests", "2.32.3 [main]")
                .containsEntry("packaging", "24.2 [dev, docs]");
        assertThat(summary).hasSize(23);
        assertThat(byName(lock, "mylib").source()).isEqualTo(new PackageSource.Vcs(
                "git+https://github.com/example/mylib.git",
                Optional.of("4f1c9e2a7b3d5e6f708192a3b4c5d6e7f8091a2b")));
        assertThat(byName(lock, "localtool").source()).isEqualTo(new PackageSource.LocalPath("tools/localtool", true));
        assertThat(byName(lock, "vendored").source())
                .isEqualTo(new PackageSource.LocalPath("vendor/vendored-1.0.0.tar.gz", false));
        assertThat(byName(lock, "vendored").hashes()).hasSize(1);
        assertThat(byName(lock, "tinyfmt").source())
                .isEqualTo(new PackageSource.DirectUrl("https://files.example.org/tinyfmt-0.2.0-py3-none-any.whl"));
        assertThat(byName(lock, "internal-helper").source())
                .isEqualTo(new PackageSource.Registry(Optional.of("https://pypi.internal.example/simple")));
        assertThat(byName(lock, "certifi").source()).isEqualTo(new PackageSource.Registry(Optional.empty()));
        assertThat(byName(lock, "requests").hashes()).allMatch(h -> h.matches("sha256:[0-9a-f]{64}"));
    }

    /** poetry 1.1: category, and the files in [metadata.files]. */
    @Test
    void readsLockVersion11() {
        LockFile lock = read("lock-1.1");
        assertThat(lock.inputsDigest()).contains("179499bfc81537619ed1568af51504409a03db99f0bf8a2b6718eeea5af4e2f2");
        assertThat(lock.requiresPython()).contains(">=3.7,<4.0");
        assertThat(lock.indexUrls()).isEmpty();
        assertThat(summary(lock)).containsExactly(
                Map.entry("atomicwrites", "1.4.0 [dev] sys_platform == \"win32\""),
                Map.entry("attrs", "21.4.0 [dev]"),
                Map.entry("click", "8.0.3 [main]"),
                Map.entry("colorama", "0.4.4 [dev, main] platform_system == \"Windows\" or sys_platform == \"win32\""),
                Map.entry("flask", "2.0.2 [main]"),
                Map.entry("importlib-metadata", "4.10.1 [dev, main] python_version < \"3.8\""),
                Map.entry("iniconfig", "1.1.1 [dev]"),
                Map.entry("internal-auth", "0.4.0 [main]"),
                Map.entry("itsdangerous", "2.0.1 [main]"),
                Map.entry("jinja2", "3.0.3 [main]"),
                Map.entry("markupsafe", "2.0.1 [main]"),
                Map.entry("pluggy", "1.0.0 [dev]"),
                Map.entry("py", "1.11.0 [dev]"),
                Map.entry("pytest", "6.2.5 [dev]"),
                Map.entry("pywin32", "303 [main] sys_platform == \"win32\""),
                Map.entry("toml", "0.10.2 [dev]"),
                Map.entry("typing-extensions", "4.0.1 [dev, main] python_version < \"3.8\""),
                Map.entry("werkzeug", "2.0.2 [main]"),
                Map.entry("zipp", "3.7.0 [dev, main] python_version < \"3.8\""));
        assertThat(byName(lock, "pywin32").artifacts()).extracting(a -> a.fileName().orElseThrow())
                .containsExactly("pywin32-303-cp310-cp310-win32.whl", "pywin32-303-cp310-cp310-win_amd64.whl",
                        "pywin32-303-cp39-cp39-win_amd64.whl");
        assertThat(byName(lock, "internal-auth").source()).isEqualTo(new PackageSource.Vcs(
                "git+https://github.com/example/internal-auth.git",
                Optional.of("9d2b0c4e1f3a5b7c9d0e2f4a6b8c0d1e3f5a7b9c")));
        assertThat(byName(lock, "internal-auth").artifacts()).isEmpty();
    }

    @Test
    void normalizesHashesAndKeepsTheFilesOfEachVersion() throws IOException {
        Path lock = write("""
                [[package]]
                name = "six"
                version = "1.15.0"
                description = ""
                category = "main"
                optional = false
                python-versions = "*"

                [[package]]
                name = "six"
                version = "1.16.0"
                description = ""
                category = "main"
                optional = false
                python-versions = "*"

                [[package]]
                name = "old"
                version = "1.0"
                description = ""
                category = "dev"
                optional = false
                python-versions = "*"

                [metadata]
                lock-version = "1.1"
                python-versions = "*"
                content-hash = "abc"

                [metadata.files]
                six = [
                    {file = "six-1.15.0-py2.py3-none-any.whl", hash = "SHA256:8B74BEDCBBBAA38304FFE3C47D7D3C18C9FD4F6AEF91DB25A4DF1A5B0C7BDCE2"},
                    {file = "six-1.16.0.tar.gz", hash = "sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926"},
                ]

                [metadata.hashes]
                old = ["8B74BEDCBBBAA38304FFE3C47D7D3C18C9FD4F6AEF91DB25A4DF1A5B0C7BDCE2"]
                """);
        LockFile read = PoetryLockReader.read(lock, empty(lock));
        assertThat(read.packages().get(0).hashes())
                .containsExactly("sha256:8b74bedcbbbaa38304ffe3c47d7d3c18c9fd4f6aef91db25a4df1a5b0c7bdce2");
        assertThat(read.packages().get(1).hashes())
                .containsExactly("sha256:1e61c37477a1626458e36f7b1d82aa5c9b094fa4802892072e49de9c60c4c926");
        assertThat(read.packages().get(2).hashes())
                .containsExactly("sha256:8b74bedcbbbaa38304ffe3c47d7d3c18c9fd4f6aef91db25a4df1a5b0c7bdce2");
        assertThat(read.packages().get(2).groups()).containsExactly("dev");
    }

    @Test
    void walksCyclesOptionalEdgesAndOldPythonKeys() throws IOException {
        Path lock = write("""
                [[package]]
                name = "a"
                version = "1.0"
                optional = false
                python-versions = "*"
                files = []

                [package.dependencies]
                b = {version = "*", markers = "sys_platform == \\"linux\\""}
                c = {version = "*", optional = true}
                d = {version = "*", python = "<3.9"}

                [package.extras]
                cee = ["c (>=1)"]

                [[package]]
                name = "b"
                version = "1.0"
                optional = false
                python-versions = "*"
                files = []

                [package.dependencies]
                a = {version = "*", markers = "os_name == \\"posix\\""}

                [[package]]
                name = "c"
                version = "1.0"
                optional = false
                python-versions = "*"
                files = []

                [[package]]
                name = "d"
                version = "1.0"
                optional = false
                python-versions = "*"
                files = []

                [metadata]
                lock-version = "2.0"
                python-versions = "^3.8"
                content-hash = "abc"
                """);
        Map<String, List<DeclaredRequirement>> groups = new LinkedHashMap<>();
        groups.put("main", List.of(new DeclaredRequirement("a", SourceLocation.of(lock))));
        groups.put("extra", List.of(new DeclaredRequirement("a[cee] ; os_name == \"nt\"", SourceLocation.of(lock))));
        LockFile read = PoetryLockReader.read(lock, new DeclaredDependencies(lock, PoetryManifestReader.FORMAT, groups,
                Optional.empty(), List.of()));
        assertThat(summary(read)).containsExactly(
                Map.entry("a", "1.0 [extra, main]"),
                Map.entry("b", "1.0 [extra, main] sys_platform == \"linux\""),
                Map.entry("c", "1.0 [extra] os_name == \"nt\""),
                Map.entry("d", "1.0 [extra, main] python_version < \"3.9\""));
    }

    private static LockedPackage byName(LockFile lock, String name) {
        return lock.packages().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static LockFile read(String fixture) {
        DeclaredDependencies manifest = PoetryManifestReader.read(PoetryFixtures.path(fixture + "/pyproject.toml"))
                .orElseThrow();
        return PoetryLockReader.read(PoetryFixtures.path(fixture + "/poetry.lock"), manifest);
    }

    /** name -> "version [groups, sorted] marker". */
    private static Map<String, String> summary(LockFile lock) {
        Map<String, String> out = new LinkedHashMap<>();
        for (LockedPackage p : lock.packages()) {
            out.put(p.name(), p.version().orElse("?") + " " + new java.util.TreeSet<>(p.groups())
                    + p.marker().map(m -> " " + m).orElse(""));
        }
        return out;
    }

    private Path write(String content) throws IOException {
        Path file = tmp.resolve("poetry.lock");
        Files.writeString(file, content);
        return file;
    }

    private static DeclaredDependencies empty(Path file) {
        return new DeclaredDependencies(file, PoetryManifestReader.FORMAT, Map.of(), Optional.empty(), List.of());
    }
}
