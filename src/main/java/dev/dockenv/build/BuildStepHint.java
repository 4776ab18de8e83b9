package dev.dockenv.build;

import dev.dockenv.engine.BuildFailedException;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.project.Project;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint for a build step of the project's own (a build command or postBuild) that failed on a
 * missing file: build steps see only some of the project's files, so the hint names them and the
 * {@code build-inputs} setting. Given only when the failing step is such a step and its output
 * says a file is missing ("No such file or directory", "can't open file", a script "not found"),
 * and not when every missing path it names is outside the project folder ({@code /etc/...}).
 */
final class BuildStepHint {
    private static final Pattern MISSING = Pattern.compile(
            "(?i)no such file or directory|can't open file|cannot open|cannot stat|[^\\s:]*/[^\\s:]*: not found");
    private static final Pattern QUOTED = Pattern.compile("['\"`\u2018\u201c]([^'\"`\u2019\u201d]+)['\"`\u2019\u201d]");
    private static final Pattern PLAIN = Pattern.compile("(?:^|[\\s:])((?:\\.{0,2}/)?[A-Za-z0-9_.@%+-]+(?:/[A-Za-z0-9_.@%+-]+)*)"
            + "(?=:|\\s|$)");

    private BuildStepHint() {
    }

    /** The hint for {@code failure}, when it is a build step's and a missing file is its cause. */
    static Optional<String> of(Project project, BuildFailedException failure) {
        if (!isBuildStep(project, failure.step())) {
            return Optional.empty();
        }
        List<String> seen = new ArrayList<>();
        project.postBuild().ifPresent(p -> seen.add(project.relative(p)));
        seen.addAll(project.buildInputs().paths());
        List<String> lines = new ArrayList<>(failure.stepOutput());
        lines.add(failure.reason());
        Set<String> missing = new LinkedHashSet<>();
        boolean any = false;
        boolean outside = false;
        for (String line : lines) {
            if (!MISSING.matcher(line).find()) {
                continue;
            }
            any = true;
            for (String candidate : candidates(line)) {
                if (candidate.startsWith(ContainerPaths.PROJECT + "/")) {
                    missing.add(candidate.substring(ContainerPaths.PROJECT.length() + 1));
                } else if (candidate.startsWith("/")) {
                    outside = true;
                } else {
                    missing.add(candidate.replaceFirst("^(\\./)+", ""));
                }
            }
        }
        if (!any || missing.isEmpty() && outside) {
            return Optional.empty();
        }
        Optional<String> inProject = missing.stream()
                .filter(p -> !p.isEmpty() && !p.startsWith("../") && !seen.contains(p))
                .filter(p -> Files.isRegularFile(project.root().resolve(p), LinkOption.NOFOLLOW_LINKS)
                        || Files.isDirectory(project.root().resolve(p), LinkOption.NOFOLLOW_LINKS))
                .findFirst();
        String where = project.config().source().map(s -> s.getFileName().toString().equals("pyproject.toml")
                ? "[tool.dockenv] of pyproject.toml" : s.getFileName().toString())
                .orElse("[tool.dockenv] of pyproject.toml (or dockenv.toml)");
        String visible = seen.isEmpty() ? "no project file but the dependency files"
                : "only these project files: " + String.join(", ", seen) + " (and the dependency files)";
        String example = inProject.orElse("native/greet.c");
        return Optional.of("build steps (build commands and postBuild) run in " + ContainerPaths.PROJECT + " and see "
                + visible + ", not the whole project"
                + inProject.map(p -> "; " + p + " is in the project but not among them").orElse("")
                + ": list the files or folders they read in build-inputs in " + where
                + ", e.g. build-inputs = [\"" + example + "\"]");
    }

    /** Whether the failing step is one of the project's build commands or its postBuild. */
    private static boolean isBuildStep(Project project, String step) {
        String normalized = step.replaceAll("\\s+", " ");
        if (project.postBuild().isPresent() && normalized.contains("./" + project.relative(project.postBuild().get()))) {
            return true;
        }
        return project.config().buildCommands().stream()
                .anyMatch(command -> normalized.contains(command.replaceAll("\\s+", " ")));
    }

    /** The paths a missing-file message names: quoted, or words between colons. */
    static List<String> candidates(String message) {
        Set<String> out = new LinkedHashSet<>();
        String line = message.replaceAll("(?<=[A-Za-z])'(?=[A-Za-z])", ""); // "can't" holds no quote
        Matcher q = QUOTED.matcher(line);
        while (q.find()) {
            String p = q.group(1).strip();
            if (looksLikePath(p)) {
                out.add(p);
            }
        }
        Matcher m = PLAIN.matcher(line);
        while (m.find()) {
            String p = m.group(1);
            if (looksLikePath(p)) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    private static boolean looksLikePath(String p) {
        return !p.isEmpty() && !p.matches(".*\\s.*") && (p.contains("/") || p.matches(".*[A-Za-z0-9]\\.[A-Za-z0-9]+"))
                && !p.matches("\\d+(\\.\\d+)*");
    }
}
