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
     * Logs in to the repository's registry (Docker Hub when its first part names no host) and pushes
     * the release to DOCKENV_REPOSITORY, else to {@code repository} (a shell word). The login is
     * REGISTRY_USER and REGISTRY_PASSWORD (the password on standard input: never on a command line);
     * without them, the platform's own credentials ({@code platformUser}, {@code platformPassword}),
     * but only for the platform's own registry {@code platformRegistry}: its token never goes to another.
     * With {@code ownConfig}, docker keeps the login in a folder of the job's own (DOCKER_CONFIG under
     * {@code temp}), not in the runner user's home, where it would outlive the job.
     */
    static String push(String repository, String platformRegistry, String platformUser, String platformPassword,
            boolean ownConfig, String temp) {
        return """
                repository="${DOCKENV_REPOSITORY:-%1$s}"
                registry="${repository%%%%/*}"
                case "$registry" in *.*|*:*|localhost) ;; *) registry=docker.io ;; esac
                if [ -z "${REGISTRY_PASSWORD:-}" ]; then
                  if [ "$registry" != "%2$s" ]; then
                    echo "set DOCKENV_REGISTRY_USER and DOCKENV_REGISTRY_PASSWORD to push to $registry" >&2
                    exit 1
                  fi
                  REGISTRY_USER="%3$s"
                  REGISTRY_PASSWORD="%4$s"
                fi
                """.formatted(repository, platformRegistry, platformUser, platformPassword)
                + (ownConfig ? "export DOCKER_CONFIG=\"" + temp + "/docker-config\"\nmkdir -p \"$DOCKER_CONFIG\"\n" : "")
                + """
                printf '%s' "$REGISTRY_PASSWORD" | docker login "$registry" --username "$REGISTRY_USER" --password-stdin
                dockenv push --quiet "$repository"
                """;
    }
}
