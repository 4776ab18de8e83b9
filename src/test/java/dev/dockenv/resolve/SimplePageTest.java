package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimplePageTest {
    private static final URI PAGE = URI.create("http://127.0.0.1:1234/simple/greeting/");
    private static final String HTML = """
            <!DOCTYPE html>
            <html><body>
              <h1>Links for greeting</h1>
              <a href="../../files/greeting-1.0.0-py3-none-any.whl#sha256=1111">greeting-1.0.0-py3-none-any.whl</a><br/>
              <a href="../../files/greeting-1.1.0-py3-none-any.whl#sha256=2222" data-requires-python="&gt;=3.8">greeting-1.1.0-py3-none-any.whl</a><br/>
              <a href="https://files.example.org/g/greeting-1.1.0-cp311-cp311-manylinux_2_17_x86_64.whl#sha256=3333">greeting-1.1.0-cp311-cp311-manylinux_2_17_x86_64.whl</a>
              <a href="/files/Greeting-1.1.0.tar.gz#SHA256=4444">Greeting-1.1.0.tar.gz</a>
              <a href="/files/greeting-1.1.0.zip">greeting-1.1.0.zip</a>
              <a href="/files/greeting_extras-1.1.0.tar.gz#sha256=5555">greeting_extras-1.1.0.tar.gz</a>
            </body></html>
            """;

    @Test
    void linksResolveAgainstThePageWithTheirHashes() {
        List<SimplePage.IndexFile> files = SimplePage.parse(HTML, PAGE);
        assertThat(files).hasSize(6);
        assertThat(files.get(0)).isEqualTo(new SimplePage.IndexFile("greeting-1.0.0-py3-none-any.whl",
                "http://127.0.0.1:1234/files/greeting-1.0.0-py3-none-any.whl", List.of("sha256:1111")));
        assertThat(files.get(3).url()).isEqualTo("http://127.0.0.1:1234/files/Greeting-1.1.0.tar.gz");
        assertThat(files.get(3).hashes()).containsExactly("sha256:4444");
        assertThat(files.get(4).hashes()).isEmpty();
    }

    @Test
    void everyFileOfTheVersionAndNoOther() {
        List<SimplePage.IndexFile> files = SimplePage.filesOf(SimplePage.parse(HTML, PAGE), "Greeting", "1.1");
        assertThat(files).extracting(SimplePage.IndexFile::fileName).containsExactly(
                "greeting-1.1.0-py3-none-any.whl", "greeting-1.1.0-cp311-cp311-manylinux_2_17_x86_64.whl",
                "Greeting-1.1.0.tar.gz", "greeting-1.1.0.zip");
        assertThat(files).flatExtracting(SimplePage.IndexFile::hashes)
                .containsExactly("sha256:2222", "sha256:3333", "sha256:4444");
    }

    @Test
    void fileNames() {
        assertThat(SimplePage.nameAndVersion("a_b-2.0-py3-none-any.whl")).hasValueSatisfying(
                nv -> assertThat(nv).containsExactly("a_b", "2.0"));
        assertThat(SimplePage.nameAndVersion("my-pkg-2.0.tar.gz")).hasValueSatisfying(
                nv -> assertThat(nv).containsExactly("my-pkg", "2.0"));
        assertThat(SimplePage.nameAndVersion("README.txt")).isEmpty();
    }
}
