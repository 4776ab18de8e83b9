package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.LocalProcessRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PipelineTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void trainsTheLockedAndTheRequirementsPathsAndLeavesNothingBehind() throws Exception {
        Path temp = Files.createDirectories(tmp.resolve("temp"));
        Session session = new Session(tmp, Map.of("DOCKENV_CACHE_DIR", tmp.resolve("cache").toString()),
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), new LocalProcessRunner(),
                false, () -> null);

        List<String> dockerfiles = PipelineTraining.run(session, temp);

        assertThat(dockerfiles).hasSize(4);
        // the locked project goes through the wheel installer (its list derived from the lock) ...
        assertThat(dockerfiles.get(0)).contains("install-wheels.py", "main.layer-1.wheels.txt").contains("AS dev");
        assertThat(dockerfiles.get(1)).contains("install-wheels.py").contains("USER 10001:10001");
        // ... the requirements.txt one through pip
        assertThat(dockerfiles.get(2)).contains("pip install -r requirements.txt").doesNotContain("install-wheels.py");
        assertThat(temp).isEmptyDirectory(); // the projects were made there, and removed
    }
}
