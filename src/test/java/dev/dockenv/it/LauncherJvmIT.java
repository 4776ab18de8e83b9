package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JVM the launcher starts: one JIT compiler thread on a machine of one or two CPUs (a second
 * one competes with the command there), the JVM's own choice on more, and DOCKENV_JAVA_OPTS that
 * choose the compilers themselves left alone (tiered C2 refuses one thread: the JVM would not start).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LauncherJvmIT {
    private static final Pattern COMPILERS = Pattern.compile("CICompilerCount\\s+=\\s+(\\d+)\\s+\\{[^}]*\\}\\s+\\{([^}]*)\\}");

    private ItWorkspace ws;
    private Path folder;

    @BeforeAll
    void openWorkspace() throws IOException {
        ws = ItWorkspace.open("dockenv-launcherjvmit");
        folder = Files.createDirectories(ws.path("empty"));
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @Test
    void oneCompilerThreadOnOneOrTwoCpusTheJvmsChoiceOnMore() throws IOException {
        ProcessResult r = ws.dockenv().withEnv("DOCKENV_JAVA_OPTS", "-XX:+PrintFlagsFinal").run(folder, "--help");
        assertThat(r.exitCode()).as(r.describe()).isZero();
        Matcher m = COMPILERS.matcher(r.stdout());
        assertThat(m.find()).as(r.describe()).isTrue();
        if (onlineCpus() <= 2) {
            assertThat(m.group(1)).isEqualTo("1");
            assertThat(m.group(2)).isEqualTo("command line");
        } else {
            assertThat(m.group(2)).isNotEqualTo("command line");
        }
    }

    @Test
    void javaOptionsThatChooseTheCompilersAreLeftAlone() {
        for (String options : new String[] {"-XX:TieredStopAtLevel=4", "-XX:CICompilerCount=2",
                "-XX:-TieredCompilation -XX:+PrintFlagsFinal"}) {
            DockenvCli dockenv = ws.dockenv().withEnv("DOCKENV_JAVA_OPTS", options);
            ProcessResult r = dockenv.run(folder, "--help");
            assertThat(r.exitCode()).as(options + ": " + r.describe()).isZero();
            assertThat(r.stdout()).as(options).contains("Usage: dockenv");
        }
    }

    /** The CPUs the launcher counts: /sys/devices/system/cpu/online, ranges such as 0-3,6. */
    private static int onlineCpus() throws IOException {
        int count = 0;
        for (String range : Files.readString(Path.of("/sys/devices/system/cpu/online")).strip().split(",")) {
            String[] ends = range.split("-");
            count += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
        }
        return count;
    }
}
