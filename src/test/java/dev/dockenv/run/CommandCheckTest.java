package dev.dockenv.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandCheckTest {
    @Test
    void theValuesAreTheShellsParametersAndTheCommandFollowsThemUntouched() {
        CommandCheck check = new CommandCheck("dockenv-x:dev-1", "it's `dockenv add --dev $(rm -rf /)`");
        assertThat(check.wrap(List.of("pytest", "-k", "a b; $HOME")))
                .containsExactly("sh", "-c", CommandCheck.SCRIPT, "dockenv", "dockenv-x:dev-1",
                        "it's `dockenv add --dev $(rm -rf /)`", "pytest", "-k", "a b; $HOME");
        assertThat(CommandCheck.SCRIPT).doesNotContain("dockenv-x", "rm -rf").endsWith("exec \"$@\"");
    }
}
