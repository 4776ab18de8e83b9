package dev.dockenv.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubectlTest {
    @TempDir
    Path tmp;

    @Test
    void aMissingProgramIsExitThirteenNamingItAndTheFolder() {
        Kubectl kubectl = new Kubectl(new LocalProcessRunner(), Map.of("DOCKENV_KUBECTL",
                tmp.resolve("no-kubectl").toString(), "PATH", System.getenv("PATH")));

        DockenvException e = catchThrowableOfType(() -> kubectl.apply(tmp.resolve("k8s")), DockenvException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.DEPLOY_FAILED);
        assertThat(e.exitCode().code()).isEqualTo(13);
        assertThat(e.getMessage()).startsWith("cannot run " + tmp.resolve("no-kubectl") + ": ");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("kubectl apply -f " + tmp.resolve("k8s")));
    }

    @Test
    void theProgramIsKubectlUnlessConfigured() {
        assertThat(new Kubectl(new LocalProcessRunner(), Map.of()).program()).isEqualTo("kubectl");
        assertThat(new Kubectl(new LocalProcessRunner(), Map.of("DOCKENV_KUBECTL", " /opt/k ")).program())
                .isEqualTo("/opt/k");
    }

    @Test
    void aLongFailureKeepsItsFirstThreeLines() {
        assertThat(Kubectl.firstLines("\n a \n\nb\nc\nd\n")).isEqualTo("a / b / c");
        assertThat(Kubectl.firstLines("  \n")).isEqualTo("(kubectl printed nothing)");
    }
}
