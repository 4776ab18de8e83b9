package dev.dockenv.io;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A folder and everything below it, removed (symbolic links as links, never what they point to). */
public final class FolderTree {
    private FolderTree() {
    }

    /**
     * Deletes the folder with its contents; what cannot be deleted is left (a temporary folder the
     * system's clean-up takes), never an error of the command that made it.
     */
    public static void deleteQuietly(Path folder) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // left behind, as said
        }
    }

    /** One file or (emptied) folder; one that cannot go stays, and the rest is still deleted. */
    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // left behind, as said
        }
    }
}
