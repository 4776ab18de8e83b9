package dev.dockenv.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class CorpusProbeTest {
    @TempDir
    Path tmp;

    @Test
    @EnabledIfSystemProperty(named = "corpus.probe", matches = "true")
    void probe() throws Exception {
        List<String> rows = new ArrayList<>();
        int i = 0;
        long start = System.nanoTime();
        for (BadInput c : BadInputCorpus.cases()) {
            if (c.disabled().isPresent()) {
                continue;
            }
            Path dir = tmp.resolve("p" + i++);
            Path project = CorpusProject.write(dir.resolve("shop"), c.beside(), c.file(), c.content());
            long t0 = System.nanoTime();
            var a = CorpusProject.run(project, dir.resolve("cache"), "status");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String first = a.err().lines().findFirst().orElse("").replace(project.toString() + "/", "");
            if (first.length() > 200) {
                first = first.substring(0, 200);
            }
            String crash = a.crash();
            boolean ok = crash == null && c.exits().contains(a.exit()) && (a.exit() == 0 || (a.err().contains(c.named())
                    && (c.line() == 0 || a.err().matches("(?s).*" + java.util.regex.Pattern.quote(c.named()) + ":"
                    + c.line() + "\\b.*"))));
            rows.add((ok ? "ok" : "FAIL") + "\t" + c.disabled().map(d -> "DIS").orElse("") + "\t" + c + "\t"
                    + c.exits() + "@" + c.line() + "\t" + a.exit() + "\t" + ms + "ms\t" + (crash == null ? "" : crash)
                    + "\t" + first);
        }
        rows.add("total " + (System.nanoTime() - start) / 1_000_000 + " ms");
        Files.write(Path.of("target/corpus-probe.tsv"), rows);
    }
}
