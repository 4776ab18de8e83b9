package dev.dockenv.lock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.MarkerEnvironment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockedRequirementsTest {
    private static final SourceLocation AT = SourceLocation.of(Path.of("x.lock"));
    private static final PackageSource PYPI = new PackageSource.Registry(Optional.empty());
    private static final MarkerEnvironment LINUX_311 = MarkerEnvironment.forLinux("3.11.9");

    private static LockedPackage pkg(String name, String version, String marker, Set<String> groups, String... hashes) {
        Optional<Marker> m = Optional.ofNullable(marker).map(text -> {
            try {
                return Marker.parse(text);
            } catch (dev.dockenv.pep.PepSyntaxException e) {
                throw new IllegalArgumentException(e);
            }
        });
        return new LockedPackage(name, Optional.of(version), m,
                List.of(new LockedArtifact(Optional.empty(), Optional.empty(), List.of(hashes))), PYPI, groups, AT);
    }

    private final LockFile lock = new LockFile(Path.of("x.lock"), "test", List.of(
            pkg("Requests", "2.31.0", null, Set.of("main"), "sha256:aa", "sha256:bb"),
            pkg("colorama", "0.4.6", "sys_platform == 'win32'", Set.of("main"), "sha256:cc"),
            pkg("tomli", "2.0.1", "python_version < '3.11'", Set.of("main"), "sha256:dd"),
            pkg("pytest", "8.0.0", null, Set.of("dev"), "sha256:ee"),
            pkg("Idna", "3.6", null, Set.of("main", "dev"), "sha256:ff"),
            new LockedPackage("shop", Optional.empty(), Optional.empty(), List.of(),
                    new PackageSource.LocalPath(".", true), Set.of("main"), AT),
            new LockedPackage("seed", Optional.of("1.0"), Optional.empty(), List.of(),
                    new PackageSource.LocalPath("libs/seed", true), Set.of("main"), AT),
            new LockedPackage("tool", Optional.of("0.1"), Optional.empty(), List.of(),
                    new PackageSource.Vcs("https://example.org/tool.git", Optional.of("abc123")), Set.of("main"), AT)),
            Optional.empty(), List.of(), Optional.empty());

    @Test
    void pinsEveryPackageOfTheGroupsWithItsHashesSortedByName() {
        PipInstallList list = LockedRequirements.forGroups(lock, Set.of("main"), LINUX_311);
        assertThat(list.hashedText()).isEqualTo("""
                idna==3.6 \\
                    --hash=sha256:ff
                requests==2.31.0 \\
                    --hash=sha256:aa \\
                    --hash=sha256:bb
                """);
        assertThat(list.unhashed()).containsExactly("-e ./libs/seed", "tool @ git+https://example.org/tool.git@abc123");
    }

    @Test
    void markersAreEvaluatedForTheTargetImage() {
        assertThat(LockedRequirements.forGroups(lock, Set.of("main"), MarkerEnvironment.forLinux("3.10.14")).hashedText())
                .contains("tomli==2.0.1").doesNotContain("colorama");
        assertThat(LockedRequirements.forGroups(lock, Set.of("main"), LINUX_311).hashedText()).doesNotContain("tomli");
    }

    @Test
    void aVcsRevisionGoesBeforeTheSubdirectoryFragment() {
        LockFile vcs = new LockFile(Path.of("x.lock"), "test", List.of(new LockedPackage("tool", Optional.of("0.1"),
                Optional.empty(), List.of(), new PackageSource.Vcs("git+https://example.org/mono.git#subdirectory=tool",
                        Optional.of("abc123")), Set.of("main"), AT)), Optional.empty(), List.of(), Optional.empty());
        assertThat(LockedRequirements.forGroups(vcs, Set.of("main"), LINUX_311).unhashed())
                .containsExactly("tool @ git+https://example.org/mono.git@abc123#subdirectory=tool");
    }

    @Test
    void theDevSetIsItsOwnGroupAndTheProjectItselfIsLeftOut() {
        PipInstallList dev = LockedRequirements.forGroups(lock, Set.of("dev"), LINUX_311);
        assertThat(dev.hashed()).hasSize(2);
        assertThat(dev.hashedText()).contains("pytest==8.0.0", "idna==3.6");
        assertThat(LockedRequirements.forGroups(lock, Set.of("main"), LINUX_311).unhashedText()).doesNotContain(" .\n");
        assertThat(LockedRequirements.isProjectItself("./")).isTrue();
        assertThat(LockedRequirements.isProjectItself("./libs")).isFalse();
    }
}
