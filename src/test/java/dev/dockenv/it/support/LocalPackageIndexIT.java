package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves the fixture wheels and the local index against the real engine: pip inside
 * python:3.11-slim (host network, so it reaches 127.0.0.1) installs from the index.
 */
class LocalPackageIndexIT {

    private static final String PIP = "/tmp/v/bin/pip install --disable-pip-version-check --no-cache-dir --index-url ";

    @TempDir
    Path tmp;

    @BeforeAll
    static void engine() {
        Docker.requireEngine();
        assertThat(Docker.imageExists(Docker.BASE_IMAGE))
                .as(Docker.BASE_IMAGE + " exists (scripts/ensure-base-image.sh makes it)").isTrue();
    }

    @Test
    void pipInstallsColorsayAndItsDependencyFromTheIndex() {
        try (LocalPackageIndex index = LocalPackageIndex.serve(tmp, "greeting-1.0.0", "colorsay-2.0.0", "devtool-0.3.0")) {
            ProcessResult r = inContainer("python -m venv /tmp/v"
                    + " && " + PIP + index.url() + " colorsay"
                    + " && /tmp/v/bin/python -c 'import colorsay, greeting;"
                    + " print(colorsay.say(\"world\")); print(\"versions\", colorsay.__version__, greeting.__version__)'");

            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(r.stdout()).as(r.describe())
                    .contains("Successfully installed colorsay-2.0.0 greeting-1.0.0")
                    .contains("hello, world\n")
                    .contains("versions 2.0.0 1.0.0\n");
            assertThat(index.requestedPaths()).contains("/simple/colorsay/", "/simple/greeting/");
            assertThat(index.downloadedFiles()).containsExactlyInAnyOrder(
                    "colorsay-2.0.0-py3-none-any.whl", "greeting-1.0.0-py3-none-any.whl");
        }
    }

    @Test
    void pipPicksTheNewestGreetingHonoursPinsRunsConsoleScriptsAndRequiresPython() {
        try (LocalPackageIndex index = LocalPackageIndex.builder(tmp)
                .fixtures(List.of("greeting-1.0.0", "greeting-1.1.0", "devtool-0.3.0"))
                .wheel(WheelBuilder.wheel("futureonly", "1.0").requiresPython(">=3.99").file("futureonly/__init__.py", ""))
                .start()) {
            String py = "/tmp/v/bin/python -c 'import greeting; print(greeting.hello(\"x\"))'";
            ProcessResult r = inContainer("python -m venv /tmp/v"
                    + " && " + PIP + index.url() + " greeting devtool"
                    + " && " + py
                    + " && /tmp/v/bin/devtool"
                    + " && " + PIP + index.url() + " greeting==1.0.0"
                    + " && " + py
                    + " && { " + PIP + index.url() + " futureonly 2>&1 || echo futureonly-refused; }");

            assertThat(r.exitCode()).as(r.describe()).isZero();
            assertThat(r.stdout()).as(r.describe())
                    .contains("hello again, x (greeting 1.1.0)\n")
                    .contains("devtool ok\n")
                    .contains("Successfully installed greeting-1.0.0")
                    .contains("hello, x\n")
                    .contains("futureonly-refused");
            assertThat(r.stdout()).containsPattern("(?i)requires-python|different python version");
            assertThat(index.downloadedFiles()).containsExactlyInAnyOrder(
                    "greeting-1.1.0-py3-none-any.whl", "devtool-0.3.0-py3-none-any.whl", "greeting-1.0.0-py3-none-any.whl");
            assertThat(index.requestedPaths()).contains("/simple/futureonly/");
        }
    }

    @Test
    void pipChecksTheSha256FromTheIndexPage() throws Exception {
        try (LocalPackageIndex index = LocalPackageIndex.serve(tmp, "greeting-1.0.0")) {
            // the page still carries the old hash; the file now has other bytes
            Path whl = index.wheel("greeting-1.0.0");
            Files.write(whl, WheelBuilder.wheel("greeting", "1.0.0").file("greeting/__init__.py", "# tampered\n").toBytes());

            ProcessResult r = inContainer("python -m venv /tmp/v && " + PIP + index.url() + " greeting");

            assertThat(r.exitCode()).as(r.describe()).isNotZero();
            assertThat(r.output()).as(r.describe()).contains("DO NOT MATCH THE HASHES");
        }
    }

    private static ProcessResult inContainer(String script) {
        return Docker.run(List.of("run", "--rm", "--network", "host", Docker.BASE_IMAGE, "sh", "-c", script),
                Duration.ofMinutes(4));
    }
}
