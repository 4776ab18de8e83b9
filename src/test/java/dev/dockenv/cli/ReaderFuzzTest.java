package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8: a fuzz test of the readers. Every format's valid seed ({@link CorpusSeed}) is mutated
 * ({@link SeedMutator}, deterministic) and read by {@code dockenv status} in-process, through the
 * whole pipeline (scan, decide, plan, identify): each answer is success or an error with an exit
 * code that is not 1 and no stack trace, never another exception. The budget is
 * {@value #PER_SEED} inputs a seed ({@code -Dfuzz.count=N} for a longer run, {@code -Dfuzz.start}
 * to move on to other inputs), and stops early after {@value #SECONDS} seconds.
 */
class ReaderFuzzTest {
    static final int PER_SEED = 150;
    static final int SECONDS = 30;

    @TempDir
    Path tmp;

    /** A failing input: where it came from, the minimised bytes, and dockenv's answer. */
    record Failure(String format, long n, byte[] input, String signature, String answer) {
        @Override
        public String toString() {
            return format + " mutant " + n + ": " + signature + "\n  minimised input: "
                    + escape(input) + "\n" + answer.lines().limit(25).map(l -> "  | " + l + "\n")
                    .reduce("", String::concat);
        }
    }

    @Test
    void everyMutantOfEverySeedIsReadOrRefusedCleanly() throws Exception {
        int perSeed = Integer.getInteger("fuzz.count", PER_SEED);
        long start = Long.getLong("fuzz.start", 0);
        long deadline = System.nanoTime() + Long.getLong("fuzz.seconds", SECONDS) * 1_000_000_000L;
        List<CorpusSeed> seeds = CorpusSeed.all();
        SeedMutator mutator = new SeedMutator(seeds.stream().map(CorpusSeed::text).toList());
        Map<String, Failure> failures = new LinkedHashMap<>();
        int inputs = 0;
        for (int i = 0; i < perSeed && System.nanoTime() < deadline; i++) {
            for (int s = 0; s < seeds.size(); s++) {
                CorpusSeed seed = seeds.get(s);
                Path project = tmp.resolve("p" + s);
                if (i == 0) {
                    CorpusProject.write(project, seed.beside(), seed.file(), new BadInput.Content.Bytes(new byte[0]));
                }
                long n = start + (long) s * 1_000_000 + i;
                byte[] input = mutator.mutate(seed.text().getBytes(StandardCharsets.UTF_8), n);
                inputs++;
                String signature = signature(project, seed, input);
                if (signature != null && !failures.containsKey(signature)) {
                    byte[] small = minimise(project, seed, input, signature);
                    Files.write(project.resolve(seed.file()), small);
                    String answer;
                    try {
                        answer = CorpusProject.run(project, tmp.resolve("cache"), true, "status").toString();
                    } catch (Throwable t) {
                        java.io.StringWriter trace = new java.io.StringWriter();
                        t.printStackTrace(new java.io.PrintWriter(trace));
                        answer = trace.toString();
                    }
                    failures.put(signature, new Failure(seed.format(), n, small, signature, answer));
                }
            }
        }
        System.out.println("ReaderFuzzTest: " + inputs + " inputs, " + failures.size() + " distinct failures");
        assertThat(failures.values()).as(inputs + " inputs").isEmpty();
    }

    /** What went wrong reading {@code input} as the seed's file: null when nothing did. */
    private String signature(Path project, CorpusSeed seed, byte[] input) throws Exception {
        Files.write(project.resolve(seed.file()), input);
        CorpusProject.Answer answer;
        try {
            answer = CorpusProject.run(project, tmp.resolve("cache"), "status");
        } catch (Throwable t) {
            return seed.format() + ": " + t.getClass().getName() + " " + firstOwnFrame(t.getStackTrace());
        }
        String crash = answer.crash();
        if (crash == null) {
            return null;
        }
        String err = answer.err();
        int at = err.indexOf("internal error: ");
        String what = at < 0 ? crash : err.substring(at + 16).lines().findFirst().orElse("").replaceAll(":.*", "");
        int frame = err.indexOf("at dev.dockenv.");
        return seed.format() + ": " + what + (frame < 0 ? "" : " " + err.substring(frame).lines().findFirst()
                .orElse("").replaceAll("\\s*<.*", ""));
    }

    private static String firstOwnFrame(StackTraceElement[] trace) {
        for (StackTraceElement e : trace) {
            if (e.getClassName().startsWith("dev.dockenv.") && !e.getClassName().startsWith("dev.dockenv.cli.")) {
                return "at " + e;
            }
        }
        return trace.length == 0 ? "" : "at " + trace[0];
    }

    /** The shortest input found by dropping chunks that still fails the same way (bounded). */
    private byte[] minimise(Path project, CorpusSeed seed, byte[] input, String signature) throws Exception {
        byte[] best = input;
        int tries = 0;
        for (int chunk = Math.max(1, best.length / 2); chunk >= 1 && tries < 400; chunk /= 2) {
            boolean progress = true;
            while (progress && tries < 400) {
                progress = false;
                for (int from = 0; from + chunk <= best.length && tries < 400; from += chunk) {
                    byte[] candidate = new byte[best.length - chunk];
                    System.arraycopy(best, 0, candidate, 0, from);
                    System.arraycopy(best, from + chunk, candidate, from, best.length - from - chunk);
                    tries++;
                    if (signature.equals(signature(project, seed, candidate))) {
                        best = candidate;
                        progress = true;
                        break;
                    }
                }
            }
        }
        return best;
    }

    static String escape(byte[] bytes) {
        StringBuilder s = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\n') {
                s.append("\\n");
            } else if (c == '"' || c == '\\') {
                s.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f) {
                s.append(String.format("\\x%02X", c));
            } else {
                s.append((char) c);
            }
        }
        return s.append('"').toString();
    }
}
