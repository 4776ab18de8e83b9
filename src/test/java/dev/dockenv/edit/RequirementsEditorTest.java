package dev.dockenv.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RequirementsEditorTest {
    private static final Path FILE = Path.of("requirements.txt");

    private static DependencyEdit add(String text, String requirement) throws Exception {
        return new RequirementsEditor(FILE, text).add(Requirement.parse(requirement));
    }

    @Test
    void appendsALineAndKeepsTheRest() throws Exception {
        String text = "# runtime\n--index-url https://pypi.example/simple\n-r base.txt\nflask>=3  # web\n";
        assertThat(add(text, "numpy>=1.26").text()).isEqualTo(text + "numpy>=1.26\n");
        assertThat(add("flask", "numpy").text()).isEqualTo("flask\nnumpy\n");
        assertThat(add("", "numpy").text()).isEqualTo("numpy\n");
        assertThat(add("a\r\n", "b").text()).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void rewritesTheSamePackagesLineInPlaceKeepingItsComment() throws Exception {
        String text = "a\nFlask_Login == 0.5 ; python_version > \"3\"   # auth\nb\n";
        DependencyEdit edit = add(text, "flask-login>=0.6");
        assertThat(edit.kind()).isEqualTo(EditKind.REPLACED);
        assertThat(edit.text()).isEqualTo("a\nflask-login>=0.6  # auth\nb\n");
        assertThat(add("x==1\n", "x==1").kind()).isEqualTo(EditKind.UNCHANGED);
    }

    @Test
    void removesTheLineWithItsContinuations() {
        String text = "a\nrequests[socks] \\\n    >=2.31\nb\n";
        assertThat(new RequirementsEditor(FILE, text).remove("requests").orElseThrow().text()).isEqualTo("a\nb\n");
        assertThat(new RequirementsEditor(FILE, text).remove("zzz")).isEmpty();
        String vcs = "git+https://example.org/repo.git@v1#egg=Repo_Pkg\nb\n";
        assertThat(new RequirementsEditor(FILE, vcs).remove("repo-pkg").orElseThrow().text()).isEqualTo("b\n");
    }

    @Test
    void aFileWithHashesIsNotEditedByHand() {
        String text = "a==1.0 \\\n    --hash=sha256:" + "0".repeat(64) + "\n";
        assertThatThrownBy(() -> add(text, "b")).isInstanceOf(InputException.class)
                .hasMessageContaining("requirements.txt:1").hasMessageContaining("--hash");
    }
}
