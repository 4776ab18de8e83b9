package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.pep.MarkerEnvironment;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pieces the resolver reads: wheel names, platform tags, index pages, metadata and pip's arguments. */
class ResolverPartsTest {
    @TempDir
    Path tmp;

    @Test
    void wheelNamesGiveEveryTagTheyCompress() {
        WheelFile w = WheelFile.parse("Foo_Bar-1.0-1-py2.py3-none-any.whl").orElseThrow();
        assertThat(w.name()).isEqualTo("foo-bar");
        assertThat(w.tags()).containsExactlyInAnyOrder("py2-none-any", "py3-none-any");
        assertThat(WheelFile.parse("x-1.0.tar.gz")).isEmpty();
    }

    @Test
    void cpythonOnGlibcTakesManylinuxDownToItsOldestAndPureWheelsLast() {
        TargetPlatform p = new TargetPlatform(MarkerEnvironment.forLinux("3.11.2"), Optional.of("2.36"), Optional.empty());
        List<String> tags = p.tags();
        assertThat(tags.get(0)).isEqualTo("cp311-cp311-manylinux_2_36_x86_64");
        assertThat(tags).contains("cp311-cp311-manylinux2014_x86_64", "cp311-cp311-manylinux1_x86_64",
                "cp311-cp311-linux_x86_64", "cp37-abi3-manylinux_2_17_x86_64", "py3-none-manylinux_2_5_x86_64")
                .doesNotContain("cp311-cp311-manylinux_2_37_x86_64", "cp312-cp312-manylinux_2_17_x86_64",
                        "cp311-cp311-musllinux_1_1_x86_64");
        assertThat(tags.get(tags.size() - 1)).isEqualTo("py30-none-any");
        assertThat(tags.indexOf("cp311-none-any")).isLessThan(tags.indexOf("py3-none-any"));
        TargetPlatform arm = new TargetPlatform(MarkerEnvironment.forLinux("3.12.1", "aarch64"), Optional.empty(),
                Optional.of("1.2"));
        assertThat(arm.tags()).contains("cp312-cp312-musllinux_1_2_aarch64", "cp312-cp312-musllinux_1_0_aarch64")
                .noneMatch(t -> t.contains("manylinux"));
    }

    @Test
    void theImagesOwnWordsMakeThePlatform() {
        TargetPlatform p = TargetPlatforms.parse("3.11.2\nx86_64\nglibc\n2.36\n");
        assertThat(p.markers().pythonFullVersion()).isEqualTo("3.11.2");
        assertThat(p.glibc()).hasValue("2.36");
        assertThat(TargetPlatforms.parse("3.12.1\naarch64\nmusl\n\n").musl()).hasValue("1.1");
    }

    @Test
    void aJsonPageGivesHashesYankedRequiresPythonAndCoreMetadata() {
        String json = """
                {"meta": {"api-version": "1.1"}, "name": "a", "files": [
                  {"filename": "a-1.0-py3-none-any.whl", "url": "../../files/a-1.0-py3-none-any.whl",
                   "hashes": {"sha256": "ABC"}, "requires-python": ">=3.8", "core-metadata": {"sha256": "x"}},
                  {"filename": "a-0.9.tar.gz", "url": "https://files.example/a-0.9.tar.gz", "hashes": {},
                   "yanked": "broken", "dist-info-metadata": false}]}
                """;
        List<ProjectPage.ProjectFile> files = ProjectPage.parse(json, "application/vnd.pypi.simple.v1+json",
                URI.create("http://127.0.0.1:1/simple/a/"));
        assertThat(files).containsExactly(
                new ProjectPage.ProjectFile("a-1.0-py3-none-any.whl", "http://127.0.0.1:1/files/a-1.0-py3-none-any.whl",
                        List.of("sha256:abc"), Optional.of(">=3.8"), false, true),
                new ProjectPage.ProjectFile("a-0.9.tar.gz", "https://files.example/a-0.9.tar.gz", List.of(), Optional.empty(),
                        true, false));
    }

