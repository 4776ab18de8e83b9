package dev.dockenv.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Marker;
import dev.dockenv.plan.ProdLockPackages;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each lock format's prod packages as SBOM components: the fixtures of src/test/resources/lock in
 * a Python 3.11 project, read and chosen as a build reads and installs them (dev-only groups and
 * packages whose markers fail on linux/3.11 left out), against golden files.
 */
class LockedBomTest {
    @TempDir
    Path tmp;

    private static List<String> purls(Bom bom) {
        return bom.components().stream().map(c -> c.purl().orElse(c.bomRef())).toList();
    }

    private static Component component(Bom bom, String name) {
        return bom.components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void uvLockGivesTheMainPackagesForLinuxAndPython311() {
        SbomSamples.Locked locked = SbomSamples.locked(tmp, "uv/uv.lock", "uv/pyproject.toml");
        Bom bom = locked.bom();
        // not pytest, iniconfig, pluggy, pygments, packaging (dev), ruff (lint), pyyaml (an extra not chosen),
        // exceptiongroup and tomli (python < 3.11), colorama (win32), webapp (the project itself)
        assertThat(purls(bom)).containsExactly("pkg:pypi/anyio@4.12.0", "pkg:pypi/click@8.3.0", "pkg:pypi/idna@3.11",
                "pkg:pypi/tinyhelpers@0.3.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fexample%2Ftinyhelpers%40"
                        + "4b5c1f0e2d3a4b5c6d7e8f9012a3b4c5d6e7f801",
                "pkg:pypi/typing-extensions@4.15.0");
        Component anyio = component(bom, "anyio");
        assertThat(anyio.hashes()).containsExactly(
                new Hash("SHA-256", "73c693b567b0c55130c104d0b43a9baf3aa6a31fc6110116509f27bf75e21ec0"),
                new Hash("SHA-256", "dad2376a628f98eeca4881fc56cd06affd18f659b17a747d3ff0307ced94b1bb"));
        assertThat(anyio.externalReferences()).extracting(ExternalReference::url).containsExactly(
                "https://files.pythonhosted.org/packages/bf/e2/58c7ab1c855186f1c6d15ce20c171eb0f3ab3be74de63b9025cfb52e/"
                        + "anyio-4.12.0-py3-none-any.whl",
                "https://files.pythonhosted.org/packages/dc/c8/c5ceef4c86ee0f6157fbb85f4cd45e2853b710ddd44e7a6b34344ac1/"
                        + "anyio-4.12.0.tar.gz");
        assertThat(anyio.externalReferences().get(0).hashes()).containsExactly(
                new Hash("SHA-256", "dad2376a628f98eeca4881fc56cd06affd18f659b17a747d3ff0307ced94b1bb"));
        assertThat(bom.metadata().properties()).contains(new Property(LockedBom.SOURCE, "uv.lock"));
        assertThat(bom.dependencies()).as("the lock model keeps no edges: unknown, so absent").isEmpty();
        Golden.assertMatches("sbom/uv.cdx.json", locked.json());
    }

    @Test
    void poetryLockLeavesOutTheDevAndDocsGroups() {
        SbomSamples.Locked locked = SbomSamples.locked(tmp, "poetry/lock-2.1/poetry.lock",
                "poetry/lock-2.1/pyproject.toml");
        Bom bom = locked.bom();
        assertThat(purls(bom)).contains("pkg:pypi/certifi@2024.8.30", "pkg:pypi/requests@2.32.3",
                "pkg:pypi/tinyfmt@0.2.0?download_url=https%3A%2F%2Ffiles.example.org%2Ftinyfmt-0.2.0-py3-none-any.whl")
                .noneMatch(p -> p.matches(".*/(alabaster|docutils|jinja2|markupsafe|iniconfig|pytest|pluggy|"
                        + "exceptiongroup|colorama|packaging)@.*"));
        // a local folder: versioned by the lock, but from no index, so no pypi purl and no hashes
        Component local = component(bom, "localtool");
        assertThat(local.purl()).isEmpty();
        assertThat(local.bomRef()).isEqualTo("pypi-local:localtool@0.1.0");
        assertThat(local.hashes()).isEmpty();
        Golden.assertMatches("sbom/poetry.cdx.json", locked.json());
    }

    @Test
    void pdmLock() {
        SbomSamples.Locked locked = SbomSamples.locked(tmp, "pdm/pdm.lock");
        assertThat(purls(locked.bom())).containsExactly("pkg:pypi/anyio@4.12.0", "pkg:pypi/click@8.3.0",
                "pkg:pypi/idna@3.11", "pypi-local:shared-lib@0.2.0",
                "pkg:pypi/tinyhelpers@0.3.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fexample%2Ftinyhelpers.git%40"
                        + "4b5c1f0e2d3a4b5c6d7e8f9012a3b4c5d6e7f801",
                "pkg:pypi/typing-extensions@4.15.0");
        Golden.assertMatches("sbom/pdm.cdx.json", locked.json());
    }

    @Test
    void pipfileLockLeavesOutDevelop() {
        SbomSamples.Locked locked = SbomSamples.locked(tmp, "pipenv/simple/Pipfile.lock", "pipenv/simple/Pipfile");
        Bom bom = locked.bom();
        assertThat(purls(bom)).containsExactly("pkg:pypi/colorsay@2.0.0", "pkg:pypi/greeting@1.1.0"); // not devtool
        // Pipfile.lock names no files: the hashes are the component's, with no distribution reference
        assertThat(component(bom, "colorsay").hashes()).containsExactly(
                new Hash("SHA-256", "857a5a37d87267b093a5ec03ecd036b2f784928691b3e1b4d7e36f9808e29a33"));
        assertThat(component(bom, "colorsay").externalReferences()).isEmpty();
        Golden.assertMatches("sbom/pipenv.cdx.json", locked.json());
    }

    @Test
    void pylockLeavesOutDevAndDocsGroupsAndUnchosenExtras() {
        SbomSamples.Locked locked = SbomSamples.locked(tmp, "pylock/pylock.groups.toml>pylock.toml");
        Bom bom = locked.bom();
        assertThat(purls(bom)).contains("pkg:pypi/anyio@4.12.0", "pkg:pypi/typing-extensions@4.15.0")
                .noneMatch(p -> p.matches(".*/(pytest|colorama|sphinx-theme|pysocks)@.*"));
        assertThat(bom.metadata().properties()).contains(new Property(LockedBom.SOURCE, "pylock.toml"));
        Golden.assertMatches("sbom/pylock.cdx.json", locked.json());
    }

    /** Markers are the planner's: evaluated for linux and the project's Python, here 3.11. */
    @Test
    void markersAreEvaluatedForLinuxAndTheProjectsPython() throws Exception {
        Project project = project("3.11");
        LockFile lock = lock(
                registry("old-backport", "1.0", Set.of("main"), "python_version < '3.11'"),
                registry("new-feature", "2.0", Set.of("main"), "python_version >= '3.11'"),
                registry("winonly", "3.0", Set.of("main"), "sys_platform == 'win32'"),
                registry("linuxonly", "4.0", Set.of("main"), "sys_platform == 'linux'"));
        assertThat(LockedBom.of(ProdLockPackages.of(project, lock), "poetry.lock", SbomSamples.CONTEXT).components())
                .extracting(Component::name).containsExactly("linuxonly", "new-feature");
        Project older = project("3.10");
        assertThat(LockedBom.of(ProdLockPackages.of(older, lock), "poetry.lock", SbomSamples.CONTEXT).components())
                .extracting(Component::name).containsExactly("linuxonly", "old-backport");
    }

    @Test
    void devOnlyPackagesAreLeftOutAndSharedOnesKept() throws Exception {
        LockFile lock = lock(registry("flask", "3.0.0", Set.of("main"), null),
                registry("idna", "3.6", Set.of("main", "dev"), null),
                registry("pytest", "8.0.0", Set.of("dev"), null),
                registry("sphinx", "7.0.0", Set.of("docs"), null));
        assertThat(LockedBom.of(ProdLockPackages.of(project("3.11"), lock), "poetry.lock", SbomSamples.CONTEXT)
                .components()).extracting(Component::name).containsExactly("flask", "idna");
    }

    /** Names as the lock writes them; purls and order by the PEP 503 name; versions percent-encoded. */
    @Test
    void namesAreNormalizedInPurlsAndOrder() throws Exception {
        LockFile lock = lock(registry("Zope.Interface", "6.0+local.1", Set.of("main"), null),
                registry("typing_extensions", "4.9.0", Set.of("main"), null),
                registry("A__B", "1!2.0", Set.of("main"), null));
        Bom bom = LockedBom.of(ProdLockPackages.of(project("3.11"), lock), "poetry.lock", SbomSamples.CONTEXT);
        assertThat(bom.components()).extracting(Component::name)
                .containsExactly("A__B", "typing_extensions", "Zope.Interface");
        assertThat(purls(bom)).containsExactly("pkg:pypi/a-b@1%212.0", "pkg:pypi/typing-extensions@4.9.0",
                "pkg:pypi/zope-interface@6.0%2Blocal.1");
    }

    @Test
    void anAppsImageHasTheSharedLocksPackagesAndItsOwn() throws Exception {
        Project project = project("3.11");
        LockFile shared = lock(registry("idna", "3.6", Set.of("main"), null),
                registry("pytest", "8.0.0", Set.of("dev"), null));
        LockFile app = lock(registry("idna", "3.6", Set.of("main"), null),
                registry("django", "5.0", Set.of("main"), null),
                registry("django-debug-toolbar", "4.0", Set.of("dev"), null));
        assertThat(ProdLockPackages.ofApp(project, Optional.of(shared), app)).extracting(LockedPackage::name)
                .containsExactly("django", "idna");
        assertThat(ProdLockPackages.ofApp(project, Optional.empty(), app)).extracting(LockedPackage::name)
                .containsExactly("django", "idna");
    }

    @Test
    void credentialsInALocksUrlsStayOutOfTheBom() throws Exception {
        LockedPackage p = new LockedPackage("private-pkg", Optional.of("1.0"), Optional.empty(),
                List.of(new LockedArtifact(Optional.of("private_pkg-1.0-py3-none-any.whl"),
                        Optional.of("https://user:s3cret@pypi.example.com/files/private_pkg-1.0-py3-none-any.whl"),
                        List.of("sha256:" + "a".repeat(64)))),
                new PackageSource.DirectUrl("https://user:s3cret@pypi.example.com/files/private_pkg-1.0-py3-none-any.whl"),
                Set.of("main"), SourceLocation.of(Path.of("pylock.toml")));
        String json = CycloneDxJson.render(LockedBom.of(List.of(p), "pylock.toml", SbomSamples.CONTEXT));
        assertThat(json).doesNotContain("s3cret").doesNotContain("user%3A").contains(
                "https://pypi.example.com/files/private_pkg-1.0-py3-none-any.whl");
    }

    private Project project(String python) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("py" + python).resolve("shop"));
        Files.writeString(root.resolve(".python-version"), python + "\n");
        Files.writeString(root.resolve("requirements.txt"), "");
        return ProjectScanner.scan(root);
    }

    private static LockFile lock(LockedPackage... packages) {
        return new LockFile(Path.of("poetry.lock"), "poetry.lock", List.of(packages), Optional.empty(), List.of(),
                Optional.empty());
    }

    private static LockedPackage registry(String name, String version, Set<String> groups, String marker)
            throws Exception {
        String hex = String.format("%064x", Math.abs((long) name.hashCode()));
        return new LockedPackage(name, Optional.of(version), marker == null ? Optional.empty()
                : Optional.of(Marker.parse(marker)),
                List.of(new LockedArtifact(Optional.of(name + "-" + version + "-py3-none-any.whl"), Optional.empty(),
                        List.of("sha256:" + hex))),
                new PackageSource.Registry(Optional.empty()), groups, SourceLocation.of(Path.of("poetry.lock")));
    }
}
