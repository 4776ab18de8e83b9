package dev.dockenv.cli;

import dev.dockenv.io.ChangeJournal;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectLocator;
import dev.dockenv.project.ProjectScanner;
import dev.dockenv.project.UserDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The root of the project a command reads, with what an interrupted {@code add} or {@code remove}
 * left behind undone first ({@link ChangeJournal}): a command never sees an edited manifest beside
 * the lock of before.
 */
final class ProjectRoot {
    private ProjectRoot() {
    }

    static Path locate(DockenvCommand command) {
        Path root = ProjectLocator.locate(command.startDirectory());
        completeInterruptedChange(command.session(), root);
        return root;
    }

    /** The project of the command, scanned with the user's defaults (DOCKENV_PYTHON). */
    static Project scan(DockenvCommand command) {
        return ProjectScanner.scan(locate(command), UserDefaults.fromEnvironment(command.session().environment()));
    }

    static void completeInterruptedChange(Session session, Path root) {
        Optional<ChangeJournal.Recovered> recovered;
        try {
            recovered = ChangeJournal.recover(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot undo an interrupted change in " + root.resolve(ChangeJournal.FOLDER), e);
        }
        recovered.ifPresent(r -> {
            session.err().println("dockenv: `" + r.what() + "` was interrupted and is undone: "
                    + String.join(" and ", r.paths()) + (r.paths().size() == 1 ? " is" : " are") + " as before it");
            session.err().flush();
        });
    }
}
