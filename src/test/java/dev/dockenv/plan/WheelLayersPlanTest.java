package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.Golden;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.project.ProjectScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lock that names its wheels' URLs is installed by dockenv's wheel installer, layer by layer; the rest by pip. */
class WheelLayersPlanTest {
    private static final String INDEX = "https://pypi.example/files/";
    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "b".repeat(64);

    @TempDir
    Path tmp;

    private static LockedArtifact artifact(String file, String url, String... hashes) {
        return new LockedArtifact(Optional.ofNullable(file), Optional.ofNullable(url), List.of(hashes));
    }

    private static LockedPackage pkg(String name, String version, Set<String> groups, LockedArtifact... artifacts) {
        return new LockedPackage(name, Optional.of(version), Optional.empty(), List.of(artifacts),
                new PackageSource.Registry(Optional.empty()), groups, SourceLocation.of(Path.of("pylock.toml")));
    }

    private static LockedPackage wheel(String name, String version, Set<String> groups) {
        String file = name.replace('-', '_') + "-" + version + "-py3-none-any.whl";
        return pkg(name, version, groups, artifact(file, INDEX + file, "sha256:" + SHA_A));
    }

    private EnvironmentPlan plan(List<LockedPackage> packages) throws Exception {
        Path root = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
        LockFile lock = new LockFile(Path.of("pylock.toml"), "pylock.toml", packages, Optional.of("abc"),
                List.of(), Optional.of(">=3.10"));
        return Plans.locked(ProjectScanner.scan(root), LockFormat.PYLOCK, lock);
    }

    private List<LockedPackage> flaskAndPytest() {
        List<LockedPackage> packages = new ArrayList<>(List.of(
                pkg("Flask", "3.0.0", Set.of("main"),
                        artifact("flask-3.0.0-py3-none-any.whl", INDEX + "flask-3.0.0-py3-none-any.whl",
                                "sha256:" + SHA_A),
                        artifact("flask-3.0.0.tar.gz", INDEX + "flask-3.0.0.tar.gz", "sha256:" + SHA_B)),
                pkg("markupsafe", "2.1.5", Set.of("main"),
                        artifact(null, INDEX + "MarkupSafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.whl",
                                "sha256:" + SHA_A),
                        artifact(null, INDEX + "MarkupSafe-2.1.5-cp311-cp311-musllinux_1_1_x86_64.whl",
                                "sha256:" + SHA_B))));
        packages.add(wheel("pytest", "8.0.0", Set.of("dev")));
        return packages;
    }

