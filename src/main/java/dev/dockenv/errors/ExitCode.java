package dev.dockenv.errors;

/**
 * dockenv's own exit codes. {@code run} and {@code shell} otherwise exit with the container
 * command's code (125-127 keep Docker's and the shell's meanings).
 */
public enum ExitCode {
    OK(0, "success"),
    INTERNAL(1, "internal error (a bug: please report it)"),
    USAGE(2, "invalid command line"),
    NO_PROJECT(3, "no Python project found"),
    BAD_INPUT(4, "invalid project file or configuration (file:line:column)"),
    ENGINE_UNREACHABLE(5, "container engine unreachable"),
    BUILD_FAILED(6, "image build failed"),
    WOULD_OVERWRITE(7, "file exists (init without --force)"),
    ENGINE_ERROR(8, "the engine refused a request"),
    FILE_ACCESS(9, "a file or folder could not be read or written (path and reason)"),
    SERVICE_FAILED(10, "a service of the stack did not start or get healthy (its last log lines)"),
    COMPOSE_MISSING(11, "the stack needs docker compose, which is not installed"),
    REGISTRY_REFUSED(12, "a registry refused a push or pull or could not be reached (not logged in, wrong "
            + "credentials, access denied, unknown host)"),
    DEPLOY_FAILED(13, "a deploy target failed or is missing (kubectl apply: its own message; an engine that is no Swarm manager)"),
    NOT_REPRODUCIBLE(14, "release --check: two builds of the same commit differ");

    private final int code;
    private final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public String meaning() {
        return meaning;
    }
}
