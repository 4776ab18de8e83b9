package dev.dockenv.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** Writes a corpus case's project and runs dockenv on it in-process; what it answered. */
final class CorpusProject {
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|\\bat [\\w$]+\\.[\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    private CorpusProject() {
    }

    /** What one command answered. */
    record Answer(List<String> command, int exit, String out, String err) {
        /** Why the answer is not acceptable for any input (exit 1, a stack trace), or null. */
        String crash() {
            if (exit == 1) {
                return "exit 1 (internal error)";
            }
            if (STACK_FRAME.matcher(err).find() || STACK_FRAME.matcher(out).find()) {
                return "a stack trace";
            }
            if (err.contains("Exception") || err.contains("internal error") || err.contains("Error:")) {
                return "an exception's name";
            }
            if (exit != 0 && !err.contains("dockenv: error: ")) {
                return "exit " + exit + " without an error message";
            }
            return null;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + " -> exit " + exit + "\n" + err;
        }
    }

    /** Writes the project of {@code c} into {@code root}. */
    static Path write(Path root, Map<String, String> beside, String file, BadInput.Content content)
            throws IOException, InterruptedException {
        Files.createDirectories(root);
        for (var e : beside.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
        Path target = root.resolve(file);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (content instanceof BadInput.Content.Bytes b) {
            Files.write(target, b.bytes());
        } else if (content instanceof BadInput.Content.Link l) {
            Files.createSymbolicLink(target, Path.of(l.target()));
        } else if (content instanceof BadInput.Content.Folder) {
            Files.createDirectories(target);
        } else {
            Process mkfifo = new ProcessBuilder("mkfifo", target.toString()).inheritIO().start();
            if (!mkfifo.waitFor(10, TimeUnit.SECONDS) || mkfifo.exitValue() != 0) {
                throw new IOException("mkfifo " + target + " failed");
            }
        }
        return root;
    }

    /** Runs {@code args} in {@code project} with an in-memory engine. */
    static Answer run(Path project, Path cache, String... args) {
        return run(project, cache, false, args);
    }

    /** Runs {@code args}; {@code debug} asks for an internal error's whole stack trace (to show why). */
    static Answer run(Path project, Path cache, boolean debug, String... args) {
        CliHarness cli = new CliHarness(cache);
        if (debug) {
            cli.env.put("DOCKENV_DEBUG", "1");
        }
        int exit = cli.run(project, args);
        return new Answer(List.of(args), exit, cli.out, cli.err);
    }
}
