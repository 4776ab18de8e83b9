package dev.dockenv.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderTreeTest {
    @TempDir
    Path tmp;

    @Test
    void deletesTheFolderWithEverythingBelowItButNotWhatALinkPointsTo() throws IOException {
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "kept");
        Path keptFolder = Files.createDirectories(tmp.resolve("kept"));
        Files.writeString(keptFolder.resolve("inside.txt"), "kept too");
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(tree.resolve("c.txt"), "c");
        Files.createSymbolicLink(tmp.resolve("tree/a/link.txt"), outside);
        Files.createSymbolicLink(tmp.resolve("tree/folder-link"), keptFolder);

        FolderTree.deleteQuietly(tmp.resolve("tree"));

        assertThat(tmp.resolve("tree")).doesNotExist();
        assertThat(outside).hasContent("kept");
        assertThat(keptFolder.resolve("inside.txt")).hasContent("kept too");
    }

    @Test
    void aMissingFolderIsNoError() {
        FolderTree.deleteQuietly(tmp.resolve("never-made"));

        assertThat(tmp.resolve("never-made")).doesNotExist();
    }
}
