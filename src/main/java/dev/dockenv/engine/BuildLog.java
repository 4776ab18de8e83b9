package dev.dockenv.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows {@code docker build} output (BuildKit's plain progress, the legacy builder's or, from
 * {@code podman build}, Buildah's {@code [stage/stages] STEP n/m: ...} lines) to
 * report steps as they start and, on failure, the failing step with its own output.
 */
public final class BuildLog {
    private static final Pattern BUILDKIT_LINE = Pattern.compile("^#(\\d+) (.*)$");
    private static final Pattern BUILDKIT_TIMED = Pattern.compile("^\\d+\\.\\d+ (.*)$");
    private static final Pattern LEGACY_STEP = Pattern.compile("^Step (\\d+/\\d+) : (.*)$");
    private static final Pattern LEGACY_FAILURE = Pattern.compile("^The command '.*' returned a non-zero code: (\\d+)$");
    private static final Pattern BUILDAH_STEP = Pattern.compile("^(?:\\[(\\d+/\\d+)\\] )?STEP (\\d+/\\d+): (.*)$");
    private static final Pattern BUILDAH_FAILURE = Pattern.compile("^Error: building at STEP \"(.*)\": (.*)$");
    private static final Pattern BUILDAH_EXIT = Pattern.compile("exit status (\\d+)$");
    private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;?]*[A-Za-z]");
    private static final int KEEP_LINES = 400;

    private final BuildProgress progress;
    private final Map<String, Step> steps = new LinkedHashMap<>();
    private final List<String> tail = new ArrayList<>();
    private Step current;
    private Step failed;
    private String failureReason = "";

    public BuildLog(BuildProgress progress) {
        this.progress = progress;
    }

    public void accept(String raw) {
        progress.line(raw);
        // the legacy builder colours a failed RUN step's output
        String line = raw.indexOf('\u001b') >= 0 ? ANSI.matcher(raw).replaceAll("") : raw;
        keep(tail, line);
        Matcher kit = BUILDKIT_LINE.matcher(line);
        if (kit.matches()) {
            buildKit(kit.group(1), kit.group(2));
            return;
        }
        Matcher legacy = LEGACY_STEP.matcher(line);
        if (legacy.matches()) {
            current = new Step(legacy.group(2));
            steps.put(legacy.group(1), current);
            progress.step("[" + legacy.group(1) + "] " + legacy.group(2));
            return;
        }
        Matcher buildah = BUILDAH_STEP.matcher(line);
        if (buildah.matches()) {
            String number = (buildah.group(1) == null ? "" : buildah.group(1) + " ") + buildah.group(2);
            current = new Step(buildah.group(3));
            steps.put(number, current);
            progress.step("[" + number + "] " + buildah.group(3));
            return;
        }
        Matcher buildahFailure = BUILDAH_FAILURE.matcher(line);
        if (buildahFailure.matches() && current != null) {
            failed = current;
            Matcher exit = BUILDAH_EXIT.matcher(buildahFailure.group(2));
            failureReason = exit.find() ? "exit code " + exit.group(1) : buildahFailure.group(2);
            return;
        }
        Matcher legacyFailure = LEGACY_FAILURE.matcher(line);
        if (legacyFailure.matches()) {
            failed = current;
            failureReason = "exit code " + legacyFailure.group(1);
            return;
        }
        if (current != null && !line.startsWith(" ---> ") && !line.startsWith("Removing intermediate container")
                && !line.startsWith("--> ") && !line.startsWith("COMMIT ")) {
            keep(current.output, line);
        }
    }

    private void buildKit(String id, String rest) {
        Step step = steps.get(id);
        if (step == null) {
            step = new Step(rest);
            steps.put(id, step);
            if (rest.startsWith("[") && !rest.startsWith("[internal]")) {
                progress.step(rest);
            }
            return;
        }
        if (rest.startsWith("ERROR: ") || rest.startsWith("ERROR ")) {
            failed = step;
            failureReason = rest.substring(6).trim();
            return;
        }
        Matcher timed = BUILDKIT_TIMED.matcher(rest);
        if (timed.matches()) {
            keep(step.output, timed.group(1));
        }
    }

    private static void keep(List<String> lines, String line) {
        lines.add(line);
        if (lines.size() > KEEP_LINES) {
            lines.remove(0);
        }
    }

    /** The last lines of the whole output. */
    public List<String> tail() {
        return List.copyOf(tail);
    }

    /** The failing step's description, its output and the builder's reason, when a step failed. */
    public Optional<BuildFailedException> failure(int exitCode) {
        if (exitCode == 0) {
            return Optional.empty();
        }
        if (failed != null) {
            return Optional.of(new BuildFailedException(failed.description, failed.output, failureReason));
        }
        if (current != null && current.description.regionMatches(true, 0, "FROM ", 0, 5)) {
            // the legacy builder prints a failed pull of the base image as a bare line under its FROM step
            List<String> out = current.output;
            return Optional.of(new BuildFailedException(current.description, out,
                    out.isEmpty() ? "docker build exited with " + exitCode : out.get(out.size() - 1)));
        }
        List<String> last = tail.subList(Math.max(0, tail.size() - 30), tail.size());
        String reason = last.isEmpty() ? "docker build exited with " + exitCode : last.get(last.size() - 1);
        return Optional.of(new BuildFailedException("", last, reason));
    }

    private static final class Step {
        private final String description;
        private final List<String> output = new ArrayList<>();

        private Step(String description) {
            this.description = description;
        }
    }
}
