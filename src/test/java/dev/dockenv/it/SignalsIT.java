package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.TestProject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A dockenv stopped mid-build stops its build (issue 8, campaign item 1): SIGTERM or SIGINT to the
 * launcher alone, or SIGTERM to the JVM alone, while a build step runs. Afterwards no dockenv JVM and
 * no docker build is left, and the image is never tagged, not even after the step would have ended.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignalsIT {
    private static final Pattern TAG = Pattern.compile("dockenv: building (\\S+)");
    private static final int STEP_SECONDS = 15;

    private ItWorkspace ws;
    private DockenvCli dockenv;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-signals");
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    @ParameterizedTest(name = "{0} to the {1}")
    @CsvSource({"TERM, launcher, 143", "INT, launcher, 130", "TERM, jvm, 143"})
    void aStoppedDockenvStopsItsBuildAndTagsNothing(String signal, String target, int exitCode) throws Exception {
        // POSIX: a background job of a non-interactive shell starts with SIGINT ignored, and so does every
        // process it starts (this test's JVM, the launcher): a signal ignored on entry cannot be trapped
        assumeFalse(signal.equals("INT") && interruptIgnored(), "this test's JVM started with SIGINT ignored "
                + "(run in the background by a script): the launcher cannot receive it; run the suite in the foreground");
        TestProject p = ws.project("stopped-" + signal.toLowerCase() + "-" + target)
                .file("requirements.txt", "")
                .file("dockenv.toml", "python = \"3.11\"\n")
                // a slow step, unique to this run so that no build cache answers it
                .file("postBuild", "#!/bin/sh\nsleep " + STEP_SECONDS + "\necho " + System.nanoTime() + "\n");
        long started = System.nanoTime();
        try (DockenvCli.Background build = dockenv.start(p.dir(), "build")) {
            String tag = awaitStep(build);
            ProcessHandle launcher = build.process().toHandle();
            ProcessHandle jvm = launcher.children().filter(c -> c.info().command().orElse("").contains("java"))
                    .findFirst().orElseThrow(() -> new AssertionError("no JVM under the launcher"));
            assertThat(dockerBuilds(tag)).as("the build runs").isNotEmpty();

            ProcessHandle receiver = target.equals("jvm") ? jvm : launcher;
            new ProcessBuilder("kill", "-" + signal, Long.toString(receiver.pid())).start().waitFor();

            assertThat(build.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS))
                    .as("dockenv ends\n" + build.describe()).isTrue();
            if (target.equals("launcher")) {
                assertThat(build.process().exitValue()).isEqualTo(exitCode);
            } else {
                assertThat(build.process().exitValue()).isNotZero();
            }
            assertThat(jvm.isAlive()).as("the JVM is gone").isFalse();
            assertThat(dockerBuilds(tag)).as("no docker build left").isEmpty();

            long stepEnds = started + Duration.ofSeconds(STEP_SECONDS + 5).toNanos();
            Thread.sleep(Math.max(0, (stepEnds - System.nanoTime()) / 1_000_000));
            assertThat(Docker.imageExists(tag)).as(tag + " is never tagged").isFalse();
        }
    }

    /** Whether this JVM ignores SIGINT (SigIgn of /proc/self/status; its children inherit that). */
    private static boolean interruptIgnored() throws java.io.IOException {
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring("SigIgn:".length()).strip(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    /** Waits until the slow step runs; the tag the build would write. */
    private static String awaitStep(DockenvCli.Background build) throws InterruptedException {
        for (int i = 0; i < 240; i++) {
            String err = build.stderr();
            Matcher m = TAG.matcher(err);
            if (m.find() && err.contains("./postBuild")) {
                Thread.sleep(2000); // into the step
                return m.group(1);
            }
            assertThat(build.alive()).as("dockenv build still runs\n" + build.describe()).isTrue();
            Thread.sleep(500);
        }
        throw new AssertionError("the slow step never started\n" + build.describe());
    }

    /** The docker build processes writing {@code tag}. */
    private static List<ProcessHandle> dockerBuilds(String tag) {
        return ProcessHandle.allProcesses().filter(h -> {
            Optional<String[]> args = h.info().arguments();
            return h.info().command().orElse("").endsWith("docker") && args.isPresent()
                    && List.of(args.get()).contains("build") && List.of(args.get()).contains(tag);
        }).toList();
    }
}
