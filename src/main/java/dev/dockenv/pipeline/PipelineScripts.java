package dev.dockenv.pipeline;

/**
 * The shell of the pipelines' steps that are the same on every platform: installing dockenv from
 * its distribution, and logging in to push the release. Written for bash; the platform's variables
 * are passed in as shell words ({@code $RUNNER_TEMP}, {@code $CI_PROJECT_DIR}).
 */
final class PipelineScripts {
    private PipelineScripts() {
    }

    /**
     * Downloads DOCKENV_DIST_URL (dockenv-VERSION.tar.gz), checks it against DOCKENV_DIST_SHA256 when
     * that is set, unpacks it under {@code temp}/dockenv and puts its bin/ on PATH with
     * {@code onPath} (a line with %s for the folder: appended to GitHub's GITHUB_PATH, or exported).
     * POSIX sh.
     */
    static String installDockenv(String temp, String onPath) {
        return """
                : "${DOCKENV_DIST_URL:?is not set: set the variable DOCKENV_DIST_URL to the dockenv-VERSION.tar.gz to use}"
                mkdir -p "%1$s/dockenv"
                curl -fsSL --retry 3 "$DOCKENV_DIST_URL" -o "%1$s/dockenv.tar.gz"
                if [ -n "${DOCKENV_DIST_SHA256:-}" ]; then
                  echo "$DOCKENV_DIST_SHA256  %1$s/dockenv.tar.gz" | sha256sum -c -
                fi
                tar -xzf "%1$s/dockenv.tar.gz" -C "%1$s/dockenv" --strip-components=1
                %2$s
                "%1$s/dockenv/bin/dockenv" --version
                """.formatted(temp, onPath.formatted(temp + "/dockenv/bin"));
    }

    /**
     * Logs in to the repository's registry (Docker Hub when its first part names no host) with
     * REGISTRY_USER and REGISTRY_PASSWORD (on standard input: never on a command line) and pushes the
     * release to DOCKENV_REPOSITORY, else to {@code repository} (a shell word).
     */
    static String push(String repository) {
        return login(repository) + "dockenv push --quiet \"$repository\"\n";
    }

    private static String login(String repository) {
        return """
                repository="${DOCKENV_REPOSITORY:-%s}"
                registry="${repository%%%%/*}"
                case "$registry" in *.*|*:*|localhost) ;; *) registry=docker.io ;; esac
                printf '%%s' "$REGISTRY_PASSWORD" | docker login "$registry" --username "$REGISTRY_USER" --password-stdin
                """.formatted(repository);
    }
}
