package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher starts a recorded run without the JVM only when the variables that could change it
 * are as they were: every environment variable dockenv's code reads must be among those it digests
 * (bin/dockenv's list), or be one that cannot change a run, said here with the reason.
 */
class LauncherConditionsTest {
    /** Read through an environment map or the session: env("X"), environment.get("X"), getenv("X") ... */
    private static final Pattern READ = Pattern.compile(
            "(?:\\benv|\\benvironment|\\bsession|\\bhost|System)\\s*\\.\\s*(?:env|get|getenv|getOrDefault|containsKey)"
                    + "\\(\\s*\"([A-Z][A-Z0-9_]*)\"");
    private static final Map<String, String> NOT_A_RUN_INPUT = Map.of(
            "DOCKENV_EXEC_FILE", "the launcher's own hand-off file",
            "DOCKENV_CDS_TRAINING", "the launcher's own class-data recording",
            "DOCKENV_TIMING", "the launcher takes the JVM whenever it is set",
            "SOURCE_DATE_EPOCH", "release only",
            "USER", "an error message's user name",
            "DJANGO_SETTINGS_MODULE", "read from the project's settings (their env table), which are stamped files");

    @Test
    void everyVariableTheCodeReadsIsAConditionOfTheLaunchersRecordOrCannotChangeARun() throws IOException {
        String launcher = Files.readString(Path.of("bin/dockenv"));
        Matcher loop = Pattern.compile("for name_ in ([^;]+); do").matcher(launcher);
        assertThat(loop.find()).as("bin/dockenv's list of the variables it digests").isTrue();
        List<String> words = List.of(loop.group(1).trim().split("\\s+"));
        Set<String> read = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = READ.matcher(Files.readString(file));
                while (m.find()) {
                    read.add(m.group(1));
                }
            }
        }
        assertThat(read).as("the scan finds what it must").contains("DOCKER_HOST", "PIP_INDEX_URL", "DOCKENV_DOCKER",
                "HOME", "CONTAINER_HOST");
        for (String name : read) {
            boolean digested = words.stream().anyMatch(w -> w.equals(name)
                    || w.startsWith("${!") && w.endsWith("*}") && name.startsWith(w.substring(3, w.length() - 2)));
            assertThat(digested || NOT_A_RUN_INPUT.containsKey(name))
                    .as(name + " is read by dockenv: digest it in bin/dockenv, or say here why it cannot change a run")
                    .isTrue();
        }
    }
}
