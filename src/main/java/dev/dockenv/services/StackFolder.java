package dev.dockenv.services;

import dev.dockenv.io.IgnoredFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The project's {@code .dockenv/stack}: the stack's compose file, the app's variables, the
 * services' passwords, notebook tokens. Out of git (its .gitignore) and out of every build context
 * (dockenv's default ignores).
 */
public final class StackFolder {
    /** The folder, relative to the project root. */
    public static final String PATH = ".dockenv/stack";

    private StackFolder() {
    }

    /** The folder of the project at {@code root}. */
    public static Path of(Path root) {
        return root.resolve(PATH);
    }

    /** The folder, made when missing, with its .gitignore. */
    public static Path create(Path root) throws IOException {
        return IgnoredFolder.create(of(root), "stack files of this project (passwords, compose file, notebook "
                + "tokens): never in git");
    }
}
