package dev.dockenv.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** What {@link ComposeYaml} writes: the layout, the quoting, compose's escaping, and the same bytes each time. */
class ComposeYamlTest {

    private static final String REPRESENTATIVE = """
            # Written by dockenv: the services of shop.
            #
            # Passwords come from the environment: DOCKENV_DB_PASSWORD.
            services:
              db:
                image: "postgres:16"
                environment:
                  POSTGRES_USER: "shop"
                  POSTGRES_PASSWORD: "${DOCKENV_DB_PASSWORD}"
                  POSTGRES_DB: "shop"
                ports:
                  - "127.0.0.1:5432:5432"
                volumes:
                  - "db-data:/var/lib/postgresql/data"
                networks:
                  - "backend"
                healthcheck:
                  test:
                    - "CMD"
                    - "pg_isready"
                    - "-U"
                    - "shop"
                    - "-d"
                    - "shop"
                  interval: "2s"
                  timeout: "5s"
                  retries: 30
                  start_period: "1m30s"
                restart: "unless-stopped"
              cache:
                image: "redis:7"
                command:
                  - "redis-server"
                  - "--save"
                  - ""
                  - "--appendonly"
                  - "no"
                volumes:
                  - "cache-data:/data"
                networks:
                  - "backend"
                healthcheck:
                  test:
                    - "CMD-SHELL"
                    - "redis-cli ping | grep -q PONG"
                  interval: "1s500ms"
              migrate:
                image: "dockenv-shop:dev"
                build:
                  context: "."
                  dockerfile: "Dockerfile"
                  target: "dev"
                  network: "host"
                  args:
                    PIP_INDEX_URL: "http://127.0.0.1:3141/simple"
                depends_on:
                  db:
                    condition: "service_healthy"
                command:
                  - "python"
                  - "manage.py"
                  - "migrate"
                user: "${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"
                environment:
                  DATABASE_URL: "postgresql://shop:${DOCKENV_DB_PASSWORD}@db:5432/shop"
                networks:
                  - "backend"
              app:
                image: "dockenv-shop:dev"
                build:
                  context: "."
                  dockerfile: "Dockerfile"
                  target: "dev"
                  network: "host"
                  args:
                    PIP_INDEX_URL: "http://127.0.0.1:3141/simple"
                depends_on:
                  db:
                    condition: "service_healthy"
                  cache:
                    condition: "service_started"
                  migrate:
                    condition: "service_completed_successfully"
                entrypoint:
                  - "/opt/venv/bin/python"
                  - "-m"
                command:
                  - "gunicorn"
                  - "shop.wsgi:app"
                  - "--bind"
                  - "0.0.0.0:8000"
                user: "${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"
                working_dir: "/app"
                init: true
                tty: true
                stdin_open: true
                env_file:
                  - ".env"
                environment:
                  HOME: "/tmp"
                  DATABASE_URL: "postgresql://shop:${DOCKENV_DB_PASSWORD}@db:5432/shop"
                  PGPASSWORD: "${DOCKENV_DB_PASSWORD:?run dockenv up first}"
                  PRICE: "$$5 a month"
                ports:
                  - "127.0.0.1:8000:8000"
                  - "127.0.0.1::9000/udp"
                volumes:
                  - ".:/app"
                  - "./data:/data:ro"
                networks:
                  backend:
                    aliases:
                      - "api"
                      - "web"
                  default: {}
                labels:
                  dev.dockenv.project: "shop"
                stop_grace_period: "1m30s"
              notebook:
                image: "dockenv-shop:dev"
                profiles:
                  - "tools"
                command:
                  - "jupyter"
                  - "lab"
                  - "--ip"
                  - "0.0.0.0"
                ports:
                  - "127.0.0.1:8888:8888"
            networks:
              backend:
                name: "shop_backend"
            volumes:
              db-data: {}
              cache-data:
                name: "shop_cache"
            """;

    @Test
    void rendersTheRepresentativeStack() {
        assertThat(ComposeYaml.render(ComposeSamples.representative())).isEqualTo(REPRESENTATIVE);
    }

