package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonImageHintTest {
    @Test
    void aSlimImageTheEngineHasIsChosenByItsVersion() {
        assertThat(PythonImageHint.of(List.of("python:3.11-slim"))).isEqualTo("the engine has python:3.11-slim: "
                + "choose Python 3.11 for this project with a .python-version file (`echo 3.11 > .python-version`) or "
                + "python = \"3.11\" in the dockenv settings, or for all your projects with DOCKENV_PYTHON=3.11");
    }

    @Test
    void anotherPythonImageIsChosenAsBaseImage() {
        assertThat(PythonImageHint.of(List.of("python:3.10-slim", "python:3.12-bookworm"))).isEqualTo(
                "the engine has python:3.10-slim, python:3.12-bookworm: choose Python 3.10 for this project with a "
                        + ".python-version file (`echo 3.10 > .python-version`) or python = \"3.10\" in the dockenv "
                        + "settings, or for all your projects with DOCKENV_PYTHON=3.10; or set base-image = "
                        + "\"python:3.12-bookworm\" in the dockenv settings");
    }

    @Test
    void withoutAnyPythonImageItSaysHowToBringOneIn() {
        assertThat(PythonImageHint.of(List.of())).startsWith("the engine has no python image: bring one in");
    }
}