    @Test
    void anHtmlPageGivesTheSameFromItsAttributes() {
        String html = "<html><body><a href=\"../../files/a-1.0-py3-none-any.whl#sha256=ABC\" "
                + "data-requires-python=\"&gt;=3.8\" data-dist-info-metadata=\"sha256=x\">a-1.0-py3-none-any.whl</a>\n"
                + "<a data-yanked=\"\" href='a-0.9.tar.gz'>a-0.9.tar.gz</a></body></html>";
        List<ProjectPage.ProjectFile> files = ProjectPage.parse(html, "text/html", URI.create("http://h/simple/a/"));
        assertThat(files).containsExactly(
                new ProjectPage.ProjectFile("a-1.0-py3-none-any.whl", "http://h/files/a-1.0-py3-none-any.whl",
                        List.of("sha256:abc"), Optional.of(">=3.8"), false, true),
                new ProjectPage.ProjectFile("a-0.9.tar.gz", "http://h/simple/a/a-0.9.tar.gz", List.of(), Optional.empty(),
                        true, false));
    }

    @Test
    void metadataHeadersFoldAndStopAtTheBody() {
        CoreMetadata m = CoreMetadata.parse("Metadata-Version: 2.1\r\nName: Foo\r\nVersion: 1.0\r\n"
                + "Requires-Python: >=3.8\r\nRequires-Dist: bar (>=1.0) ; extra == 'x'\r\nRequires-Dist: !!bad\r\n"
                + "Summary: one\r\n  two\r\n\r\nRequires-Dist: body\r\n");
        assertThat(m.name()).isEqualTo("Foo");
        assertThat(m.requiresPython().orElseThrow().toString()).isEqualTo(">=3.8");
        assertThat(m.requiresDist()).extracting(r -> r.name()).containsExactly("bar");
    }

    @Test
    void pipsArgumentsAreReadOrSaidToNeedPip() throws Exception {
        Files.writeString(tmp.resolve("requirements.txt"), "--index-url http://127.0.0.1:9/simple\n--pre\n-c c.txt\n"
                + "flask[async]>=2 ; python_version >= '3.8'\n");
        Files.writeString(tmp.resolve("c.txt"), "werkzeug<3\n");
        Files.writeString(tmp.resolve("dev.txt"), "./libs/x\n");
        ResolverInput in = ResolverInput.of(tmp, List.of("-r", "requirements.txt", "pytest"));
        assertThat(in).isInstanceOfSatisfying(ResolverInput.Supported.class, s -> {
            assertThat(s.requirements()).extracting(r -> r.name()).containsExactly("flask", "pytest");
            assertThat(s.constraints()).extracting(r -> r.name()).containsExactly("werkzeug");
            assertThat(s.indexUrl()).hasValue("http://127.0.0.1:9/simple");
            assertThat(s.prereleases()).isTrue();
            assertThat(s.hashChecking()).isFalse();
        });
        assertThat(ResolverInput.of(tmp, List.of("-r", "dev.txt"))).isInstanceOf(ResolverInput.Unsupported.class);
        assertThat(ResolverInput.of(tmp, List.of("-e", "."))).isInstanceOf(ResolverInput.Unsupported.class);
        assertThat(ResolverInput.of(tmp, List.of("x @ https://h/x-1.0.tar.gz")))
                .isInstanceOfSatisfying(ResolverInput.Unsupported.class, u -> assertThat(u.reason()).contains("URL"));
    }

    @Test
    void hashesPinnedByARequirementOrAskedForByAFileAreSaid() throws Exception {
        String sha = "sha256:" + "a".repeat(64);
        Files.writeString(tmp.resolve("hashed.txt"), "flask==2.2.2 --hash=" + sha + "\n");
        Files.writeString(tmp.resolve("required.txt"), "--require-hashes\nflask==2.2.2\n");
        Files.writeString(tmp.resolve("constraints.txt"), "werkzeug==2.2.2 --hash=" + sha + "\n");
        Files.writeString(tmp.resolve("plain.txt"), "flask==2.2.2\n");
        for (List<String> args : List.of(List.of("-r", "hashed.txt"), List.of("-r", "required.txt"),
                List.of("-c", "constraints.txt", "-r", "plain.txt"))) {
            assertThat(ResolverInput.of(tmp, args)).as(args.toString()).isInstanceOfSatisfying(
                    ResolverInput.Supported.class, s -> assertThat(s.hashChecking()).isTrue());
        }
        assertThat(ResolverInput.of(tmp, List.of("-r", "plain.txt"))).isInstanceOfSatisfying(
                ResolverInput.Supported.class, s -> assertThat(s.hashChecking()).isFalse());
    }
}