    @Test
    void theSameModelGivesTheSameBytes() {
        String first = ComposeYaml.render(ComposeSamples.representative());
        assertThat(ComposeYaml.render(ComposeSamples.representative())).isEqualTo(first);
        assertThat(ComposeYaml.render(ComposeSamples.awkward())).isEqualTo(ComposeYaml.render(ComposeSamples.awkward()));
    }

    @Test
    void aLiteralDollarIsDoubledAndAnInterpolatedStringIsWrittenAsIs() {
        Service service = Service.builder().image("python:3.12")
                .command("sh", "-c", "echo $HOME ${USER}")
                .environment("PRICE", "$5")
                .environment("PASSWORD", ComposeString.variable("DOCKENV_DB_PASSWORD"))
                .environment("URL", ComposeString.interpolated("postgresql://u:${PW:?set PW}@db/x?cost=$$5"))
                .label("shell", "$(id -u)")
                .build();
        String yaml = render(service);
        assertThat(yaml).contains("      - \"echo $$HOME $${USER}\"\n")
                .contains("      PRICE: \"$$5\"\n")
                .contains("      PASSWORD: \"${DOCKENV_DB_PASSWORD}\"\n")
                .contains("      URL: \"postgresql://u:${PW:?set PW}@db/x?cost=$$5\"\n")
                .contains("      shell: \"$$(id -u)\"\n");
    }

    @Test
    void literalsWithDollarsInEveryPlaceAreEscaped() {
        Service service = Service.builder().image("python:3.12")
                .builtFrom(Build.builder("./$ctx").dockerfile("Dockerfile.$x").arg("A", "$a").build())
                .workingDir("/srv/$app")
                .user("$u")
                .envFile("./$env")
                .volume(VolumeMount.bind("./$data", "/data/$x"))
                .healthcheck(Healthcheck.cmdShell("test $HOME").build())
                .build();
        String yaml = render(service);
        assertThat(yaml).contains("\"./$$ctx\"", "\"Dockerfile.$$x\"", "A: \"$$a\"", "\"/srv/$$app\"", "\"$$u\"",
                "\"./$$env\"", "\"./$$data:/data/$$x\"", "\"test $$HOME\"");
        assertThat(yaml.replace("$$", "")).as("no single $ is left").doesNotContain("$");
    }

    @Test
    void quotesBackslashesAndUnicodeAreWrittenInDoubleQuotes() {
        String yaml = ComposeYaml.render(ComposeSamples.awkward());
        assertThat(yaml)
                .contains("      V4: \"it's \\\"quoted\\\"\"\n")
                .contains("      V5: \"back\\\\slash\\\\\"\n")
                .contains("      V6: \"ünïcødé 😀 日本\"\n")
                .contains("      V31: \"a\\ttab\"\n")
                .contains("      V33: \"\\u2028line separator\"\n")
                .contains("      V34: \"\\u2029paragraph\"\n")
                .contains("      V35: \"\\Nnel\"\n")
                .contains("      - \"echo \\\"$$$$0\\\"\\necho done\\r\\a\"\n");
        assertThat(yaml).as("YAML 1.1 line breaks only as escapes").doesNotContain("\u0085", "\u2028", "\u2029");
    }

