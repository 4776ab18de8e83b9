package dev.dockenv.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretStoreTest {
    @TempDir
    Path root;

    @Test
    void aPasswordIsMadeOnceKeptPrivateAndOutOfGit() throws Exception {
        SecretStore store = SecretStore.of(root);
        Map<String, String> first = store.ensure(List.of("DOCKENV_SECRET_DB"));
        assertThat(first.get("DOCKENV_SECRET_DB")).matches("[A-Za-z0-9]{24}");
        assertThat(store.ensure(List.of("DOCKENV_SECRET_DB"))).isEqualTo(first);
        Map<String, String> more = store.ensure(List.of("DOCKENV_SECRET_DB", "DOCKENV_SECRET_MQ"));
        assertThat(more.get("DOCKENV_SECRET_DB")).isEqualTo(first.get("DOCKENV_SECRET_DB"));
        assertThat(more.get("DOCKENV_SECRET_MQ")).isNotEqualTo(first.get("DOCKENV_SECRET_DB"));
        assertThat(Files.getPosixFilePermissions(store.file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(root.resolve(".dockenv/stack/.gitignore"))).contains("*\n");
        store.delete();
        assertThat(store.exists()).isFalse();
        assertThat(store.ensure(List.of())).isEmpty();
    }

    @Test
    void processesStartingAtOnceAgreeOnThePasswords() throws Exception {
        // separate JVMs, as two dockenv commands are (file locks are held per process)
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    root.toString()).redirectErrorStream(true).start());
        }
        List<String> answers = new ArrayList<>();
        for (Process child : children) {
            answers.add(new String(child.getInputStream().readAllBytes()).strip());
            assertThat(child.waitFor()).isZero();
        }
        assertThat(answers.get(0)).matches("\\{DOCKENV_SECRET_CACHE=[A-Za-z0-9]{24}, DOCKENV_SECRET_DB=[A-Za-z0-9]{24}\\}");
        assertThat(answers).containsOnly(answers.get(0));
    }

    /** A process that asks for the passwords of a project. */
    public static final class Child {
        public static void main(String[] args) {
            System.out.println(SecretStore.of(Path.of(args[0])).ensure(List.of("DOCKENV_SECRET_DB",
                    "DOCKENV_SECRET_CACHE")));
        }
    }
}
