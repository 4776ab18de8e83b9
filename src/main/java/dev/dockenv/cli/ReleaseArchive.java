package dev.dockenv.cli;

import dev.dockenv.engine.Engine;
import dev.dockenv.engine.ImageReference;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code dockenv save} does once the release has named its references: gives the image each
 * reference and writes them all to one gzip archive that {@code docker load} restores with its
 * tags, on an engine that never saw the project. The archive is {@code -o FILE} (relative to where
 * dockenv was started), else {@code NAME-TAG.tar.gz} there (the repository's last component and the
 * first tag). It is written whole or not at all; its path is printed on stdout.
 */
final class ReleaseArchive {
    private final Session session;

    ReleaseArchive(Session session) {
        this.session = session;
    }

    Path save(ReleaseReferences release, Optional<Path> output) {
        Engine engine = session.engine();
        List<ImageReference> references = release.references();
        for (ImageReference reference : references) {
            engine.tag(release.imageId(), reference);
        }
        Path archive = session.workingDirectory().resolve(output.orElseGet(() -> defaultArchive(references.get(0))))
                .normalize();
        engine.save(references, archive);
        session.out().println(archive);
        session.err().println("dockenv: saved " + String.join(", ", references.stream().map(ImageReference::text)
                .toList()) + " to " + archive + "; `docker load -i " + archive + "` restores them");
        session.out().flush();
        session.err().flush();
        return archive;
    }

    /** {@code shop-1.4.0.tar.gz} for {@code registry.example.com/team/shop:1.4.0}. */
    static Path defaultArchive(ImageReference reference) {
        String path = reference.path();
        String name = path.substring(path.lastIndexOf('/') + 1);
        return Path.of(name + "-" + reference.tag().orElse("latest") + ".tar.gz");
    }
}
