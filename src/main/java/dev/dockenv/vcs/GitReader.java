package dev.dockenv.vcs;

import dev.dockenv.engine.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks the {@code git} program about a project's folder. A folder outside any repository, or a
 * machine without git, has no revision (the release then has no {@code sha-} tag), which
 * {@link Result.None} explains.
 */
public final class GitReader {
    private final ProcessRunner processes;
    private final Map<String, String> environment;

    public GitReader(ProcessRunner processes, Map<String, String> environment) {
        this.processes = processes;
        this.environment = environment;
    }

    /** What git knows of the folder: a revision, or why there is none. */
    public sealed interface Result {
        record Found(GitRevision revision) implements Result {
        }

        record None(String why) implements Result {
        }
    }

    public Result read(Path folder) {
        return read(folder, List.of());
    }

    /**
     * The same, a change only to a path {@code notReleased} matches (glob pathspecs relative to the
     * folder: {@code deploy/*.stack.yaml}) not counting as one.
     */
    public Result read(Path folder, List<String> notReleased) {
        String dir = folder.toAbsolutePath().toString();
        Optional<ProcessRunner.Result> head = git(dir, "rev-parse", "--verify", "-q", "HEAD");
        if (head.isEmpty()) {
            return new Result.None("git is not installed");
        }
        if (!head.get().ok()) {
            Optional<ProcessRunner.Result> inside = git(dir, "rev-parse", "--is-inside-work-tree");
            boolean repository = inside.isPresent() && inside.get().ok();
            return new Result.None(repository ? "the git repository has no commit yet"
                    : folder + " is not in a git repository");
        }
        String commit = head.get().stdout().strip();
        // the folder's own changes: staged, unstaged, and untracked files that are not ignored
        List<String> statusArgs = new ArrayList<>(List.of("status", "--porcelain", "--untracked-files=normal", "--", "."));
        notReleased.forEach(p -> statusArgs.add(":(exclude,glob)" + p));
        ProcessRunner.Result status = git(dir, statusArgs.toArray(String[]::new))
                .filter(ProcessRunner.Result::ok)
                .orElseThrow(() -> new IllegalStateException("git status failed in " + dir));
        boolean dirty = !status.stdout().isBlank();
        String time = git(dir, "show", "-s", "--format=%ct", commit).filter(ProcessRunner.Result::ok)
                .map(r -> r.stdout().strip()).orElse("");
        Instant commitTime = time.matches("[0-9]+") ? Instant.ofEpochSecond(Long.parseLong(time)) : Instant.EPOCH;
        return new Result.Found(new GitRevision(commit, dirty, commitTime, remote(dir)));
    }

    private Optional<String> remote(String dir) {
        Optional<String> name = git(dir, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
                .filter(ProcessRunner.Result::ok).map(r -> r.stdout().strip())
                .filter(s -> s.contains("/")).map(s -> s.substring(0, s.indexOf('/')));
        for (String remote : name.map(n -> List.of(n, "origin")).orElse(List.of("origin"))) {
            Optional<String> url = git(dir, "remote", "get-url", remote).filter(ProcessRunner.Result::ok)
                    .map(r -> r.stdout().strip()).filter(s -> !s.isEmpty());
            if (url.isPresent()) {
                return Optional.of(RepositoryAddress.withoutCredentials(url.get()));
            }
        }
        return Optional.empty();
    }

    /** Runs git, or empty when there is no git program. */
    private Optional<ProcessRunner.Result> git(String dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir));
        command.addAll(List.of(args));
        try {
            return Optional.of(processes.run(command, environment, null));
        } catch (IOException e) {
            return Optional.empty(); // no git on the PATH
        }
    }
}
