package dev.dockenv.it;

import static dev.dockenv.it.support.ResultAssertions.assertPrints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ImageLayers;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several apps in one repository (issue 9's parser/API monorepo) on the real engine: a shared
 * package {@code lol_common} and two apps, {@code parser} (folder lol_data_parser) and {@code api}
 * (folder lol_data_api), each with its own requirements file over the shared requirements_base.txt.
 * Both apps build over one shared base (the engine shows the same base layers under both images);
 * each app's environment has its own dependencies and not the other's, and the shared environment
 * at the root has only the base; inside an app's folder that app is the default; the parser's prod
 * image carries its folder, the shared package and its script but not the API's folder, and runs
 * its command as uid 10001; an unknown {@code --app} is a usage error naming the known apps.
 *
 * <p>The packages are real wheels the tests' index serves ({@link LocalPackageIndex#APP_WHEELS},
 * made from Debian's packages), small, pure Python and without dependencies, so no two sets share
 * one: six (base; lol_common uses it), ply (parser: a lexer), itsdangerous (api: signed tokens),
 * decorator (the api's dev set, requirements_test.txt). The stand-in python:3.11-slim has none of
 * them. One project serves every test; builds after the first come from the build cache.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonorepoIT {
    /** Imports each module, one line each: {@code NAME ok}, or {@code NAME missing MODULE} for a ModuleNotFoundError. */
    private static final String PROBE = """
            import importlib
            for name in ["six", "ply", "itsdangerous", "decorator", "lol_common", "lol_data_parser.parse",
                         "lol_data_api.app"]:
                try:
                    importlib.import_module(name)
                    print(name, "ok")
                except ModuleNotFoundError as e:
                    print(name, "missing", e.name)
            """;
    // the app modules import their app's package: in another app's environment they fail on it
    private static final String PARSER_ENV = """
            six ok
            ply ok
            itsdangerous missing itsdangerous
            decorator missing decorator
            lol_common ok
            lol_data_parser.parse ok
            lol_data_api.app missing itsdangerous
            """;
    private static final String API_ENV = """
            six ok
            ply missing ply
            itsdangerous ok
            decorator ok
            lol_common ok
            lol_data_parser.parse missing ply
            lol_data_api.app ok
            """;
    private static final String SHARED_ENV = """
            six ok
            ply missing ply
            itsdangerous missing itsdangerous
            decorator missing decorator
            lol_common ok
            lol_data_parser.parse missing ply
            lol_data_api.app missing itsdangerous
            """;
    /** What run_parser.sh prints in the prod image (its CMD), from /app as uid 10001. */
    private static final String PARSER_OUTPUT = """
            run_parser.sh as uid 10001 in /app
            [lol:parser] [('WORD', 'match'), ('NUMBER', 42), ('WORD', 'kills'), ('NUMBER', 7)]
            """;

    /** The history row of the step that installs requirements_base.txt (and no other set). */
    private static final Predicate<ImageLayers.HistoryRow> BASE_INSTALL = row -> {
        String made = row.createdBy();
        return made.contains("install") && made.contains("requirements_base.txt")
                && List.of("requirements_parser.txt", "requirements_api.txt", "requirements_test.txt").stream()
                        .noneMatch(made::contains);
    };

    private ItWorkspace ws;
    private DockenvCli dockenv;
    private TestProject project;

    @BeforeAll
    void setUp() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-monorepoit", LocalPackageIndex.APP_WHEELS);
        dockenv = ws.dockenv();
        // [project] is named after the test project (not "lol") so that its images are its own
        project = ws.project("lol");
        project.file("pyproject.toml", """
                [project]
                name = "%s"
                version = "0.1.0"

                [tool.dockenv]
                python = "3.11"
                index-url = "%s"
                requirements = ["base"]

                [tool.dockenv.apps.parser]
                path = "lol_data_parser"
                requirements = ["parser"]
                command = ["bash", "run_parser.sh"]

                [tool.dockenv.apps.api]
                path = "lol_data_api"
                requirements = ["api"]
                dev-requirements = ["test"]
                command = "python -m lol_data_api.app"
                ports = [8000]
                """.formatted(project.name(), ws.index().url()))
                .file("requirements_base.txt", "six\n")
                .file("requirements_parser.txt", "ply\n")
                .file("requirements_api.txt", "itsdangerous\n")
                .file("requirements_test.txt", "decorator\n")
                .file("lol_common/__init__.py", """
                        \"""The repository's shared package: every app imports it (it uses the shared base's six).\"""
                        import six


                        def tag(app):
                            return six.ensure_str("[lol:%s]" % app)
                        """)
                .file("lol_data_parser/__init__.py", "\"\"\"The parser app.\"\"\"\n")
                .file("lol_data_parser/parse.py", """
                        \"""Splits a line of match data into tokens with ply (the parser app's own dependency).\"""
                        import sys

                        import ply.lex as lex

                        from lol_common import tag

                        tokens = ("WORD", "NUMBER")
                        t_WORD = r"[a-z]+"
                        t_ignore = " "


                        def t_NUMBER(t):
                            r"\\d+"
                            t.value = int(t.value)
                            return t


                        def t_error(t):
                            raise ValueError("unexpected %r" % t.value[0])


                        def parse(line):
                            lexer = lex.lex()
                            lexer.input(line)
                            return [(token.type, token.value) for token in lexer]


                        if __name__ == "__main__":
                            print(tag("parser"), parse(sys.argv[1]))
                        """)
                .file("lol_data_api/__init__.py", "\"\"\"The API app.\"\"\"\n")
                .file("lol_data_api/app.py", """
                        \"""Signs match ids with itsdangerous (the API app's own dependency).\"""
                        import itsdangerous

                        from lol_common import tag

                        SIGNER = itsdangerous.URLSafeSerializer("dev-secret")


                        def token(match_id):
                            return SIGNER.dumps({"match": match_id})


                        if __name__ == "__main__":
                            print(tag("api"), SIGNER.loads(token(42)))
                        """)
                .file("run_parser.sh", """
                        #!/bin/bash
                        # The parser app's command: parses one line of match data.
                        set -euo pipefail
                        echo "run_parser.sh as uid $(id -u) in $(pwd)"
                        exec python -m lol_data_parser.parse "match 42 kills 7"
                        """);
    }

    @AfterAll
    void cleanUp() {
        try {
            if (project != null) {
                // the apps' images by their repository too, in case they lack the project's label
                List<String> ids = Docker.run("image", "ls", "-q", "--filter", "reference=" + project.repository())
                        .stdout().lines().distinct().toList();
                if (!ids.isEmpty()) {
                    List<String> rmi = new ArrayList<>(List.of("rmi", "-f"));
                    rmi.addAll(ids);
                    Docker.run(rmi);
                }
            }
        } finally {
            ItWorkspace.closeIfOpened(ws);
        }
    }

    @Test
    void bothAppsBuildOverOneSharedBase() {
        String parserRef = build("parser", "dev", "build", "--app", "parser"); // dev is the default target
        String apiRef = build("api", "dev", "build", "--app", "api", "--target", "dev");
        assertThat(Docker.runOk("image", "inspect", "--format", "{{json .Config.Cmd}}", parserRef).stdout().strip())
                .as("the parser's dev image runs the parser's command").isEqualTo("[\"bash\",\"run_parser.sh\"]");

        // One shared base: the two images' RootFS.Layers (diff ids, oldest first) start with the same
        // layers, up to and including the one that installed requirements_base.txt, and differ after
        // it. That layer is found from the top of each image's `docker history`: the newest row with
        // a layer (size above 0) whose instruction installs requirements_base.txt and no other set;
        // the rows above it with a size above 0 are the app's own layers, so the base install is
        // at most layer (count - those rows), and a shared prefix at least that long holds it (a row
        // of size 0 may be an empty layer, which only makes the bound higher: see ImageLayers).
        ImageLayers parser = ImageLayers.of(parserRef);
        ImageLayers api = ImageLayers.of(apiRef);
        int shared = parser.sharedPrefix(api);
        assertThat(shared).as("both images hold the base install in their shared layers:\n%s\n%s", parser, api)
                .isGreaterThanOrEqualTo(parser.layersThrough(BASE_INSTALL))
                .isGreaterThanOrEqualTo(api.layersThrough(BASE_INSTALL));
        assertThat(shared).as("each app has layers of its own after the shared base:\n%s\n%s", parser, api)
                .isLessThan(parser.layers().size()).isLessThan(api.layers().size());
    }

    @Test
    void eachAppHasItsOwnDependenciesAndNotTheOthersAndTheRootHasTheBaseOnly() {
        assertPrints(dockenv.run(project.dir(), "run", "--app", "parser", "--", "python", "-c", PROBE), PARSER_ENV);
        assertPrints(dockenv.run(project.dir(), "run", "--app", "api", "--", "python", "-c", PROBE), API_ENV);
        // requirements_test.txt is the api's dev set: not the shared environment's, although its
        // name is one dockenv installs as dev requirements when nothing says otherwise
        assertPrints(dockenv.run(project.dir(), "run", "--", "python", "-c", PROBE), SHARED_ENV);
    }

    @Test
    void insideAnAppsFolderThatAppIsTheDefaultAndTheCommandStartsThere() {
        // /app stays on sys.path from the app's folder: lol_common and the app's package import there
        ProcessResult r = dockenv.run(project.path("lol_data_api"), "run", "--", "sh", "-c",
                "pwd && python -m lol_data_api.app && exec python -c \"$1\"", "sh", PROBE);
        assertPrints(r, "/app/lol_data_api\n[lol:api] {'match': 42}\n" + API_ENV);
    }

    @Test
    void theParserProdImageHasItsFolderTheSharedPackageAndItsScriptNotTheApisAndRunsItsCommandUnprivileged() {
        String prod = build("parser", "prod", "build", "--app", "parser", "--target", "prod");
        ProcessResult inside = Docker.run("run", "--rm", prod, "sh", "-c", """
                id -u
                for f in lol_data_parser lol_common run_parser.sh lol_data_api; do
                    if [ -e "/app/$f" ]; then echo "$f present"; else echo "$f absent"; fi
                done
                exec python -c "$1"
                """, "sh", PROBE);
        assertPrints(inside, """
                10001
                lol_data_parser present
                lol_common present
                run_parser.sh present
                lol_data_api absent
                six ok
                ply ok
                itsdangerous missing itsdangerous
                decorator missing decorator
                lol_common ok
                lol_data_parser.parse ok
                lol_data_api.app missing lol_data_api
                """);
        assertPrints(Docker.run("run", "--rm", prod), PARSER_OUTPUT);
    }

    @Test
    void anUnknownAppIsAUsageErrorNamingTheKnownAppsAndLeavesNothingBehind() {
        List<String> images = project.images();
        ProcessResult r = dockenv.run(project.dir(), "run", "--app", "nope", "--", "true");
        assertThat(r.exitCode()).as(r.describe()).isEqualTo(2);
        // the unknown name and every known one, as words (not inside picocli's "Unknown option")
        for (String name : List.of("nope", "parser", "api")) {
            assertThat(r.stderr()).as(r.describe()).containsPattern("(?<![\\w-])" + name + "(?![\\w-])");
        }
        assertThat(r.stdout()).as(r.describe()).isEmpty();
        assertThat(project.containers(true)).as("no container left").isEmpty();
        assertThat(project.images()).as("a usage error builds nothing").isEqualTo(images);
    }

    /**
     * Runs {@code dockenv args...} (a build of {@code app}'s {@code target} image), which prints
     * {@code dockenv-NAME:APP-TARGET-<12 hex>} and tags the same image {@code dockenv-NAME:APP-TARGET};
     * returns the printed reference.
     */
    private String build(String app, String target, String... args) {
        ProcessResult r = dockenv.run(project.dir(), args);
        assertThat(r.exitCode()).as(r.describe()).isZero();
        String ref = r.stdout().strip();
        assertThat(ref).matches(project.repository() + ":" + app + "-" + target + "-[0-9a-f]{12}");
        String alias = project.repository() + ":" + app + "-" + target;
        assertThat(Docker.imageId(alias)).as(alias).isEqualTo(Docker.imageId(ref));
        return ref;
    }
}
