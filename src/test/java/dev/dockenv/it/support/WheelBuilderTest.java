package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelBuilderTest {

    @TempDir
    Path tmp;

    @Test
    void buildsTheGreetingFixtureAsAPep427Wheel() throws IOException {
        Path whl = WheelBuilder.buildFixture("greeting-1.0.0", tmp);

        assertThat(whl.getFileName()).hasToString("greeting-1.0.0-py3-none-any.whl");
        Map<String, byte[]> entries = unzip(whl);
        assertThat(entries.keySet()).containsExactly(
                "greeting/__init__.py",
                "greeting-1.0.0.dist-info/METADATA",
                "greeting-1.0.0.dist-info/WHEEL",
                "greeting-1.0.0.dist-info/RECORD");
        assertThat(text(entries, "greeting/__init__.py"))
                .contains("__version__ = \"1.0.0\"")
                .contains("def hello(name):")
                .contains("return f\"hello, {name}\"");
        assertThat(text(entries, "greeting-1.0.0.dist-info/METADATA")).isEqualTo(
                "Metadata-Version: 2.1\nName: greeting\nVersion: 1.0.0\nSummary: Says hello (fixture 1.0.0)\n");
        assertThat(text(entries, "greeting-1.0.0.dist-info/WHEEL")).isEqualTo(
                "Wheel-Version: 1.0\nGenerator: dockenv-test-wheelbuilder (1.0)\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
    }

    @Test
    void recordListsEveryOtherEntryWithItsSha256AndSize() throws IOException {
        Map<String, byte[]> entries = unzip(WheelBuilder.buildFixture("devtool-0.3.0", tmp));
        String record = text(entries, "devtool-0.3.0.dist-info/RECORD");

        List<String> lines = record.lines().toList();
        assertThat(lines).hasSize(entries.size());
        assertThat(lines.get(lines.size() - 1)).isEqualTo("devtool-0.3.0.dist-info/RECORD,,");
        List<String> listed = new ArrayList<>();
        for (String line : lines.subList(0, lines.size() - 1)) {
            String[] f = line.split(",");
            assertThat(f).as(line).hasSize(3);
            byte[] content = entries.get(f[0]);
            assertThat(content).as("RECORD names a real entry: " + f[0]).isNotNull();
            assertThat(f[1]).isEqualTo("sha256=" + WheelBuilder.recordDigest(content));
            assertThat(f[1].substring("sha256=".length())).doesNotContain("=", "+", "/").hasSize(43);
            assertThat(Integer.parseInt(f[2])).isEqualTo(content.length);
            listed.add(f[0]);
        }
        assertThat(listed).containsExactlyInAnyOrder(
                "devtool/__init__.py",
                "devtool-0.3.0.dist-info/METADATA",
                "devtool-0.3.0.dist-info/WHEEL",
                "devtool-0.3.0.dist-info/entry_points.txt");
    }

    @Test
    void recordDigestIsUrlsafeBase64WithoutPadding() {
        // sha256("") = e3b0c442...; its urlsafe base64 without '=' is this well-known string.
        assertThat(WheelBuilder.recordDigest(new byte[0])).isEqualTo("47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
        assertThat(WheelBuilder.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void devtoolCarriesItsConsoleScriptEntryPoint() throws IOException {
        Map<String, byte[]> entries = unzip(WheelBuilder.buildFixture("devtool-0.3.0", tmp));
        assertThat(text(entries, "devtool-0.3.0.dist-info/entry_points.txt"))
                .isEqualTo("[console_scripts]\ndevtool = devtool:main\n");
        assertThat(text(entries, "devtool/__init__.py")).contains("print(\"devtool ok\")");
        assertThat(entries).doesNotContainKey("entry_points.txt").doesNotContainKey("fixture.properties");
    }

    @Test
    void colorsayRequiresGreeting() throws IOException {
        Map<String, byte[]> entries = unzip(WheelBuilder.buildFixture("colorsay-2.0.0", tmp));
        assertThat(text(entries, "colorsay-2.0.0.dist-info/METADATA"))
                .contains("Name: colorsay\n", "Version: 2.0.0\n", "Requires-Dist: greeting>=1.0\n");
        assertThat(text(entries, "colorsay/__init__.py")).contains("import greeting");
    }

    @Test
    void greetingVersionsSayDifferentThings() throws IOException {
        Map<String, byte[]> v10 = unzip(WheelBuilder.buildFixture("greeting-1.0.0", tmp));
        Map<String, byte[]> v11 = unzip(WheelBuilder.buildFixture("greeting-1.1.0", tmp));
        assertThat(text(v11, "greeting/__init__.py")).contains("__version__ = \"1.1.0\"", "hello again");
        assertThat(text(v10, "greeting/__init__.py")).doesNotContain("hello again");
        assertThat(text(v11, "greeting-1.1.0.dist-info/METADATA")).contains("Requires-Python: >=3.8\n");
    }

    @Test
    void buildsAreByteForByteReproducible() throws IOException {
        for (String id : WheelBuilder.fixtureIds()) {
            Path a = WheelBuilder.buildFixture(id, tmp.resolve("a"));
            Path b = inTimeZone("Pacific/Kiritimati", () -> WheelBuilder.buildFixture(id, tmp.resolve("b")));
            assertThat(Files.readAllBytes(a)).as(id).isEqualTo(Files.readAllBytes(b));
            assertThat(WheelBuilder.sha256Hex(a)).isEqualTo(WheelBuilder.sha256Hex(Files.readAllBytes(b)));
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(tmp.resolve("a/greeting-1.0.0-py3-none-any.whl")))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertThat(e.getTimeLocal()).as(e.getName()).isEqualTo(WheelBuilder.ZIP_TIME).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0));
                assertThat(e.getExtra()).as(e.getName()).isNull();
            }
        }
    }

    @Test
    void knowsEveryFixture() {
        assertThat(WheelBuilder.fixtureIds())
                .contains("greeting-1.0.0", "greeting-1.1.0", "colorsay-2.0.0", "devtool-0.3.0");
        assertThatThrownBy(() -> WheelBuilder.fixture("nope-9.9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("greeting-1.0.0");
    }

    @Test
    void adHocWheelsEscapeNamesAndNormalizeProjects() throws IOException {
        WheelBuilder b = WheelBuilder.wheel("My-Pkg.x", "1.0.post1")
                .requires("greeting==1.0.0; python_version >= \"3.8\"")
                .requiresPython(">=3.9")
                .file("my_pkg/__init__.py", "X = 1\n");
        assertThat(b.fileName()).isEqualTo("My_Pkg.x-1.0.post1-py3-none-any.whl");
        assertThat(b.distInfoDir()).isEqualTo("My_Pkg.x-1.0.post1.dist-info");
        assertThat(b.normalizedName()).isEqualTo("my-pkg-x");
        Map<String, byte[]> entries = unzip(b.writeTo(tmp));
        assertThat(text(entries, "My_Pkg.x-1.0.post1.dist-info/METADATA"))
                .contains("Name: My-Pkg.x\n", "Requires-Python: >=3.9\n",
                        "Requires-Dist: greeting==1.0.0; python_version >= \"3.8\"\n");
        assertThat(WheelBuilder.normalize("Foo__Bar.-baz")).isEqualTo("foo-bar-baz");
        assertThatThrownBy(() -> b.file("../evil.py", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    private static <T> T inTimeZone(String zone, java.util.function.Supplier<T> action) {
        java.util.TimeZone saved = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
        try {
            return action.get();
        } finally {
            java.util.TimeZone.setDefault(saved);
        }
    }

    private static Map<String, byte[]> unzip(Path whl) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(whl); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                assertThat(entries).as("duplicate entry " + e.getName()).doesNotContainKey(e.getName());
                entries.put(e.getName(), zip.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Map<String, byte[]> entries, String name) {
        assertThat(entries).containsKey(name);
        return new String(entries.get(name), StandardCharsets.UTF_8);
    }
}