    /** Values come back from the YAML as they went in, once compose's $$ is read as $. */
    @Test
    void awkwardValuesReadBackAsTheyWereGiven() {
        Map<String, Object> file = load(ComposeYaml.render(ComposeSamples.awkward()));
        Map<?, ?> environment = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) file.get("services")).get("yes")).get("environment");
        List<String> values = new ArrayList<>();
        for (int i = 0; i < ComposeSamples.AWKWARD_VALUES.size(); i++) {
            values.add(((String) environment.get("V" + i)).replace("$$", "$"));
        }
        assertThat(values).isEqualTo(ComposeSamples.AWKWARD_VALUES);
        assertThat(environment.get("ON")).isEqualTo("off");
        assertThat(environment.get("y")).isEqualTo("n");
        assertThat(environment.get("NULL")).isEqualTo("~");
    }

    /** Keys YAML 1.1 would read as booleans, null or numbers are quoted; names are plain. */
    @Test
    void keysAreQuotedWhenAYamlReaderCouldMisreadThem() {
        String yaml = ComposeYaml.render(ComposeSamples.awkward());
        assertThat(yaml).contains("\n  \"yes\":\n", "\n      \"ON\": \"off\"\n", "\n      \"y\": \"n\"\n",
                "\n      \"NULL\": \"~\"\n", "\n      \"on\": \"no\"\n", "\n  \"off\": {}\n", "\n  \"123\": {}\n",
                "\n      V0: \"$$5\"\n");
        assertThat(ComposeYaml.render(ComposeSamples.representative())).contains("\n  db-data: {}\n",
                "\n      dev.dockenv.project: \"shop\"\n");
    }

    /**
     * The quoting rule over whole files: every string value is double-quoted; a plain scalar is a
     * boolean or an integer where compose wants one, or a key no YAML reader can misread.
     */
    @Test
    void everyStringIsDoubleQuotedAndOnlyBooleansIntegersAndSafeKeysArePlain() {
        List<String> plainValues = new ArrayList<>();
        List<String> plainKeys = new ArrayList<>();
        for (ComposeModel model : List.of(ComposeSamples.representative(), ComposeSamples.awkward())) {
            Node root = new Compose(LoadSettings.builder().build()).composeString(ComposeYaml.render(model)).orElseThrow();
            walk(root, plainValues, plainKeys);
        }
        assertThat(plainValues).containsOnly("true", "30");
        Pattern safeKey = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");
        Set<String> yaml11 = Set.of("y", "n", "yes", "no", "true", "false", "on", "off", "null");
        assertThat(plainKeys).contains("services", "db", "V0", "POSTGRES_PASSWORD", "dev.dockenv.project")
                .allMatch(k -> safeKey.matcher(k).matches() && !yaml11.contains(k.toLowerCase()));
    }

    @Test
    void durationsAreWrittenAsCompose129AndGoReadThem() {
        assertThat(ComposeDurations.format(Duration.ZERO)).isEqualTo("0s");
        assertThat(ComposeDurations.format(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(ComposeDurations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(ComposeDurations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
        assertThat(ComposeDurations.format(Duration.ofMinutes(60))).isEqualTo("1h");
        assertThat(ComposeDurations.format(Duration.ofHours(25).plusSeconds(1))).isEqualTo("25h1s");
        assertThat(ComposeDurations.format(Duration.ofNanos(1_001_001))).isEqualTo("1ms1us1ns");
    }

    @Test
    void aServiceOnNetworksWithoutAliasesListsThem() {
        ComposeModel model = ComposeModel.builder()
                .service("app", Service.builder().image("python:3.12").network("front").network("back").build())
                .network("front").network("back", Network.named("shared_back"))
                .build();
        assertThat(ComposeYaml.render(model)).isEqualTo("""
                services:
                  app:
                    image: "python:3.12"
                    networks:
                      - "front"
                      - "back"
                networks:
                  front: {}
                  back:
                    name: "shared_back"
                """);
    }

    @Test
    void restartNoIsAStringNotABoolean() {
        Service service = Service.builder().image("python:3.12").restart(Restart.NO).build();
        assertThat(render(service)).contains("    restart: \"no\"\n");
    }

    private static String render(Service service) {
        return ComposeYaml.render(ComposeModel.builder().service("s", service).build());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }

    private static void walk(Node node, List<String> plainValues, List<String> plainKeys) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                ScalarNode key = (ScalarNode) tuple.getKeyNode();
                if (key.getScalarStyle() == ScalarStyle.PLAIN) {
                    plainKeys.add(key.getValue());
                } else {
                    assertThat(key.getScalarStyle()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
                }
                walk(tuple.getValueNode(), plainValues, plainKeys);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> walk(item, plainValues, plainKeys));
        } else {
            ScalarNode scalar = (ScalarNode) node;
            if (scalar.getScalarStyle() == ScalarStyle.PLAIN) {
                plainValues.add(scalar.getValue());
            } else {
                assertThat(scalar.getScalarStyle()).as(scalar.getValue()).isEqualTo(ScalarStyle.DOUBLE_QUOTED);
            }
        }
    }
}
