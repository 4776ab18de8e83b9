package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.ImageReference;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.engine.RegistryRefusal;
import dev.dockenv.engine.RegistryRefusedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registry's refusal reaches the user as one line, its hint and exit code 12, which --help lists. */
class RegistryRefusalReportTest {
    @TempDir
    Path tmp;

    @Test
    void aRefusalIsOneLineAHintAndExitTwelve() {
        StringWriter err = new StringWriter();
        Session session = new Session(tmp, Map.of("DOCKENV_CACHE_DIR", tmp.resolve("cache").toString()),
                new PrintWriter(new StringWriter()), new PrintWriter(err), new LocalProcessRunner(), false, () -> null);
        ImageReference ref = ImageReference.of("127.0.0.1:5000/team/shop:1.4.0");

        int code = DockenvCommand.report(new RegistryRefusedException("push", ref,
                new RegistryRefusal.NotLoggedIn("127.0.0.1:5000", "no basic auth credentials")), new PrintWriter(err),
                session);

        assertThat(code).isEqualTo(12);
        assertThat(err.toString()).isEqualTo("""
                dockenv: error: cannot push 127.0.0.1:5000/team/shop:1.4.0: not logged in to 127.0.0.1:5000 (docker \
                has no credentials for it)
                dockenv: hint: run `docker login 127.0.0.1:5000`; dockenv pushes with docker's own login
                """);
    }

    @Test
    void helpListsExitCodeTwelve() throws Exception {
        CliHarness cli = new CliHarness(tmp.resolve("cache"));

        assertThat(cli.run(tmp, "--help")).isZero();

        assertThat(cli.out).containsPattern("12\\s+a registry refused a push or pull or could not be reached");
    }
}
