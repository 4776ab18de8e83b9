package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The non-root test user (scripts/ensure-test-user.sh) can use the engine and the staged jar. */
class TestUserIT {

    @BeforeAll
    static void rootWithTestUser() {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can switch users");
        TestUser.require(); // as root, scripts/test.sh has made the user: its absence is a failure
        Docker.requireEngine();
    }

    @Test
    void theUserIsNotRootAndReachesTheEngine() {
        ProcessResult id = TestUser.exec("id", "-u").runOk();
        assertThat(Integer.parseInt(id.stdout().strip())).isEqualTo(TestUser.uid()).isNotZero();
        assertThat(TestUser.exec("sh", "-c", "echo $HOME").runOk().stdout().strip()).isEqualTo(TestUser.home().toString());

        ProcessResult v = TestUser.exec(Docker.command(List.of("version", "--format", "{{.Server.Version}}"))).runOk();
        assertThat(v.stdout()).isNotBlank();
    }

    @Test
    void workDirsAndTheStagedJarBelongToTheUser() throws Exception {
        Path work = TestUser.newWorkDir("testuser-it");
        Path staged = null;
        try {
            TestUser.exec("touch", "made-by-user").dir(work).runOk();
            assertThat(Files.getOwner(work.resolve("made-by-user")).getName()).isEqualTo(TestUser.name());

            staged = TestUser.stageDockenv();
            Path jar = staged.resolve("target/dockenv.jar");
            TestUser.exec("test", "-r", jar.toString()).runOk();
            if (Files.isDirectory(staged.resolve("bin"))) {
                try (var s = Files.list(staged.resolve("bin"))) {
                    for (Path f : s.toList()) {
                        assertThat(Files.isExecutable(f)).as(f + " keeps its exec bit").isTrue();
                    }
                }
            }
        } finally {
            TestUser.deleteRecursively(work);
            TestUser.deleteRecursively(staged);
        }
    }
}
