package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * ImageLayers without an engine, on the outputs of two images built with BuildKit over one base
 * stage (ids shortened): system (the import, venv, .pth, an empty WORKDIR layer), base (COPY and
 * pip install of requirements_base.txt), then each app's COPY and pip install.
 */
class ImageLayersTest {
    private static final String SHARED = """
            sha256:fc289e8eec1f
            sha256:9b75ba7d56c9
            sha256:748cde4262cc
            sha256:6e152cd3a74f
            sha256:5d0dfe17d337
            sha256:55d38b73baea
            """;
    private static final String SYSTEM_AND_BASE_HISTORY = """
            83418\t"RUN |1 PIP_INDEX_URL=http://127.0.0.1:8765/simple /bin/sh -c pip install -r requirements_base.txt # buildkit"
            4\t"COPY requirements_base.txt requirements_base.txt # buildkit"
            0\t"ARG PIP_INDEX_URL"
            0\t"WORKDIR /app"
            5\t"RUN /bin/sh -c echo /app > \\"$(python -c 'import sysconfig; print(sysconfig.get_paths()[\\"purelib\\"])')/dockenv-project.pth\\" # buildkit"
            21620800\t"RUN /bin/sh -c python3 -m venv /opt/venv # buildkit"
            0\t"ENV VIRTUAL_ENV=/opt/venv PYTHONUNBUFFERED=1"
            190842781\t""
            """;
    private static final ImageLayers PARSER = ImageLayers.parse("parser-dev", SHARED + """
            sha256:c37470662543
            sha256:ed81b93508d9
            """, """
            0\t"CMD [\\"bash\\" \\"run_parser.sh\\"]"
            417849\t"RUN |1 PIP_INDEX_URL=http://127.0.0.1:8765/simple /bin/sh -c pip install -r requirements_parser.txt # buildkit"
            4\t"COPY requirements_parser.txt requirements_parser.txt # buildkit"
            0\t"ARG PIP_INDEX_URL"
            """ + SYSTEM_AND_BASE_HISTORY);
    private static final ImageLayers API = ImageLayers.parse("api-dev", SHARED + """
            sha256:df1925edfa85
            sha256:8087ac8c5563
            sha256:03fead8a7a0a
            sha256:d64b164bb3fa
            """, """
            0\t"CMD [\\"python\\" \\"-m\\" \\"lol_data_api.app\\"]"
            45167\t"RUN |1 PIP_INDEX_URL=http://127.0.0.1:8765/simple /bin/sh -c pip install -r requirements_test.txt # buildkit"
            10\t"COPY requirements_test.txt requirements_test.txt # buildkit"
            0\t"ARG PIP_INDEX_URL"
            92080\t"RUN |1 PIP_INDEX_URL=http://127.0.0.1:8765/simple /bin/sh -c pip install -r requirements_api.txt # buildkit"
            13\t"COPY requirements_api.txt requirements_api.txt # buildkit"
            0\t"ARG PIP_INDEX_URL"
            """ + SYSTEM_AND_BASE_HISTORY);
    private static final Predicate<ImageLayers.HistoryRow> BASE_INSTALL =
            row -> row.createdBy().contains("install -r requirements_base.txt");

    @Test
    void readsTheLayersAndTheHistoryRowsWithTheirInstructionsUnquoted() {
        assertThat(PARSER.layers()).hasSize(8).startsWith("sha256:fc289e8eec1f").endsWith("sha256:ed81b93508d9");
        assertThat(PARSER.history()).hasSize(12);
        assertThat(PARSER.history().get(0)).isEqualTo(new ImageLayers.HistoryRow(0, "CMD [\"bash\" \"run_parser.sh\"]"));
        assertThat(PARSER.history().get(8).createdBy()).isEqualTo(
                "RUN /bin/sh -c echo /app > \"$(python -c 'import sysconfig; print(sysconfig.get_paths()[\"purelib\"])')"
                        + "/dockenv-project.pth\" # buildkit");
        assertThat(PARSER.history().get(11)).isEqualTo(new ImageLayers.HistoryRow(190842781, ""));
    }

    @Test
    void theSharedPrefixEndsWhereTheAppsLayersStart() {
        assertThat(PARSER.sharedPrefix(API)).isEqualTo(6);
        assertThat(API.sharedPrefix(PARSER)).isEqualTo(6);
        assertThat(PARSER.sharedPrefix(PARSER)).isEqualTo(8);
    }

    @Test
    void theBaseInstallIsTheSixthLayerCountedFromTheTopPastTheAppsLayers() {
        // parser: 8 layers, 2 rows with a layer above the install (its COPY and RUN) -> 6
        assertThat(PARSER.layersThrough(BASE_INSTALL)).isEqualTo(6);
        // api: 10 layers, 4 above (COPY and RUN of requirements_api.txt and requirements_test.txt) -> 6
        assertThat(API.layersThrough(BASE_INSTALL)).isEqualTo(6);
        assertThat(API.newestRow(BASE_INSTALL)).isEqualTo(7);
    }

    @Test
    void anEmptyLayerAboveTheRowMakesTheBoundHigherNeverLower() {
        // the .pth is layer 3 from the bottom (import, venv, .pth); the empty WORKDIR layer above it
        // has size 0 and is not counted: 8 layers - 4 rows with a layer above = 4, one more than 3,
        // so a shared prefix that passes the check surely holds the .pth layer
        assertThat(PARSER.layersThrough(row -> row.createdBy().contains("dockenv-project.pth"))).isEqualTo(4);
    }

    @Test
    void aRowOfSizeZeroIsNeverTakenForALayer() {
        assertThatThrownBy(() -> PARSER.newestRow(row -> row.createdBy().startsWith("WORKDIR")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no layer of parser-dev matches");
    }

    @Test
    void aBaseInstalledInEachAppsOwnStageIsNotInTheSharedPrefix() {
        // each app installs the base requirements in its own step: the shared prefix stops below it
        ImageLayers apart = ImageLayers.parse("apart", """
                sha256:fc289e8eec1f
                sha256:9b75ba7d56c9
                sha256:748cde4262cc
                sha256:6e152cd3a74f
                sha256:0000000000aa
                sha256:0000000000bb
                """, """
                0\t"CMD [\\"bash\\" \\"run_parser.sh\\"]"
                500000\t"RUN /bin/sh -c pip install -r requirements_base.txt -r requirements_parser.txt # buildkit"
                8\t"COPY requirements_base.txt requirements_parser.txt ./ # buildkit"
                0\t"WORKDIR /app"
                5\t"RUN /bin/sh -c echo /app > /opt/venv/lib/python3.11/site-packages/dockenv-project.pth # buildkit"
                21620800\t"RUN /bin/sh -c python3 -m venv /opt/venv # buildkit"
                190842781\t""
                """);
        assertThat(apart.sharedPrefix(API)).isEqualTo(4);
        assertThat(apart.layersThrough(BASE_INSTALL)).isEqualTo(6);
        assertThat(apart.sharedPrefix(API)).isLessThan(apart.layersThrough(BASE_INSTALL));
    }

    @Test
    void noMatchingLayerIsAnAssertionErrorShowingTheHistory() {
        assertThatThrownBy(() -> PARSER.layersThrough(row -> row.createdBy().contains("requirements_api.txt")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no layer of parser-dev matches")
                .hasMessageContaining("pip install -r requirements_parser.txt");
    }

    @Test
    void aRowWithoutASizeIsRefused() {
        assertThatThrownBy(() -> ImageLayers.parse("x", "sha256:a\n", "\"RUN true\"\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a history row");
    }
}
