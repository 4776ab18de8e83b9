package dev.dockenv.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of dockenv's own state inside a project (the journal of a change, the stack's files):
 * made when missing, with a {@code .gitignore} of {@code *} so that nothing in it reaches version
 * control. A {@code .gitignore} already there is the user's and stays as it is.
 */
public final class IgnoredFolder {
    private IgnoredFolder() {
    }

    /** Makes {@code folder} (and its parents) and its .gitignore, saying in a comment what it holds. */
    public static Path create(Path folder, String holds) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.writeIfAbsent(folder.resolve(".gitignore"),
                ("# dockenv's " + holds + "\n*\n").getBytes(StandardCharsets.UTF_8));
        return folder;
    }
}
