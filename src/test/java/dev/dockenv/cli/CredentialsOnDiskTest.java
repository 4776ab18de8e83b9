package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.BuildRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, campaign item 3: an index password in PIP_INDEX_URL / PIP_EXTRA_INDEX_URL reaches no
 * file dockenv writes (its cache above all), nor the build's Dockerfile, arguments or labels.
 */
class CredentialsOnDiskTest {
    private static final String SECRET = "SECRET-TOKEN";

    @TempDir
    Path tmp;

    @Test
    void noFileDockenvWritesHoldsTheIndexPassword() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("app.py"), "print('hi')\n");
        Path cache = tmp.resolve("cache");
        CliHarness cli = new CliHarness(cache);
        cli.env.put("PIP_INDEX_URL", "http://user:" + SECRET + "@index.example/simple/");
        cli.env.put("PIP_EXTRA_INDEX_URL", "https://other:" + SECRET + "-2@extra.example/simple/");
        Path handoff = Files.createTempFile(tmp, "exec", "");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());

        assertThat(cli.run(project, "run", "python", "app.py")).as(cli.err).isZero();
        assertThat(cli.run(project, "run", "python", "app.py")).as(cli.err).isZero(); // the warm path
        assertThat(cli.engine.builds).hasSize(1);

        List<Path> written;
        try (Stream<Path> files = Files.walk(cache)) {
            written = files.filter(Files::isRegularFile).toList();
        }
        assertThat(written).as("the run cache was written").anyMatch(p -> p.toString().endsWith(".run"));
        for (Path file : written) {
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                    .doesNotContain(SECRET);
        }
        for (Path file : written) {
            if (file.toString().endsWith(".run") || file.startsWith(cache.resolve("digests"))) {
                assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            }
        }
        assertThat(Files.getPosixFilePermissions(cache.resolve("runs")))
                .doesNotContain(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        assertThat(Files.readString(handoff)).doesNotContain(SECRET);
        assertThat(String.join("\n", Files.readAllLines(project.resolve("requirements.txt")))).doesNotContain(SECRET);

        BuildRequest build = cli.engine.builds.get(0);
        assertThat(build.buildArgs().toString()).doesNotContain(SECRET);
        assertThat(build.labels().toString()).doesNotContain(SECRET);
        // no host path either: the same project built in two folders is the same image
        assertThat(build.labels().values()).noneMatch(v -> v.contains(tmp.toString()))
                .contains("shop");
        String context = new String(cli.engine.contexts.get(0), StandardCharsets.ISO_8859_1);
        assertThat(context).contains("Dockerfile").doesNotContain(SECRET);
        // the credentials reach the build as a secret file only, removed afterwards
        for (Path secret : build.secrets().values()) {
            assertThat(secret).doesNotExist();
        }
    }
}
