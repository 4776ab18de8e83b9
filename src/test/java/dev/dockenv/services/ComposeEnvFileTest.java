package dev.dockenv.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeEnvFileTest {
    @TempDir
    Path dir;

    @Test
    void readsWhatComposeReads() {
        assertThat(ComposeEnvFile.variables("# DOCKENV_SECRET_DB=old\n\nexport A = 1\nB=x=y\n  C=3  \nA=2\n"))
                .containsExactly(Map.entry("A", "2"), Map.entry("B", "x=y"), Map.entry("C", "3"));
    }

    @Test
    void addsOnlyTheMissingNamesAndKeepsTheUsersLinesAndMode() throws Exception {
        Path env = Files.writeString(dir.resolve(".env"), "DEBUG=1\n# DOCKENV_SECRET_MQ=commented\nexport DOCKENV_SECRET_DB=mine");
        Files.setPosixFilePermissions(env, PosixFilePermissions.fromString("rw-r-----"));
        assertThat(ComposeEnvFile.addMissing(env, Map.of("DOCKENV_SECRET_DB", "new", "DOCKENV_SECRET_MQ", "mq"))).isTrue();
        assertThat(Files.readString(env)).isEqualTo("DEBUG=1\n# DOCKENV_SECRET_MQ=commented\nexport DOCKENV_SECRET_DB=mine\n"
                + "# the passwords of the services in compose.yaml (made by dockenv init for this project)\n"
                + "DOCKENV_SECRET_MQ=mq\n");
        assertThat(Files.getPosixFilePermissions(env)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(ComposeEnvFile.addMissing(env, Map.of("DOCKENV_SECRET_DB", "x"))).isFalse();
    }

    @Test
    void aNewFileIsPrivateAndALinkIsWrittenWhereItPoints() throws Exception {
        Path fresh = dir.resolve("new.env");
        assertThat(ComposeEnvFile.addMissing(fresh, Map.of("DOCKENV_SECRET_DB", "s"))).isTrue();
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        Path target = Files.writeString(dir.resolve("shared.env"), "A=1\n");
        Path link = Files.createSymbolicLink(dir.resolve(".env"), target);
        ComposeEnvFile.addMissing(link, Map.of("DOCKENV_SECRET_DB", "s"));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).contains("DOCKENV_SECRET_DB=s");
    }
}
