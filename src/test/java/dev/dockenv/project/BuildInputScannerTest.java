package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What build steps see: build-inputs checked against the project, and the files the steps name. */
class BuildInputScannerTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(tmp.resolve("greet"));
        write("requirements.txt", "");
        write("app.py", "print('hi')\n");
        write("native/greet.c", "int greet(void) { return 42; }\n");
        write("native/greet.h", "int greet(void);\n");
    }

    private void write(String name, String content) throws Exception {
        Files.createDirectories(root.resolve(name).getParent());
        Files.writeString(root.resolve(name), content);
    }

    private void postBuild(String script) throws Exception {
        write("postBuild", script);
        Files.setPosixFilePermissions(root.resolve("postBuild"), PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void theFilesAPostBuildNamesAreInputs() throws Exception {
        write(".env", "TOKEN=x\n");
        write("data/x.csv", "1\n");
        postBuild("#!/bin/sh\nset -e\nmkdir -p /opt/lib\n"
                + "gcc -shared -o /opt/lib/libgreet.so ./native/greet.c  # not app.py's business\n"
                + "cp -r data /opt/ && cat .env > /dev/null; python native/gen.py \"$HOME\" /etc/passwd ../outside.c\n");

        BuildInputs inputs = ProjectScanner.scan(root).buildInputs();

        assertThat(inputs.inputs()).as("a comment names nothing")
                .containsExactly(new BuildInputs.Input("native/greet.c", false, "postBuild"));
        assertThat(inputs.skipped()).containsExactly(
                new BuildInputs.Skipped("data", "postBuild", "a folder: list it in build-inputs to give it to build steps"),
                new BuildInputs.Skipped(".env", "postBuild", "left out of builds by .dockerignore or dockenv's defaults"));
        assertThat(inputs.watchedPaths()).as("a file the script names may appear later")
                .contains(root.resolve("native/gen.py"), root.resolve("native/greet.c"))
                .doesNotContain(root.resolve("../outside.c"), Path.of("/etc/passwd"));
    }

    @Test
    void buildCommandsNameInputsToo() throws Exception {
        write("scripts/setup.sh", "echo setup\n");
        write("dockenv.toml", "build = [\"sh scripts/setup.sh\", \"python -m nltk.downloader punkt\"]\n");

        BuildInputs inputs = ProjectScanner.scan(root).buildInputs();

        assertThat(inputs.inputs()).containsExactly(new BuildInputs.Input("scripts/setup.sh", false, "build command 1"));
        assertThat(inputs.skipped()).isEmpty();
    }

    @Test
    void noBuildStepNoInputsRead() throws Exception {
        assertThat(ProjectScanner.scan(root).buildInputs()).isEqualTo(BuildInputs.none());
    }

    @Test
    void buildInputsExpandFoldersAndPatterns() throws Exception {
        write("data/a.csv", "1\n");
        write("data/sub/b.csv", "2\n");
        write("data/sub/notes.txt", "n\n");
        write("dockenv.toml", "build = [\"make -C native\"]\nbuild-inputs = [\"native\", \"data/**/*.csv\", "
                + "\"native/greet.h\"]\n");

        BuildInputs inputs = ProjectScanner.scan(root).buildInputs();

        assertThat(inputs.paths()).as("a file inside a folder input is seen through the folder")
                .containsExactly("data/a.csv", "data/sub/b.csv", "native");
        assertThat(inputs.inputs()).extracting(BuildInputs.Input::namedBy).containsOnly(BuildInputs.CONFIGURED);
        assertThat(inputs.watchedFolders()).contains(root.resolve("native"), root.resolve("data"),
                root.resolve("data/sub"));
    }

    @Test
    void aMissingInputIsAnErrorAtItsPlace() throws Exception {
        write("dockenv.toml", "build = [\"true\"]\nbuild-inputs = [\"native/greet.c\", \"native/gone.c\"]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageEndingWith("dockenv.toml:2:35: build-inputs: 'native/gone.c' does not exist in the project");
    }

    @Test
    void aPatternMatchingNothingIsAnError() throws Exception {
        write("dockenv.toml", "build-inputs = [\"native/*.rs\"]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageEndingWith("dockenv.toml:1:17: build-inputs: 'native/*.rs' matches no file of the project "
                        + "that a build can see");
    }

    @Test
    void anInputLeftOutOfBuildsIsAnError() throws Exception {
        write(".dockerignore", "native/greet.h\n");
        write("dockenv.toml", "build-inputs = [\"native/greet.h\"]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageContaining("dockenv.toml:1:17: build-inputs: 'native/greet.h' is left out of every build by "
                        + ".dockerignore");
        write(".dockerignore", "");
        write("secrets/.env", "TOKEN=x\n");
        write("dockenv.toml", "build-inputs = [\"secrets/.env\"]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).hasMessageContaining("is left out of every build");
    }

    @Test
    void anInputThroughALinkIsAnError() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("x.c"), "");
        Files.createSymbolicLink(root.resolve("vendor"), outside);
        write("dockenv.toml", "build-inputs = [\"vendor/x.c\"]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageContaining("build-inputs: 'vendor/x.c' goes through the symbolic link vendor");
    }

    @Test
    void aPatternMatchingANameAMountCannotCarryIsAnError() throws Exception {
        write("data/my file.csv", "1\n");
        write("dockenv.toml", "build-inputs = [\"data/*.csv\"]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageContaining("matches 'data/my file.csv', whose name a build step's mount cannot carry");
    }
}
