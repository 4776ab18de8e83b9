package dev.dockenv.cli;

import dev.dockenv.engine.Engine;
import dev.dockenv.engine.ImageReference;
import dev.dockenv.engine.PushedImage;
import dev.dockenv.engine.TransferProgress;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code dockenv push} does once the release has named its references: gives the image each
 * reference and pushes them in order with the user's own docker login, printing
 * {@code REPOSITORY:TAG@DIGEST} for each on stdout (the client's progress on stderr unless quiet).
 * A registry's refusal stops it ({@link dev.dockenv.engine.RegistryRefusedException}, exit 12); a
 * push stopped half way is finished by pushing again.
 */
final class ReleasePush {
    private final Session session;
    private final boolean quiet;

    ReleasePush(Session session, boolean quiet) {
        this.session = session;
        this.quiet = quiet;
    }

    List<PushedImage> push(ReleaseReferences release) {
        Engine engine = session.engine();
        PrintWriter err = session.err();
        List<ImageReference> references = release.references();
        for (ImageReference reference : references) {
            engine.tag(release.imageId(), reference);
        }
        List<PushedImage> pushed = new ArrayList<>();
        for (ImageReference reference : references) {
            if (!quiet) {
                err.println("dockenv: pushing " + reference);
            }
            TransferProgress progress = quiet ? TransferProgress.quiet() : line -> err.println("  " + line);
            PushedImage image = engine.push(reference, progress);
            pushed.add(image);
            session.out().println(reference + "@" + image.digest());
        }
        session.out().flush();
        err.flush();
        return List.copyOf(pushed);
    }
}
