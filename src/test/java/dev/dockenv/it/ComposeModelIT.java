package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.ComposeSamples;
import dev.dockenv.compose.ComposeString;
import dev.dockenv.compose.ComposeYaml;
import dev.dockenv.compose.Service;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose files rendered from the compose model, handed to the real compose: docker-compose 1.29
 * (what the test machines have) and the v2 plugin when the client has one, each must accept them
 * ({@code config -q}); the values compose reads back are the model's (literal {@code $} kept,
 * variables interpolated), and a container started by compose gets them in its environment and
 * arguments. Also a negative: 1.29 refuses a top-level {@code name:}, which the model cannot write
 * (ComposeModelTest shows it has no part for it).
 */
class ComposeModelIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PASSWORD = "s3cret $tays & \"quoted\"";

    @TempDir
    Path dir;

    @Test
    void composeAcceptsTheRepresentativeStack() throws IOException {
        Path file = write("compose.yaml", ComposeYaml.render(ComposeSamples.representative()));
        Files.writeString(dir.resolve(".env"), "");
        for (List<String> compose : composes()) {
            ProcessResult config = config(compose, file, "-q");
            assertThat(config.exitCode()).as(config.describe()).isZero();
        }
    }

    @Test
    void composeReadsBackTheModelsValuesWithTheVariablesInterpolated() throws IOException {
        Path file = write("compose.yaml", ComposeYaml.render(ComposeSamples.representative()));
        Files.writeString(dir.resolve(".env"), "");
        JsonNode app = pyYaml(config(List.of("docker-compose"), file).assertOk().stdout()).path("services").path("app");
        // compose prints the file again, where a literal $ is $$
        assertThat(app.path("environment").path("PRICE").asText().replace("$$", "$")).isEqualTo("$5 a month");
        assertThat(app.path("environment").path("DATABASE_URL").asText().replace("$$", "$"))
                .isEqualTo("postgresql://shop:" + PASSWORD + "@db:5432/shop");
        assertThat(app.path("environment").path("PGPASSWORD").asText().replace("$$", "$")).isEqualTo(PASSWORD);
        assertThat(app.path("user").asText()).isEqualTo("1000:1000");
        assertThat(app.path("depends_on").path("migrate").path("condition").asText())
                .isEqualTo("service_completed_successfully");
        assertThat(app.path("init").asBoolean()).isTrue();

        ProcessResult unset = Exec.of("docker-compose", "-f", file.toString(), "config", "-q").dir(dir)
                .env(ComposeSamples.PASSWORD_VARIABLE, null).timeout(TIMEOUT).run();
        assertThat(unset.exitCode()).as(unset.describe()).isNotZero();
        assertThat(unset.stderr()).as("${NAME:?message} stops compose with the message").contains("run dockenv up first");
    }

    @Test
    void awkwardValuesAndKeysReachComposeUnchanged() throws IOException {
        Path file = write("compose.yaml", ComposeYaml.render(ComposeSamples.awkward()));
        for (List<String> compose : composes()) {
            ProcessResult config = config(compose, file, "-q");
            assertThat(config.exitCode()).as(config.describe()).isZero();
        }
        JsonNode service = pyYaml(config(List.of("docker-compose"), file).assertOk().stdout()).path("services").path("yes");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < ComposeSamples.AWKWARD_VALUES.size(); i++) {
            values.add(service.path("environment").path("V" + i).asText().replace("$$", "$"));
        }
        // `config` prints the file again with PyYAML, which writes a NEL raw and then reads it as a line
        // break folded into a space: compose's printout, not the file (the container below gets the NEL)
        assertThat(values).isEqualTo(ComposeSamples.AWKWARD_VALUES.stream().map(v -> v.replace('\u0085', ' ')).toList());
        assertThat(service.path("environment").path("ON").asText()).isEqualTo("off");
        assertThat(service.path("labels").path("on").asText()).isEqualTo("no");
        assertThat(service.path("command").get(2).asText().replace("$$", "$")).isEqualTo("echo \"$$0\"\necho done\r\u0007");
    }

    /** The end of the line: a container compose starts sees the values and arguments the model holds. */
    @Test
    void aContainerStartedByComposeGetsTheModelsValues() throws IOException {
        Docker.requireEngine();
        Service.Builder probe = Service.builder().image(Docker.BASE_IMAGE)
                .command("python3", "-c", "import json, os, sys; print(json.dumps({'env': {k: v for k, v in "
                        + "os.environ.items() if k.startswith('V') or k == 'SECRET'}, 'argv': sys.argv[1:]}))",
                        "$HOME", "${USER}", "it's \"q\" \\ $$");
        for (int i = 0; i < ComposeSamples.AWKWARD_VALUES.size(); i++) {
            probe.environment("V" + i, ComposeSamples.AWKWARD_VALUES.get(i));
        }
        probe.environment("SECRET", ComposeString.variable(ComposeSamples.PASSWORD_VARIABLE));
        Path file = write("compose.yaml", ComposeYaml.render(ComposeModel.builder().service("probe", probe.build()).build()));
        String project = "dockenv-composeit-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            ProcessResult run = Exec.of("docker-compose", "-p", project, "-f", file.toString(), "run", "--rm", "-T", "probe")
                    .dir(dir).env(ComposeSamples.PASSWORD_VARIABLE, PASSWORD).timeout(TIMEOUT).run();
            assertThat(run.exitCode()).as(run.describe()).isZero();
            List<String> lines = run.stdout().strip().lines().toList();
            JsonNode seen = new ObjectMapper().readTree(lines.get(lines.size() - 1));
            List<String> values = new ArrayList<>();
            for (int i = 0; i < ComposeSamples.AWKWARD_VALUES.size(); i++) {
                values.add(seen.path("env").path("V" + i).asText());
            }
            assertThat(values).isEqualTo(ComposeSamples.AWKWARD_VALUES);
            assertThat(seen.path("env").path("SECRET").asText()).isEqualTo(PASSWORD);
            List<String> argv = new ArrayList<>();
            seen.path("argv").forEach(a -> argv.add(a.asText()));
            assertThat(argv).containsExactly("$HOME", "${USER}", "it's \"q\" \\ $$");
        } finally {
            Exec.of("docker-compose", "-p", project, "-f", file.toString(), "down", "--volumes", "--remove-orphans")
                    .dir(dir).timeout(TIMEOUT).run();
        }
    }

    /** The check can fail: 1.29 refuses what the model has no way to write. */
    @Test
    void dockerCompose129RefusesATopLevelName() throws IOException {
        Path file = write("named.yaml", "name: shop\n" + ComposeYaml.render(ComposeSamples.awkward()));
        ProcessResult config = config(List.of("docker-compose"), file, "-q");
        assertThat(config.exitCode()).as(config.describe()).isNotZero();
        assertThat(config.stderr()).contains("name");
    }

    /** docker-compose 1.29 always (scripts/ensure-compose.sh installs it), and `docker compose` when the client has it. */
    private static List<List<String>> composes() {
        ProcessResult version = Exec.of("docker-compose", "version", "--short").timeout(TIMEOUT).run();
        assertThat(version.exitCode()).as("docker-compose is missing: run scripts/ensure-compose.sh\n" + version.describe())
                .isZero();
        List<List<String>> composes = new ArrayList<>();
        composes.add(List.of("docker-compose"));
        if (Docker.exec("compose", "version").timeout(TIMEOUT).run().ok()) {
            composes.add(Docker.command(List.of("compose")));
        }
        return composes;
    }

    private ProcessResult config(List<String> compose, Path file, String... options) {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("-f", file.toString(), "config"));
        command.addAll(List.of(options));
        return Exec.of(command).dir(dir).env(ComposeSamples.PASSWORD_VARIABLE, PASSWORD).timeout(TIMEOUT).run();
    }

    /** Reads YAML as compose 1.29 does, with PyYAML (its dependency), as JSON. */
    private JsonNode pyYaml(String yaml) throws IOException {
        ProcessResult json = Exec.of("python3", "-c", "import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)")
                .stdin(yaml).timeout(TIMEOUT).run().assertOk();
        return new ObjectMapper().readTree(json.stdout());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
