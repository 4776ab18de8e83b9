package dev.dockenv.cli;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.io.StampedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files dockenv writes for the user to keep and commit (devcontainer.json, an IDE's compose
 * file, CI pipelines), each stamped ({@link StampedText}): a missing one is written, one dockenv
 * wrote and nobody touched is refreshed when it would change, an edited or foreign one is kept
 * unless {@code --force}. Every file is checked before any is written, and each is written
 * atomically: a refusal leaves all as they were.
 */
final class KeptFiles {
    private KeptFiles() {
    }

    /** A file to keep: where, relative to the project root, its whole stamped text, and the command that writes it. */
    record Kept(String path, String text, String command) {
    }

    /** What a kept file is on disk now, against what dockenv would write. */
    enum Freshness {
        MISSING("missing"),
        CURRENT("up to date"),
        STALE("out of date"),
        EDITED("edited since dockenv wrote it, kept as it is"),
        FOREIGN("not written by dockenv, kept as it is");

        private final String words;

        Freshness(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    static Freshness freshness(Path root, Kept file) {
        Optional<String> now = read(root.resolve(file.path()));
        return switch (StampedText.state(now)) {
            case MISSING -> Freshness.MISSING;
            case EDITED -> Freshness.EDITED;
            case FOREIGN -> Freshness.FOREIGN;
            case UNTOUCHED -> now.get().replace("\r", "").equals(file.text()) ? Freshness.CURRENT : Freshness.STALE;
        };
    }

    /** Writes {@code files} under {@code root}, saying what it did for each on the session's output. */
    static void write(Session session, Path root, List<Kept> files, boolean force) {
        List<Freshness> states = files.stream().map(f -> freshness(root, f)).toList();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Kept f = files.get(i);
            Freshness state = states.get(i);
            if (!force && (state == Freshness.EDITED || state == Freshness.FOREIGN)) {
                refused.add(f.path() + (state == Freshness.EDITED ? " (edited since dockenv wrote it)" : " (not dockenv's)"));
            }
        }
        if (!refused.isEmpty()) {
            throw new DockenvException(ExitCode.WOULD_OVERWRITE, String.join(", ", refused)
                    + (refused.size() == 1 ? " exists" : " exist") + " in " + root + "; nothing was written",
                    files.get(0).command() + " --force overwrites " + (refused.size() == 1 ? "it" : "them")
                            + " (your changes are lost: keep a copy, or compare with git diff afterwards)");
        }
        for (int i = 0; i < files.size(); i++) {
            Kept f = files.get(i);
            Path target = root.resolve(f.path());
            Freshness state = states.get(i);
            if (state == Freshness.CURRENT) {
                session.out().println(f.path() + " is up to date");
                continue;
            }
            try {
                AtomicFiles.write(target, f.text());
            } catch (IOException e) {
                throw IoFailures.writing(target, e);
            }
            session.out().println((state == Freshness.MISSING ? "wrote " : state == Freshness.STALE ? "refreshed "
                    : "overwrote ") + f.path());
        }
    }

    private static Optional<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
    }
}
