package dev.dockenv.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastRunTest {
    @TempDir
    Path tmp;

    /** What GNU stat prints for the files, as the launcher runs it. */
    private static String stat(List<String> paths) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("stat", "-c", "%s %i %D %.9Y %n", "--"));
        command.addAll(paths);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(10, TimeUnit.SECONDS);
        return out.stripTrailing();
    }

    private static boolean gnuStat() {
        try {
            Process p = new ProcessBuilder("stat", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor() == 0 && out.contains("GNU coreutils");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aStampsLineIsWhatGnuStatPrintsForFilesFoldersLinksAndNothingForAnAbsentFile() throws Exception {
        assumeThat(gnuStat()).isTrue();
        Path file = Files.writeString(tmp.resolve("requirements.txt"), "flask\n");
        Path folder = Files.createDirectories(tmp.resolve("requirements"));
        Files.writeString(folder.resolve("a.txt"), "x\n");
        Path link = Files.createSymbolicLink(tmp.resolve("dangling.toml"), tmp.resolve("nowhere"));
        Path spaced = Files.writeString(tmp.resolve("a b ä.txt"), "");
        Path absent = tmp.resolve("pyproject.toml");
        List<Path> paths = List.of(file, folder, link, spaced, absent);
        StringBuilder expected = new StringBuilder();
        for (Path p : paths) {
            FileStamp.of(p).statLine().ifPresent(l -> expected.append(l).append('\n'));
        }
        assertThat(FileStamp.of(absent).statLine()).isEmpty();
        assertThat(expected.toString().stripTrailing())
                .isEqualTo(stat(paths.stream().map(Path::toString).toList()));
    }

    @Test
    void theRecordHoldsTheStampsInTheOrderTheLauncherStatsThemAndRefusesWhatItCannotCheck() throws Exception {
        Path file = Files.writeString(tmp.resolve("requirements.txt"), "flask\n");
        Path absent = tmp.resolve("uv.lock");
        FileStamp jar = FileStamp.of(Files.writeString(tmp.resolve("dockenv.jar"), "jar"));
        Files.writeString(tmp.resolve("b-requirements.txt"), "");
        Files.writeString(tmp.resolve("B-requirements.txt"), "");
        Files.writeString(tmp.resolve(".hidden-requirements.txt"), "");
        GlobStamp glob = GlobStamp.of(tmp, "*requirements*.txt");
        assertThat(glob.matches()).extracting(s -> Path.of(s.path()).getFileName().toString())
                .as("bytes order, dot files included, as a shell expands it in the C locale")
                .containsExactly(".hidden-requirements.txt", "B-requirements.txt", "b-requirements.txt", "requirements.txt");
        List<InputStamp> stamps = List.of(FileStamp.of(file), FileStamp.of(absent), ListingStamp.of(tmp, ".*\\.txt"));
        FastRun run = FastRun.of("c0ffee", "python", stamps, List.of(jar), List.of(glob), List.of("/home"),
                List.of("docker", "image", "inspect", "--format", "{{.Id}}", "x:dev"), "sha256:1\n", List.of(),
                List.of("docker", "run", "--rm", "x:dev")).orElseThrow();
        assertThat(run.paths()).containsExactly(file.toString(), absent.toString(), tmp.toString(), jar.path());
        List<String> lines = run.expectedStat().lines().toList();
        assertThat(lines).hasSize(3 + 4);
        assertThat(lines.get(0)).endsWith(" " + file);
        assertThat(lines.get(1)).endsWith(" " + tmp);
        assertThat(lines.get(3)).endsWith(" " + tmp.resolve(".hidden-requirements.txt"));
        assertThat(run.expectedProbe()).as("a shell's $(...) drops the trailing newline").isEqualTo("sha256:1");
        if (gnuStat()) {
            List<String> all = new ArrayList<>(run.paths());
            glob.matches().forEach(m -> all.add(m.path()));
            assertThat(stat(all)).isEqualTo(run.expectedStat());
        }

        List<String> fields = Arrays.asList(new String(run.encode(), StandardCharsets.UTF_8).split("\0", -1));
        assertThat(fields.get(0)).isEqualTo("dockenv-fast-run 2");
        assertThat(fields.subList(1, 4)).containsExactly("c0ffee", "python", "4");
        assertThat(fields.get(fields.size() - 2)).isEqualTo("end");
        assertThat(fields.get(fields.size() - 1)).as("every field ends with a NUL").isEmpty();

        ScriptStamp script = ScriptStamp.of(Files.writeString(tmp.resolve("s.py"), "# /// script\n# ///\n"));
        assertThat(FastRun.of("c", "python", List.of(script), List.of(), List.of(), List.of(), List.of("p"), "", List.of(), List.of("d")))
                .as("inline metadata is read by the JVM only").isEmpty();
        Path newline = Files.writeString(tmp.resolve("a\nb.txt"), "");
        assertThat(FastRun.of("c", "python", List.of(FileStamp.of(newline)), List.of(), List.of(), List.of(), List.of("p"), "", List.of(),
                List.of("d"))).as("a path that would break stat's lines").isEmpty();
    }

    @Test
    void withTheEnginesFilesStampedTheRecordAsksNoQuestion() throws Exception {
        Path file = Files.writeString(tmp.resolve("requirements.txt"), "flask\n");
        Path tags = Files.writeString(tmp.resolve("repositories.json"), "{}");
        FileText state = new FileText("/var/lib/docker/containers/c1/config.v2.json",
                "\"State\":{\"Running\":true,\"Pid\":7,\"Health\":{\"Status\":\"healthy\"");
        FastRun run = FastRun.of("c0ffee", "python", List.of(FileStamp.of(file)), List.of(FileStamp.of(tags)), List.of(),
                List.of(), List.of(), "", List.of(state), List.of("docker", "run", "--rm", "x:dev")).orElseThrow();

        List<String> fields = Arrays.asList(new String(run.encode(), StandardCharsets.UTF_8).split("\0", -1));
        int probe = fields.indexOf(run.expectedStat()) + 2; // after the stat lines, no folder
        assertThat(fields.get(probe - 1)).as("no folder").isEqualTo("0");
        assertThat(fields.subList(probe, probe + 6)).as("no question, no answer, the service's file and text, then "
                + "the docker command").containsExactly("0", "", "1", state.path(), state.text(), "4");
        assertThatThrownBy(() -> new FileText("f", "a\nb")).as("a text the launcher reads as one").isInstanceOf(
                IllegalArgumentException.class);
        assertThat(run.paths()).containsExactly(file.toString(), tags.toString());
    }

    @Test
    void aFolderWhereOnlyOtherEntriesCameGetsItsNewStampAndKeepsItsNames() throws Exception {
        Files.writeString(tmp.resolve("requirements-dev.txt"), "");
        ListingStamp before = ListingStamp.of(tmp, "requirements.*\\.txt");
        assertThat(before.current()).containsSame(before);
        Files.setLastModifiedTime(tmp, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        Files.writeString(tmp.resolve("scratch.py"), "");
        ListingStamp after = before.current().orElseThrow();
        assertThat(after).isNotSameAs(before);
        assertThat(after.folder()).isEqualTo(FileStamp.of(tmp));
        assertThat(after.names()).isEqualTo(before.names());
        Files.writeString(tmp.resolve("requirements-lint.txt"), "");
        assertThat(after.current()).as("a new set is a change").isEmpty();
        assertThat(InputStamp.decode(after.encode())).isEqualTo(after);
    }
}
