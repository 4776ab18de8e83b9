package dev.dockenv.context;

import java.util.List;

/**
 * dockenv's safe defaults for a Python project's build context: version control, virtual environments,
 * bytecode, tool caches, local secrets and OS litter, and the files the deploy commands write
 * ({@link DeployOutputs}).
 *
 * <p>Order matters when combining with a user's .dockerignore: {@code user.plus(rules())} enforces the
 * defaults (a user's "!.git" has no effect), while {@code rules().plus(user)} lets a user's exception
 * deliberately re-include something (for example ".git" for setuptools-scm).
 */
public final class DefaultIgnores {

    private static final List<String> PATTERNS = List.of(
            // secrets at any depth first: the example-file exception must come before the big
            // folders below so that a walker can still skip those whole
            "**/.env",
            "**/.env.*",
            "!**/.env.example",
            "**/.envrc",
            "**/.pypirc",
            "**/.netrc",
            ".aws",
            ".ssh",
            ".git",
            ".hg",
            ".svn",
            ".venv",
            "venv",
            "**/__pycache__",
            "**/*.pyc",
            "**/*.pyo",
            ".mypy_cache",
            ".pytest_cache",
            ".ruff_cache",
            ".hypothesis",
            ".tox",
            ".nox",
            ".coverage",
            ".coverage.*",
            "**/.ipynb_checkpoints",
            "**/.DS_Store",
            "**/*.egg-info",
            // gitlab-ci-local's copies of the repository and its jobs' logs, written while a job builds
            ".gitlab-ci-local",
            // dockenv's journal of an add or remove in progress (io.ChangeJournal.FOLDER), and the stack's
            // compose file, the app's variables and the services' generated passwords (services.StackFolder.PATH),
            // and this machine's compose files of the dev containers with their passwords (ide.DevContainerFolder)
            ".dockenv/change",
            ".dockenv/stack",
            ".dockenv/devcontainer");

    private static final List<String> ALL = java.util.stream.Stream.concat(PATTERNS.stream(),
            // what the deploy commands write (DeployOutputs)
            DeployOutputs.patterns().stream()).toList();

    private static final IgnoreRules RULES = IgnoreRules.of(ALL);

    private DefaultIgnores() {
    }

    /** The default patterns, one per element, in .dockerignore syntax and order. */
    public static List<String> patterns() {
        return ALL;
    }

    /** The default patterns as rules. */
    public static IgnoreRules rules() {
        return RULES;
    }
}
