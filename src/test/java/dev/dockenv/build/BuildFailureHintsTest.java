package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each hint against the real messages that trigger it: the files under build-failures/ are what pip
 * 23 (python:3.11-slim), apt and setuptools printed here for each cause.
 */
class BuildFailureHintsTest {
    private static final String INDEX = "the package index http://127.0.0.1:3141/simple";
    private static final String EDITABLE_STEP = "[dev 4/4] RUN --mount=type=cache,target=/root/.cache/pip     "
            + "pip install --use-pep517 --editable .";
    private static final String INSTALL_STEP = "[base 2/2] RUN pip install -r requirements.txt";

    private static List<String> output(String name) throws IOException {
        try (InputStream in = BuildFailureHintsTest.class.getResourceAsStream("/build-failures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static Optional<String> hint(String step, String file) throws IOException {
        return BuildFailureHints.of(step, output(file), INDEX);
    }

    @Test
    void aBuildBackendTheIndexDoesNotHaveIsNamedAsTheBackendNotAsAnImport() throws IOException {
        assertThat(hint(EDITABLE_STEP, "backend-not-in-index.txt")).contains("the project's build backend "
                + "poetry-core>=1.0 ([build-system] requires) is not in " + INDEX + ": add it to that index, or set "
                + "index-url to one that has it");
        assertThat(hint(EDITABLE_STEP, "backend-not-in-index.txt").orElseThrow()).doesNotContain("import");
    }

    @Test
    void aPackageTheIndexDoesNotHaveIsNamed() throws IOException {
        assertThat(hint(INSTALL_STEP, "package-not-in-index.txt")).contains("requestz==1.0 is not in " + INDEX
                + " for linux and the image's Python: check the name and the version, or set index-url to an index "
                + "that has it");
    }

    @Test
    void anIndexTheBuildCannotReachIsNotAMissingPackage() throws IOException {
        assertThat(hint(INSTALL_STEP, "index-unreachable.txt").orElseThrow()).startsWith("the build cannot reach " + INDEX);
    }

    @Test
    void anEditableBuildThatImportsTheProjectExplainsTheEditableBuild() throws IOException {
        for (String file : List.of("pep517-editable-imports-project-module.txt", "setup-imports-project-module.txt")) {
            assertThat(hint(EDITABLE_STEP, file).orElseThrow()).as(file).startsWith("the project's build imports mypkg, "
                    + "which the dev image's editable build does not have").contains("read the version statically");
        }
        assertThat(hint("[wheel 3/3] RUN pip wheel --no-deps --use-pep517 /build/project",
                "pep517-editable-imports-project-module.txt")).contains("the project's build imports mypkg, which is "
                        + "not installed while it builds: add it to [build-system] requires");
    }

    @Test
    void anEditableBuildThatReadsAnotherFileNamesIt() throws IOException {
        assertThat(hint(EDITABLE_STEP, "setup-reads-missing-file.txt").orElseThrow()).startsWith("the project's build "
                + "reads README.md, which the dev image's editable build does not have");
    }

    @Test
    void aMissingCompilerSaysWhichPackagesBringOne() throws IOException {
        assertThat(hint(INSTALL_STEP, "no-compiler.txt").orElseThrow()).startsWith("a package compiles C code and the "
                + "image has no compiler: add apt = [\"build-essential\"]");
    }

    @Test
    void aHashMismatchNamesThePackageAndTheWayOut() throws IOException {
        assertThat(hint(INSTALL_STEP, "hash-mismatch.txt").orElseThrow()).startsWith("the index served a file for "
                + "wheel==0.38.4 whose hash is not the one the lock records");
    }

    @Test
    void conflictingRequirementsAndMissingDebianPackagesGetTheirOwnHints() throws IOException {
        assertThat(hint(INSTALL_STEP, "conflict.txt").orElseThrow()).startsWith("the requirements conflict");
        assertThat(hint("[system 2/5] RUN apt-get install -y nosuchpkg", "apt-missing.txt")).contains(
                "nosuchpkg is not a Debian package of the base image's release: check the apt setting or apt.txt (the "
                        + "package may have another name there)");
    }

    @Test
    void aFailureNoneOfThemNamesKeepsTheGeneralHint() {
        assertThat(BuildFailureHints.of(INSTALL_STEP, List.of("Traceback (most recent call last):",
                "ValueError: something else"), INDEX)).isEmpty();
    }
}