    @Test
    void eachLayerOfWheelsWithURLsIsAListForTheInstaller() throws Exception {
        EnvironmentPlan plan = plan(flaskAndPytest());
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path).containsExactly(
                ".dockenv/main.layer-1-of-1.wheels.txt", WheelInstaller.PATH, ".dockenv/dev.layer-1-of-1.wheels.txt");
        String main = plan.generatedFiles().get(0).content();
        assertThat(main.lines().filter(l -> !l.startsWith("#")).toList()).containsExactly(
                "package flask 3.0.0 sha256:" + SHA_A + " sha256:" + SHA_B,
                "wheel flask-3.0.0-py3-none-any.whl " + SHA_A + " " + INDEX + "flask-3.0.0-py3-none-any.whl",
                "package markupsafe 2.1.5 sha256:" + SHA_A + " sha256:" + SHA_B,
                "wheel MarkupSafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.whl " + SHA_A + " " + INDEX
                        + "MarkupSafe-2.1.5-cp311-cp311-manylinux_2_17_x86_64.whl",
                "wheel MarkupSafe-2.1.5-cp311-cp311-musllinux_1_1_x86_64.whl " + SHA_B + " " + INDEX
                        + "MarkupSafe-2.1.5-cp311-cp311-musllinux_1_1_x86_64.whl");
        assertThat(plan.generatedFiles().get(1)).isEqualTo(WheelInstaller.script());
        assertThat(WheelInstaller.script().content()).startsWith("\"\"\"dockenv's wheel installer")
                .contains("def main(argv):");
        assertThat(((StageInstall.Locked) plan.baseInstalls().get(0)).layers())
                .singleElement().isInstanceOf(LockLayer.Wheels.class);
    }

    @Test
    void theLayerStagesRunTheInstallerWithTheScriptAndListMountedForTheStepAlone() throws Exception {
        Golden.assertMatches("wheels.buildkit.Dockerfile", new DockerfileRenderer(Dialect.BUILDKIT)
                .render(EnvironmentDockerfile.compose(plan(flaskAndPytest()), "0.0.0-test")));
    }

    @Test
    void theLegacyBuilderCopiesTheScriptAndListIntoTheLayerStage() throws Exception {
        Golden.assertMatches("wheels.legacy.Dockerfile", new DockerfileRenderer(Dialect.LEGACY)
                .render(EnvironmentDockerfile.compose(plan(flaskAndPytest()), "0.0.0-test")));
    }

    @Test
    void aLayerWithAPackageTheInstallerCannotTakeIsPipsAndNeedsNoScript() throws Exception {
        List<LockedPackage> packages = new ArrayList<>(List.of(wheel("idna", "3.6", Set.of("main"))));
        packages.add(pkg("legacy", "1.0", Set.of("main"), artifact("legacy-1.0.tar.gz", INDEX + "legacy-1.0.tar.gz",
                "sha256:" + SHA_A)));
        EnvironmentPlan plan = plan(packages);
        assertThat(plan.generatedFiles()).extracting(GeneratedFile::path)
                .containsExactly(".dockenv/main.layer-1-of-1.lock.txt");
        assertThat(((StageInstall.Locked) plan.baseInstalls().get(0)).layers().get(0))
                .isInstanceOf(LockLayer.Pip.class);
        assertThat(plan.generatedFiles().get(0).content()).contains("idna==3.6", "legacy==1.0");
    }

    @Test
    void onlyIndexPackagesWithAWheelURLAndItsSha256AreListed() throws Exception {
        assertThat(WheelList.lines(wheel("idna", "3.6", Set.of("main")), true)).isPresent();
        // no URL (poetry.lock, Pipfile.lock), an sdist only, no sha256, credentials in the URL, not http
        assertThat(WheelList.lines(pkg("a", "1", Set.of("main"), artifact("a-1-py3-none-any.whl", null,
                "sha256:" + SHA_A)), true)).isEmpty();
        assertThat(WheelList.lines(pkg("a", "1", Set.of("main"), artifact("a-1.tar.gz", INDEX + "a-1.tar.gz",
                "sha256:" + SHA_A)), true)).isEmpty();
        assertThat(WheelList.lines(pkg("a", "1", Set.of("main"), artifact("a-1-py3-none-any.whl",
                INDEX + "a-1-py3-none-any.whl", "md5:" + "c".repeat(32))), true)).isEmpty();
        assertThat(WheelList.lines(pkg("a", "1", Set.of("main"), artifact("a-1-py3-none-any.whl",
                "https://user:secret@pypi.example/a-1-py3-none-any.whl", "sha256:" + SHA_A)), true)).isEmpty();
        assertThat(WheelList.lines(pkg("a", "1", Set.of("main"), artifact("a-1-py3-none-any.whl",
                "file:///wheels/a-1-py3-none-any.whl", "sha256:" + SHA_A)), true)).isEmpty();
        assertThat(WheelList.lines(pkg("a", "1", Set.of("main"), artifact("a b-1-py3-none-any.whl",
                INDEX + "a-1-py3-none-any.whl", "sha256:" + SHA_A)), true)).isEmpty();
        // a path or URL package is pip's
        assertThat(WheelList.lines(new LockedPackage("a", Optional.of("1"), Optional.empty(),
                List.of(artifact("a-1-py3-none-any.whl", INDEX + "a-1-py3-none-any.whl", "sha256:" + SHA_A)),
                new PackageSource.DirectUrl(INDEX + "a-1-py3-none-any.whl"), Set.of("main"),
                SourceLocation.of(Path.of("pylock.toml"))), true)).isEmpty();
    }
}
