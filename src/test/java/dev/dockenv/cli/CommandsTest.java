package dev.dockenv.cli;

import dev.dockenv.dockerfile.DockerfileSummaryReader;
import dev.dockenv.context.IgnoreRules;
import java.util.Optional;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
    @TempDir
    Path tmp;
    Path project;
    CliHarness cli;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(project.resolve("requirements.txt"), "requests==2.31.0\n");
        Files.writeString(project.resolve(".python-version"), "3.11\n");
        Files.writeString(project.resolve("app.py"), "print('hi')\n");
        cli = new CliHarness(tmp.resolve("cache"));
    }

    @Test
    void versionAndHelp() {
        assertThat(cli.run(project, "--version")).isZero();
        assertThat(cli.out).startsWith("dockenv ");
        assertThat(cli.run(project, "--help")).isZero();
        assertThat(cli.out).contains("run", "shell", "build", "init", "status", "doctor", "completion", "Exit codes:");
        for (String command : List.of("run", "shell", "build", "init", "status", "doctor")) {
            assertThat(cli.run(project, command, "--help")).as(command).isZero();
        }
    }

    @Test
    void noProjectIsExitThreeAndSaysWhatWasLookedFor() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(cli.run(empty, "status")).isEqualTo(3);
        assertThat(cli.err).contains("no Python project found").contains("pyproject.toml, *requirements*.txt")
                .contains("hint:").doesNotContain("Exception");
    }

    @Test
    void aMalformedRequirementIsExitFourWithFileLineColumn() throws Exception {
        Files.writeString(project.resolve("requirements.txt"), "flask\nrequests>=\n");
        assertThat(cli.run(project, "status")).isEqualTo(4);
        assertThat(cli.err).contains("requirements.txt:2:").doesNotContain("Exception");
    }

    @Test
    void anUnknownPythonVersionIsExitFour() throws Exception {
        Files.writeString(project.resolve(".python-version"), "3.99\n");
        assertThat(cli.run(project, "status")).isEqualTo(4);
        assertThat(cli.err).contains(".python-version:1:1: unknown Python version 3.99");
    }

    @Test
    void filesThatDisagreeOnThePythonVersionAreNamed() throws Exception {
        Files.writeString(project.resolve("Pipfile"), "[packages]\nrequests = \"*\"\n\n[requires]\npython_version = \"3.12\"\n");
        assertThat(cli.run(project, "status")).isEqualTo(4);
        assertThat(cli.err).contains("Pipfile:5:1: Python 3.12 here disagrees with 3.11 in ")
                .contains(".python-version:1:1");
    }

    @Test
    void anUnreachableEngineIsExitFive() {
        cli.engine.reachable = false;
        assertThat(cli.run(project, "build")).isEqualTo(5);
        assertThat(cli.err).contains("container engine unreachable").contains("hint:");
    }

    @Test
    void statusWithAnUnreachableEngineMarksTheStateItCouldNotCheckThenFails() {
        cli.engine.reachable = false;
        assertThat(cli.run(project, "status")).isEqualTo(5);
        assertThat(cli.out).contains("image       dockenv-shop:dev-")
                .contains("state       not checked: the container engine is unreachable");
        assertThat(cli.err).contains("container engine unreachable").contains("hint:");
    }

    @Test
    void buildBuildsOnceThenReportsUpToDate() {
        assertThat(cli.run(project, "build")).isZero();
        assertThat(cli.engine.builds).hasSize(1);
        String tag = cli.out.strip();
        assertThat(tag).matches("dockenv-shop:dev-[0-9a-f]{12}");
        assertThat(cli.run(project, "build")).isZero();
        assertThat(cli.engine.builds).hasSize(1);
        assertThat(cli.err).contains("is up to date");
        assertThat(cli.run(project, "build", "--no-cache")).isZero();
        assertThat(cli.engine.builds).hasSize(2);
        assertThat(cli.engine.builds.get(1).noCache()).isTrue();
    }

    @Test
    void theBuildContextHoldsOnlyTheDependencyFilesForDev() throws Exception {
        Files.writeString(project.resolve(".env"), "SECRET=1\n");
        assertThat(cli.run(project, "build")).isZero();
        String tar = new String(cli.engine.contexts.get(0), StandardCharsets.ISO_8859_1);
        assertThat(tar).contains("project/requirements.txt", "Dockerfile").doesNotContain("app.py")
                .doesNotContain("SECRET");
        assertThat(cli.run(project, "build", "--target", "prod")).isZero();
        String prod = new String(cli.engine.contexts.get(1), StandardCharsets.ISO_8859_1);
        assertThat(prod).contains("project/app.py").doesNotContain("SECRET=1");
    }

    /**
     * A generated Dockerfile's context can be written out as a folder (BuildKit reads one sooner)
     * holding what its tar holds; a user's Dockerfile's context, whose root may hold a .dockerignore
     * the client would apply again, is only streamed.
     */
    @Test
    void aGeneratedContextCanBeAFolderOfItsTarsFilesAUsersDockerfilesIsStreamed(@TempDir Path folder)
            throws Exception {
        assertThat(cli.run(project, "build")).isZero();
        var generated = cli.engine.builds.get(0).context();
        assertThat(generated.directoryBytes()).isPositive();
        generated.writeToDirectory(folder);
        assertThat(folder.resolve("Dockerfile")).content().startsWith("# Environment of shop");
        assertThat(folder.resolve("project/requirements.txt")).hasSameTextualContentAs(project.resolve("requirements.txt"));
        String tar = new String(cli.engine.contexts.get(0), StandardCharsets.ISO_8859_1);
        try (var files = Files.walk(folder)) {
            files.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString())
                    .forEach(name -> assertThat(tar).contains(name));
        }
        assertThat(generated.directoryEntries()).isEqualTo((int) Files.walk(folder).count() - 1);

        Files.writeString(project.resolve("Dockerfile"), "FROM python:3.11-slim\n");
        assertThat(cli.run(project, "build")).isZero();
        assertThat(cli.engine.builds.get(1).context().directoryBytes()).isEqualTo(-1);
    }

    @Test
    void statusShowsWhatWasDetected() {
        assertThat(cli.run(project, "status")).isZero();
        assertThat(cli.out).contains("requirements.txt", ".python-version", "3.11", "python:3.11-slim",
                "generated by dockenv", "not built");
        cli.run(project, "build");
        cli.run(project, "status");
        assertThat(cli.out).contains("up to date");
    }

    @Test
    void statusListsTheRequirementsSetsAndWhereEachInstalls() throws Exception {
        Files.writeString(project.resolve("requirements_docs.txt"), "mkdocs\n");
        Files.writeString(project.resolve("requirements-test.txt"), "pytest\n");
        Files.writeString(project.resolve("constraints.txt"), "requests<3\n");
        assertThat(cli.run(project, "status")).isZero();
        assertThat(cli.out).contains(
                "req. files  test (requirements-test.txt): dev stage\n",
                "            requirements (requirements.txt): base stage\n",
                "            docs (requirements_docs.txt): not installed (name it in [tool.dockenv] requirements or "
                        + "dev-requirements)\n",
                "constraints constraints.txt (applied to every pip install of requirements)\n");
        Files.writeString(project.resolve("dockenv.toml"), "dev-requirements = [\"docs\"]\n");
        assertThat(cli.run(project, "status")).isZero();
        assertThat(cli.out).contains("docs (requirements_docs.txt): dev stage, [tool.dockenv] dev-requirements",
                "test (requirements-test.txt): not installed");
    }

    @Test
    void buildStepsSeeWhatTheyNameAndInitsFilesGiveItToPlainDockerBuild() throws Exception {
        Files.createDirectories(project.resolve("native"));
        Files.writeString(project.resolve("native/greet.c"), "int greet(void) { return 42; }\n");
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/words.txt"), "hello\n");
        Files.writeString(project.resolve("postBuild"), "#!/bin/sh\ngcc -shared -o /opt/libgreet.so native/greet.c\n"
                + "cp -r data /opt/\n");
        project.resolve("postBuild").toFile().setExecutable(true);
        Files.writeString(project.resolve("dockenv.toml"), "build = [\"cat data/words.txt\"]\n");

        assertThat(cli.run(project, "status")).as(cli.err).isZero();
        assertThat(cli.out).contains("build steps see data/words.txt (named by the build command), native/greet.c (named by "
                + "postBuild), postBuild and the dependency "
                + "files; editing one of them rebuilds, editing other files does not\n")
                .contains("not given   data (named by postBuild): a folder: list it in build-inputs to give it to "
                        + "build steps\n");

        Files.writeString(project.resolve("dockenv.toml"), "build = [\"cat data/words.txt\"]\nbuild-inputs = [\"data\"]\n");
        assertThat(cli.run(project, "build")).as(cli.err).isZero();
        String tar = new String(cli.engine.contexts.get(cli.engine.contexts.size() - 1), StandardCharsets.UTF_8);
        assertThat(tar).contains("project/native/greet.c", "project/data/words.txt").doesNotContain("project/app.py");

        assertThat(cli.run(project, "init")).as(cli.err).isZero();
        String dockerfile = Files.readString(project.resolve("Dockerfile"));
        assertThat(dockerfile).contains("RUN --mount=type=bind,source=data,target=/app/data,rw \\\n"
                + "    --mount=type=bind,source=native/greet.c,target=/app/native/greet.c,rw \\\n"
                + "    cat data/words.txt\n");
        IgnoreRules written = IgnoreRules.parse(project.resolve(".dockerignore"),
                Files.readString(project.resolve(".dockerignore")));
        List<String> sources = DockerfileSummaryReader.read(project.resolve("Dockerfile"), dockerfile)
                .contextSourcesFor(Optional.of("dev")).orElseThrow();
        assertThat(sources).contains("data", "native/greet.c");
        for (String source : sources) {
            assertThat(project.resolve(source)).as("plain docker build reads %s", source).exists();
            assertThat(written.excludes(source)).as("the written .dockerignore keeps %s", source).isFalse();
        }
    }

    @Test
    void aWarmRunNoticesANewBuildInputButNotASourceEdit() throws Exception {
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/a.txt"), "a\n");
        Files.writeString(project.resolve("dockenv.toml"), "build = [\"cp -r data /opt/ && python tools/gen.py\"]\n"
                + "build-inputs = [\"data\"]\n");
        cli.env.put("DOCKENV_EXEC_FILE", Files.createTempFile(tmp, "exec", "").toString());
        assertThat(cli.run(project, "run", "true")).as(cli.err).isZero();
        Files.writeString(project.resolve("app.py"), "print('edited')\n");
        assertThat(cli.run(project, "run", "true")).as(cli.err).isZero();
        assertThat(cli.engine.builds).as("a source edit").hasSize(1);
        Files.writeString(project.resolve("data/b.txt"), "b\n");
        assertThat(cli.run(project, "run", "true")).as(cli.err).isZero();
        assertThat(cli.engine.builds).as("a new file in a build-inputs folder").hasSize(2);
        Files.createDirectories(project.resolve("tools"));
        Files.writeString(project.resolve("tools/gen.py"), "print('gen')\n");
        assertThat(cli.run(project, "run", "true")).as(cli.err).isZero();
        assertThat(cli.engine.builds).as("the file the build command names appeared").hasSize(3);
        assertThat(new String(cli.engine.contexts.get(2), StandardCharsets.UTF_8)).contains("project/tools/gen.py",
                "project/data/b.txt");
    }

    @Test
    void initNeverOverwritesWithoutForce() throws Exception {
        Files.writeString(project.resolve("dockenv.toml"), "ports = [8000]\ncommand = [\"python\", \"app.py\"]\n");
        assertThat(cli.run(project, "init")).isZero();
        assertThat(project.resolve("Dockerfile")).exists();
        assertThat(project.resolve(".dockerignore")).content().contains(".env", ".git");
        assertThat(project.resolve("compose.yaml")).content().contains("127.0.0.1", "target: \"dev\"");
        Files.writeString(project.resolve("Dockerfile"), "FROM scratch AS mine\n");
        assertThat(cli.run(project, "init")).isEqualTo(7);
        assertThat(cli.err).contains("nothing was written").contains("--force");
        assertThat(project.resolve("Dockerfile")).content().isEqualTo("FROM scratch AS mine\n");
        assertThat(cli.run(project, "init", "--force")).isZero();
        assertThat(project.resolve("Dockerfile")).content().startsWith("# Environment of shop");
    }

    @Test
    void runHandsTheDockerCommandToTheLauncher() throws Exception {
        Path handoff = tmp.resolve("exec");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());
        assertThat(cli.run(project, "run", "python", "-c", "print(1)")).isZero();
        List<String> argv = List.of(Files.readString(handoff).split("\0"));
        assertThat(argv).startsWith("docker", "run", "--rm", "--init", "-i");
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("python", "-c", "print(1)");
        assertThat(cli.engine.builds).hasSize(1);
    }

    @Test
    void runKeepsThePlaceInTheProject() throws Exception {
        Path sub = Files.createDirectories(project.resolve("src/pkg"));
        Path handoff = tmp.resolve("exec");
        cli.env.put("DOCKENV_EXEC_FILE", handoff.toString());
        assertThat(cli.run(sub, "run", "--", "pwd")).isZero();
        assertThat(Files.readString(handoff)).contains("\0--workdir\0/app/src/pkg\0");
    }

    @Test
    void runWithoutACommandNeedsAConfiguredOne() {
        assertThat(cli.run(project, "run")).isEqualTo(2);
        assertThat(cli.err).contains("no command to run");
    }
}
