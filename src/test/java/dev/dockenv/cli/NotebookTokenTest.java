package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookTokenTest {
    @TempDir
    Path project;

    @Test
    void aTokenIs48HexDigitsAndNeverTheSameTwice() {
        SecureRandom random = new SecureRandom();
        NotebookToken a = NotebookToken.random(random);
        NotebookToken b = NotebookToken.random(random);
        assertThat(a.value()).matches("[0-9a-f]{48}");
        assertThat(b.value()).matches("[0-9a-f]{48}").isNotEqualTo(a.value());
        assertThat(NotebookToken.random(new Random(7)).value()).isEqualTo(NotebookToken.random(new Random(7)).value());
    }

    @Test
    void theEnvFileIsTheOwnersAloneUnderTheStackFolderWhichGitIgnores() throws Exception {
        Path file = new NotebookToken("ab".repeat(24)).write(project, 8889);

        assertThat(file).isEqualTo(project.resolve(".dockenv/stack/notebook-8889.env"));
        assertThat(Files.readAllLines(file)).contains("JUPYTER_TOKEN=" + "ab".repeat(24));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readAllLines(project.resolve(".dockenv/stack/.gitignore"))).contains("*");
    }

    @Test
    void aNewTokenReplacesTheOldOneAndTheUsersGitignoreStays() throws Exception {
        Path folder = Files.createDirectories(project.resolve(".dockenv/stack"));
        Files.writeString(folder.resolve(".gitignore"), "mine\n");
        Path file = new NotebookToken("1".repeat(48)).write(project, 8888);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new NotebookToken("2".repeat(48)).write(project, 8888);

        assertThat(Files.readString(file)).contains("JUPYTER_TOKEN=" + "2".repeat(48)).doesNotContain("1".repeat(48));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(folder.resolve(".gitignore")).content().isEqualTo("mine\n");
    }
}
