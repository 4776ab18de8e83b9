package dev.dockenv.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.lock.LockFile;
import dev.dockenv.plan.ProdLockPackages;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Projects with the lock fixtures of src/test/resources/lock, read and chosen as the commands do. */
final class SbomSamples {
    static final BomContext CONTEXT = new BomContext("shop", Optional.of("1.4.0"), "0.1.0",
            Instant.parse("2026-01-02T03:04:05Z"));

    private SbomSamples() {
    }

    /**
     * A project of Python 3.11 holding these fixture files (relative to src/test/resources/lock,
     * copied under their own names, or {@code FIXTURE>NAME}), its lock read as {@code dockenv build} reads it.
     */
    static Locked locked(Path tmp, String... fixtures) {
        try {
            Path root = Files.createDirectories(tmp.resolve("shop"));
            Files.writeString(root.resolve(".python-version"), "3.11\n");
            for (String fixture : fixtures) {
                String[] fromTo = fixture.split(">");
                Path from = Path.of("src/test/resources/lock").resolve(fromTo[0]);
                Files.copy(from, root.resolve(fromTo.length > 1 ? fromTo[1] : from.getFileName().toString()));
            }
            Project project = ProjectScanner.scan(root);
            InstallDecision decision = InstallDecider.decide(project, Map.of());
            assertThat(decision).as("the decision for %s", String.join(", ", fixtures))
                    .isInstanceOf(InstallDecision.Locked.class);
            return new Locked(project, ((InstallDecision.Locked) decision).reading().lock());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Locked(Project project, LockFile lock) {
        Bom bom() {
            return LockedBom.of(ProdLockPackages.of(project, lock), lock.file().getFileName().toString(), CONTEXT);
        }

        String json() {
            return CycloneDxJson.render(bom());
        }
    }
}
