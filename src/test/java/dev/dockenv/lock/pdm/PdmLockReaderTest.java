package dev.dockenv.lock.pdm;

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
import org.junit.jupiter.api.Test;

class PdmLockReaderTest {

    static Path fixture(String name) {
        try {
            return Path.of(PdmLockReaderTest.class.getResource("/lock/pdm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LockedPackage named(LockFile lock, String name) {
        List<LockedPackage> found = lock.packages().stream().filter(p -> p.name().equals(name)).toList();
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    private static LockFile parse(String text) {
        return PdmLockReader.read(TomlDocument.parse(Path.of("pdm.lock"), text));
    }

    @Test
    void readsTheLockAsAWhole() {
        LockFile lock = PdmLockReader.read(fixture("pdm.lock"));
        assertThat(lock.origin()).isEqualTo("pdm.lock");
        assertThat(lock.inputsDigest())
                .contains("sha256:2127418ec5784cfe1fe3ce5a1416bc0b9c732ba4de49e8b04b5b0e44a3434dbd");
        assertThat(lock.requiresPython()).contains(">=3.10");
        assertThat(lock.indexUrls()).isEmpty();
        assertThat(lock.packages()).hasSize(15);
    }

    @Test
    void groupsAreTakenFromEachPackageWithDefaultAsMain() {
        LockFile lock = PdmLockReader.read(fixture("pdm.lock"));
        assertThat(lock.packagesOf("main")).extracting(LockedPackage::name).containsExactly("anyio", "click",
                "colorama", "exceptiongroup", "idna", "shared-lib", "tinyhelpers", "typing-extensions");
        assertThat(lock.packagesOf("dev")).extracting(LockedPackage::name).containsExactly("colorama",
                "exceptiongroup", "iniconfig", "packaging", "pluggy", "pygments", "pytest", "tomli",
                "typing-extensions");
        assertThat(lock.packagesOf("yaml")).extracting(LockedPackage::name).containsExactly("pyyaml");
        assertThat(lock.packagesOf("default")).isEmpty();
    }

    @Test
    void markersAreThePackagesOwn() {
        LockFile lock = PdmLockReader.read(fixture("pdm.lock"));
        assertThat(named(lock, "colorama").marker().orElseThrow())
                .hasToString("platform_system == \"Windows\" or sys_platform == \"win32\"");
        assertThat(named(lock, "tomli").marker().orElseThrow()).hasToString("python_version < \"3.11\"");
        assertThat(named(lock, "anyio").marker()).isEmpty();
    }

    @Test
    void filesBecomeArtifactsWithHashes() {
        LockedPackage pytest = named(PdmLockReader.read(fixture("pdm.lock")), "pytest");
        assertThat(pytest.version()).contains("8.4.2");
        assertThat(pytest.source()).isEqualTo(new PackageSource.Registry(Optional.empty()));
        assertThat(pytest.artifacts()).containsExactly(
                new LockedArtifact(Optional.of("pytest-8.4.2-py3-none-any.whl"), Optional.empty(),
                        List.of("sha256:872f880de3fc3a5bdc88a11b39c9710c3497a547cfa9320bc3c5e62fbf272e79")),
                new LockedArtifact(Optional.of("pytest-8.4.2.tar.gz"), Optional.empty(),
                        List.of("sha256:86c0d0b93306b961d58d62a4db4879f27fe25513d4b969df351abdddb3c30e01")));
        assertThat(pytest.location().line()).isEqualTo(125);
    }

    @Test
    void pathAndVcsPackagesKeepTheirSource() {
        LockFile lock = PdmLockReader.read(fixture("pdm.lock"));
        assertThat(named(lock, "shared-lib").source()).isEqualTo(new PackageSource.LocalPath("./libs/shared", true));
        assertThat(named(lock, "tinyhelpers").source()).isEqualTo(new PackageSource.Vcs(
                "git+https://github.com/example/tinyhelpers.git",
                Optional.of("4b5c1f0e2d3a4b5c6d7e8f9012a3b4c5d6e7f801")));
    }

    @Test
    void anEntryWithExtrasMergesIntoItsPackage() {
        LockFile lock = parse("""
                [metadata]
                groups = ["default", "dev"]
                strategy = ["inherit_metadata"]
                lock_version = "4.5.0"
                content_hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000"

                [[package]]
                name = "django"
                version = "5.2.7"
                requires_python = ">=3.10"
                summary = "A high-level Python web framework"
                groups = ["dev"]
                dependencies = ["asgiref>=3.8.1"]
                files = [
                    {file = "django-5.2.7-py3-none-any.whl", hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111"},
                ]

                [[package]]
                name = "django"
                version = "5.2.7"
                extras = ["argon2"]
                requires_python = ">=3.10"
                summary = "A high-level Python web framework"
                groups = ["default"]
                dependencies = ["argon2-cffi>=19.1.0", "django==5.2.7"]
                files = [
                    {file = "django-5.2.7-py3-none-any.whl", hash = "sha256:1111111111111111111111111111111111111111111111111111111111111111"},
                ]

                [[package]]
                name = "asgiref"
                version = "3.10.0"
                groups = ["default", "dev"]
                files = [{file = "asgiref-3.10.0-py3-none-any.whl", hash = "sha256:2222222222222222222222222222222222222222222222222222222222222222"}]

                [[package]]
                name = "argon2-cffi"
                version = "25.1.0"
                groups = ["default"]
                files = [{file = "argon2_cffi-25.1.0-py3-none-any.whl", hash = "sha256:3333333333333333333333333333333333333333333333333333333333333333"}]
                """);
        LockedPackage django = named(lock, "django");
        assertThat(django.groups()).containsExactlyInAnyOrder("main", "dev");
        assertThat(django.artifacts()).hasSize(1);
    }

    @Test
    void staticUrlsAndProjectRootUrlsAreRead() {
        LockFile lock = parse("""
                [metadata]
                groups = ["default"]
                strategy = ["inherit_metadata", "static_urls"]
                lock_version = "4.4.2"
                content_hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000"

                [[package]]
                name = "six"
                version = "1.17.0"
                groups = ["default"]
                files = [
                    {url = "https://files.pythonhosted.org/packages/b7/ce/149a00dd41f10bc29e5921b496af8b574d8413afcd5e30dfa0ed46c2cc5e/six-1.17.0-py2.py3-none-any.whl", hash = "sha256:4721f391ed90541fddacab5acf947aa0d3dc7d27b2e1e8eda2be8970586c3274"},
                ]

                [[package]]
                name = "mylib"
                version = "0.1.0"
                url = "file:///${PROJECT_ROOT}/vendor/mylib"
                groups = ["default"]
                """);
        LockedArtifact wheel = named(lock, "six").artifacts().get(0);
        assertThat(wheel.fileName()).contains("six-1.17.0-py2.py3-none-any.whl");
        assertThat(wheel.url().orElseThrow()).startsWith("https://files.pythonhosted.org/");
        assertThat(named(lock, "mylib").source()).isEqualTo(new PackageSource.LocalPath("./vendor/mylib", false));
        assertThat(lock.requiresPython()).isEmpty();
    }

    @Test
    void aLockWithoutGroupsPerPackageIsMainWhenItLocksOnlyTheDefaultGroup() {
        String lock = """
                [metadata]
                groups = [%s]
                strategy = ["cross_platform"]
                lock_version = "4.4"
                content_hash = "sha256:0000000000000000000000000000000000000000000000000000000000000000"

                [[package]]
                name = "six"
                version = "1.17.0"
                summary = "Python 2 and 3 compatibility utilities"
                files = [
                    {file = "six-1.17.0.tar.gz", hash = "sha256:ff70335d468e7eb6ec65b95b99d3a2836546063f63acc5171de367e834932a81"},
                ]
                """;
        assertThat(named(parse(lock.formatted("\"default\"")), "six").groups()).containsExactly("main");
        InputException e = catchThrowableOfType(InputException.class,
                () -> parse(lock.formatted("\"default\", \"dev\"")));
        assertThat(e.getMessage()).isEqualTo("pdm.lock:7:1: package 'six' does not say which groups need it");
        assertThat(e.hint().orElseThrow()).contains("pdm lock --strategy inherit_metadata");
    }

    /** lock_version 4.0-4.3 (PDM 2.0-2.7) keep every package's files in [metadata.files], keyed "name version". */
    @Test
    void olderLocksKeepTheirFilesInMetadataFiles() {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        LockFile lock = parse("""
                # This file is @generated by PDM.
                # It is not intended for manual editing.

                [[package]]
                name = "Flask-Login"
                version = "0.6.2"
                requires_python = ">=3.7"
                summary = "User authentication and session management for Flask."

                [[package]]
                name = "six"
                version = "1.16.0"
                requires_python = ">=2.7, !=3.0.*, !=3.1.*, !=3.2.*"
                summary = "Python 2 and 3 compatibility utilities"

                [metadata]
                lock_version = "4.2"
                cross_platform = true
                groups = ["default"]
                content_hash = "sha256:%s"

                [metadata.files]
                "flask-login 0.6.2" = [
                    {url = "https://files.example.org/Flask-Login-0.6.2-py3-none-any.whl", hash = "sha256:%s"},
                    {url = "https://files.example.org/Flask-Login-0.6.2.tar.gz", hash = "sha256:%s"},
                ]
                "six 1.16.0" = [
                    {url = "https://files.example.org/six-1.16.0-py2.py3-none-any.whl", hash = "sha256:%s"},
                ]
                """.formatted(a, a, b, b));
        LockedPackage login = named(lock, "Flask-Login");
        assertThat(login.artifacts()).hasSize(2);
        assertThat(login.hashes()).containsExactly("sha256:" + a, "sha256:" + b);
        assertThat(named(lock, "six").hashes()).containsExactly("sha256:" + b);
        assertThat(login.groups()).containsExactly("main");
    }
}
