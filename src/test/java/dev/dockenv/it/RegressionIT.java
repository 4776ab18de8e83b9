package dev.dockenv.it;

import static dev.dockenv.it.support.ResultAssertions.assertModuleMissing;
import static dev.dockenv.it.support.ResultAssertions.assertPrints;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.DockenvCli;
import dev.dockenv.it.support.ItWorkspace;
import dev.dockenv.it.support.LocalPackageIndex;
import dev.dockenv.it.support.Poll;
import dev.dockenv.it.support.ProcessResult;
import dev.dockenv.it.support.TestProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Regressions found by a code review, each proven on the real engine with its own project (built
 * once per nested class, from the local index): a requirements file's index and constraints
 * govern the project's own dependencies (one pip run per stage); {@code -e .} in an included file;
 * the extras of {@code -e .[test]} in a dev file reach the dev image only; secrets at any depth
 * stay out of the prod image; the legacy builder gets the index in the dev stage; env values are
 * literal; a user's Dockerfile with a heredoc is understood; an edit during a build does not pin
 * the image resolved before it; files dockenv writes are readable by others; credentials in a
 * requirements file's index URL are refused at file:line without being printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegressionIT {
    /** What every index here serves: each fixture, greeting 1.0.0 and 1.1.0 alike. */
    private static final String[] FIXTURES = {"greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0", "devtool-0.3.0"};

    private ItWorkspace ws;
    private LocalPackageIndex index;
    private DockenvCli dockenv;

    @BeforeAll
    void serveIndex() {
        Docker.requireEngine();
        ws = ItWorkspace.open("dockenv-regressionit", FIXTURES);
        index = ws.index();
        dockenv = ws.dockenv();
    }

    @AfterAll
    void cleanUp() {
        ItWorkspace.closeIfOpened(ws);
    }

    private static String pyproject(TestProject p, String more) {
        return """
                [project]
                name = "%s"
                version = "0.1.0"
                """.formatted(p.name()) + more;
    }

    /** dockenv (or the command) exited 0 and printed exactly {@code stdout}. */
    /** 1. The requirements file's --index-url and -c constraints apply to the pyproject dependencies too. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ConstraintsAndIndexOfARequirementsFileGovernTheProjectsDependencies {
        private LocalPackageIndex own;
        private TestProject p;
        private ProcessResult first;

        @BeforeAll
        void build() {
            // its own index, so its downloads are this project's alone; it builds the project too (a [build-system])
            own = ws.serve("index-constraints", java.util.stream.Stream.concat(java.util.Arrays.stream(FIXTURES),
                    java.util.stream.Stream.of(LocalPackageIndex.BUILD_BACKEND)).toArray(String[]::new));
            p = ws.project("constraints");
            p.file("pyproject.toml", """
                    [build-system]
                    requires = ["setuptools>=61"]
                    build-backend = "setuptools.build_meta"

                    """ + pyproject(p, "dependencies = [\"colorsay\"]\n"))
                    .file("requirements.txt", "--index-url " + own.url() + "\n-c constraints.txt\n-e .\n")
                    .file("constraints.txt", "greeting==1.0.0\n");
            first = dockenv.run(p.dir(), "run", "--", "python", "-c",
                    "import colorsay, greeting; print(greeting.__version__, colorsay.say('pinned'))");
        }

        @Test
        void colorsayIsInstalledWithTheConstrainedGreeting() {
            assertPrints(first, "1.0.0 hello, pinned\n");
            assertThat(own.downloadedFiles()).as("pip resolved once, under the constraints; requests: "
                    + own.requestedPaths())
                    .contains("colorsay-2.0.0-py3-none-any.whl", "greeting-1.0.0-py3-none-any.whl")
                    .doesNotContain("greeting-1.1.0-py3-none-any.whl");
        }
    }

    /** 2. {@code -e .} in a file that requirements.txt includes with -r. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EditableProjectInAnIncludedFile {
        private TestProject p;
        private ProcessResult first;

        @BeforeAll
        void build() {
            p = ws.project("included");
            p.file("pyproject.toml", pyproject(p, ""))
                    .file("requirements.txt", "--index-url " + index.url() + "\n-r base.txt\n")
                    .file("base.txt", "-e .\ngreeting\n")
                    .file("inventory/__init__.py", "import greeting\nCOUNT = 3\n")
                    .mkdirs("scripts");
            // from scripts/: sys.path[0] is /app/scripts, so the import proves the project is on the path
            first = dockenv.run(p.path("scripts"), "run", "--", "python", "-c",
                    "import inventory, greeting; print(inventory.COUNT, inventory.__file__, greeting.hello('inv'))");
        }

        @Test
        void theBuildSucceedsAndTheProjectsPackageIsImportable() {
            assertPrints(first, "3 /app/inventory/__init__.py hello again, inv (greeting 1.1.0)\n");
        }
    }

    /** 3. {@code -e .[test]} in requirements-dev.txt installs the test extra in the dev image only. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ExtrasOfTheEditableProjectInDevRequirements {
        private TestProject p;

        @BeforeAll
        void build() {
            p = ws.project("devextras");
            p.file("pyproject.toml", pyproject(p, """
                    dependencies = []

                    [project.optional-dependencies]
                    test = ["devtool"]
                    """))
                    .file("requirements-dev.txt", "--index-url " + index.url() + "\n-e .[test]\n")
                    .file("app.py", "print('devextras app')\n");
        }

        @Test
        void devtoolRunsInTheDevImage() {
            ProcessResult dev = dockenv.run(p.dir(), "run", "--", "devtool");
            assertPrints(dev, "devtool ok\n");
        }

        @Test
        void theProdImageHasNoDevtool() {
            ProcessResult build = dockenv.run(p.dir(), "build", "--target", "prod");
            assertThat(build.exitCode()).as(build.describe()).isZero();
            String prod = build.stdout().strip();
            assertModuleMissing(Docker.run("run", "--rm", prod, "python", "-c", "import devtool"), "devtool");
            ProcessResult script = Docker.run("run", "--rm", prod, "sh", "-c", "command -v devtool");
            assertThat(script.exitCode()).as("no devtool console script; " + script.describe()).isNotZero();
            ProcessResult app = Docker.run("run", "--rm", prod, "python", "app.py");
            assertThat(app.stdout()).as(app.describe()).isEqualTo("devextras app\n");
        }
    }

    /** 4. .env, .env.*, .pypirc and .netrc are left out of the prod image at any depth; .env.example is not. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SecretsAtAnyDepthStayOutOfTheProdImage {
        private TestProject p;
        private ProcessResult build;

        @BeforeAll
        void build() {
            p = ws.project("secrets");
            p.file("pyproject.toml", pyproject(p, ""))
                    .file("services/api/app.py", "print('api')\n")
                    .file("services/api/.env", "SECRET=do-not-ship\n")
                    .file("services/api/.env.local", "SECRET=do-not-ship-either\n")
                    .file("services/api/.env.example", "SECRET=\n")
                    .file("services/worker/.netrc", "machine example.org login me password nested\n")
                    .file(".pypirc", "[pypi]\npassword = pypi-token\n")
                    .file(".netrc", "machine example.org login me password root\n");
            build = dockenv.run(p.dir(), "build", "--target", "prod");
        }

        @Test
        void onlyTheExampleFileIsCopied() {
            assertThat(build.exitCode()).as(build.describe()).isZero();
            String prod = build.stdout().strip();
            ProcessResult files = Docker.run("run", "--rm", prod, "sh", "-c", "cd /app && find . -type f | sort");
            assertThat(files.exitCode()).as(files.describe()).isZero();
            assertThat(files.stdout().lines().toList()).as(files.describe())
                    .contains("./services/api/app.py", "./services/api/.env.example")
                    .doesNotContain("./services/api/.env", "./services/api/.env.local", "./.pypirc", "./.netrc",
                            "./services/worker/.netrc");
        }
    }

    /** 5. The legacy builder: the index from [tool.dockenv] reaches the dev stage's pip. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class LegacyBuilderWithADevOnlyRequirement {
        private TestProject p;
        private ProcessResult first;

        @BeforeAll
        void build() {
            p = ws.project("legacyindex");
            p.file("pyproject.toml", pyproject(p, """
                    dependencies = ["greeting==1.0.0"]

                    [tool.dockenv]
                    index-url = "%s"
                    """.formatted(index.url())))
                    .file("requirements-dev.txt", "devtool\n");
            first = dockenv.withEnv("DOCKER_BUILDKIT", "0").run(p.dir(), "run", "--", "sh", "-c",
                    "devtool && python -c 'import greeting; print(greeting.__version__)'");
        }

        @Test
        void theDevImageBuildsAndDevtoolRuns() {
            assertPrints(first, "devtool ok\n1.0.0\n");
        }
    }

    /** 6. [tool.dockenv] env values are literal: no $ expansion in the Dockerfile. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class EnvValuesAreLiteral {
        private TestProject p;

        @BeforeAll
        void write() {
            p = ws.project("literalenv");
            p.file("pyproject.toml", pyproject(p, """

                    [tool.dockenv]
                    env = { SECRET_KEY = "p4$$w0rd$x", PLAIN = "a b" }
                    """));
        }

        @Test
        void printenvShowsTheValuesAsWritten() {
            ProcessResult key = dockenv.run(p.dir(), "run", "--", "printenv", "SECRET_KEY");
            assertPrints(key, "p4$$w0rd$x\n");
            ProcessResult plain = dockenv.run(p.dir(), "run", "--", "printenv", "PLAIN");
            assertPrints(plain, "a b\n");
        }
    }

    /**
     * 7. A user's Dockerfile whose heredoc body has a line starting with "from": dockenv's reader
     * must not take it for a FROM. Building it needs a Dockerfile frontend with heredocs (1.4+);
     * on an engine whose builder has none (Docker 20.10's built-in BuildKit frontend, offline), the
     * run test proves dockenv handed the Dockerfile to the engine and is then aborted, not passed.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class UsersDockerfileWithAHeredoc {
        private static final String DOCKERFILE = """
                FROM python:3.11-slim AS base
                RUN <<EOF
                #!/usr/bin/env python3
                from pathlib import Path
                Path("/etc/heredoc-marker").write_text("made by a heredoc\\n")
                EOF

                FROM base AS dev
                WORKDIR /app
                """;

        private TestProject p;

        @BeforeAll
        void write() {
            p = ws.project("heredoc");
            p.file("pyproject.toml", pyproject(p, "")).file("Dockerfile", DOCKERFILE);
        }

        @Test
        void statusAcceptsIt() {
            ProcessResult status = dockenv.run(p.dir(), "status");
            assertThat(status.exitCode()).as(status.describe()).isZero();
        }

        @Test
        void runBuildsAndRunsIt() {
            ProcessResult run = dockenv.run(p.dir(), "run", "--", "true");
            if (run.exitCode() != 0 && !engineBuildsHeredocs()) {
                // dockenv's part: it read the Dockerfile and handed it to the engine (not an input error)
                assertThat(run.exitCode()).as(run.describe()).isEqualTo(6);
                Assumptions.abort("this engine's BuildKit Dockerfile frontend has no heredocs (a plain"
                        + " `docker build` of a heredoc fails too), so the build cannot be proven here; " + run.describe());
            }
            assertThat(run.exitCode()).as(run.describe()).isZero();
            ProcessResult marker = dockenv.run(p.dir(), "run", "--", "cat", "/etc/heredoc-marker");
            assertThat(marker.stdout()).as(marker.describe()).isEqualTo("made by a heredoc\n");
        }

        /** Whether a plain BuildKit {@code docker build} (no dockenv) accepts a heredoc. */
        private boolean engineBuildsHeredocs() {
            TestProject probe = ws.project("heredocprobe");
            probe.file("Dockerfile", "FROM " + Docker.BASE_IMAGE + "\nRUN <<EOF\ntrue\nEOF\n");
            String tag = Docker.uniqueName("dockenv-heredoc-probe");
            ProcessResult r = Docker.exec("build", "-q", "-t", tag, ".").dir(probe.dir()).env("DOCKER_BUILDKIT", "1")
                    .run();
            Docker.removeImages(tag);
            return r.ok();
        }
    }

    /** 8. An edit while a build runs is noticed by the next run (the run cache does not pin the old image). */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AnEditDuringABuildIsNotPinned {
        private TestProject p;

        @BeforeAll
        void write() {
            p = ws.project("editduring");
            p.file("pyproject.toml", pyproject(p, """

                    [tool.dockenv]
                    index-url = "%s"
                    build = ["sleep 6"]
                    """.formatted(index.url())))
                    .file("requirements.txt", "greeting\n");
        }

        @Test
        void theNextRunRebuildsWithTheEditedRequirements() throws InterruptedException {
            try (DockenvCli.Background bg = dockenv.start(p.dir(), "run", "--", "python", "-c", "import greeting")) {
                boolean sleeping = Poll.until(DockenvCli.TIMEOUT,
                        () -> bg.stderr().contains("RUN sleep 6") || !bg.alive());
                assertThat(sleeping && bg.alive()).as("the build reached its sleep step; " + bg.describe()).isTrue();

                p.file("requirements.txt", "greeting\ncolorsay\n");

                assertThat(bg.process().waitFor(DockenvCli.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                        .as("the background run ended; " + bg.describe()).isTrue();
                assertThat(bg.process().exitValue()).as("the run started before the edit; " + bg.describe()).isZero();
            }

            ProcessResult after = dockenv.run(p.dir(), "run", "--", "python", "-c",
                    "import colorsay; print(colorsay.say('edit'))");
            assertPrints(after, "hello again, edit (greeting 1.1.0)\n");
            assertThat(after.stderr()).as("the edit was noticed and built; " + after.describe()).contains("building");
        }
    }

    /** 9. init's files are rw-r--r--, not the private mode of a temporary file. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class FilesDockenvWritesAreReadableByOthers {
        private TestProject p;
        private ProcessResult init;

        @BeforeAll
        void init() {
            p = ws.project("modes");
            p.file("pyproject.toml", pyproject(p, "")).file("app.py", "print('modes')\n");
            init = dockenv.run(p.dir(), "init");
        }

        @Test
        void initWritesMode0644() throws IOException {
            assertThat(init.exitCode()).as(init.describe()).isZero();
            SoftAssertions soft = new SoftAssertions();
            for (String name : List.of("Dockerfile", ".dockerignore", "compose.yaml")) {
                soft.assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p.path(name))))
                        .as(name).isEqualTo("rw-r--r--");
            }
            soft.assertAll();
        }
    }

    /** 10. An index URL with credentials in a requirements file: exit 4 at file:line, the secret never printed. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class CredentialsInARequirementsFilesIndexUrl {
        private TestProject p;

        @BeforeAll
        void write() {
            p = ws.project("credentials");
            p.file("requirements.txt", "greeting\n--index-url http://user:secret@127.0.0.1:1/simple\n");
        }

        @Test
        void statusRefusesItAtFileAndLineWithoutPrintingTheSecret() {
            ProcessResult status = dockenv.run(p.dir(), "status");
            assertThat(status.exitCode()).as(status.describe()).isEqualTo(4);
            assertThat(status.stderr()).as(status.describe()).contains("requirements.txt:2");
            assertThat(status.stdout()).as(status.describe()).doesNotContain("secret");
            assertThat(status.stderr()).as(status.describe()).doesNotContain("secret");
        }

        @Test
        void runRefusesItBeforeBuildingAnything() {
            ProcessResult run = dockenv.run(p.dir(), "run", "--", "true");
            assertThat(run.exitCode()).as(run.describe()).isEqualTo(4);
            assertThat(run.output()).as(run.describe()).contains("requirements.txt:2").doesNotContain("secret");
            assertThat(p.images()).isEmpty();
        }
    }
}
