package dev.dockenv.it.support;

import java.util.ArrayList;
import java.util.List;

/**
 * "The server": the second Docker engine scripts/ensure-server-engine.sh starts beside the main
 * one (its own socket, data root and bridge, the host's network namespace). Tests reach it through
 * {@code $DOCKENV_TEST_SERVER} (scripts/test.sh exports it; default
 * {@code unix:///run/dockenv-server/docker.sock}) and, for tcp://, {@code $DOCKENV_TEST_SERVER_TCP}
 * (default {@code tcp://127.0.0.1:23750}).
 */
public final class ServerEngine {
    private ServerEngine() {
    }

    /** The server's unix socket address, as docker -H takes it. */
    public static String host() {
        String env = System.getenv("DOCKENV_TEST_SERVER");
        return env == null || env.isBlank() ? "unix:///run/dockenv-server/docker.sock" : env.strip();
    }

    /** The same engine over plain TCP on 127.0.0.1. */
    public static String tcpHost() {
        String env = System.getenv("DOCKENV_TEST_SERVER_TCP");
        return env == null || env.isBlank() ? "tcp://127.0.0.1:23750" : env.strip();
    }

    /**
     * The same engine over ssh:// (scripts/ensure-ssh-engine.sh: an sshd on 127.0.0.1 whose sessions
     * reach the server), {@code $DOCKENV_TEST_SSH_HOST}.
     */
    public static String sshHost() {
        String env = System.getenv("DOCKENV_TEST_SSH_HOST");
        return env == null || env.isBlank() ? "ssh://root@127.0.0.1:23722" : env.strip();
    }

    /**
     * The PATH under which the docker client's {@code ssh} is the system's with the tests' key and
     * known host ({@code $DOCKENV_TEST_SSH_PATH} first); fails the test (never skips it) when that
     * ssh does not reach the server, saying how to set it up.
     */
    public static String sshPath() {
        String env = System.getenv("DOCKENV_TEST_SSH_PATH");
        String dir = env == null || env.isBlank() ? System.getProperty("user.home") + "/.cache/dockenv-test/ssh/bin"
                : env.strip();
        String path = dir + ":" + System.getenv("PATH");
        ProcessResult r = Docker.exec("-H", sshHost(), "info", "--format", "{{.ID}}").env("PATH", path).run();
        ProcessResult server = docker("info", "--format", "{{.ID}}");
        if (!r.ok() || !r.stdout().strip().equals(server.stdout().strip())) {
            throw new AssertionError("the server engine is not reachable at " + sshHost() + " (start its sshd with "
                    + "scripts/ensure-ssh-engine.sh, which scripts/test.sh runs as root): " + r.describe());
        }
        return path;
    }

    /** Fails the test (never skips it) when the server does not answer, saying how to start it. */
    public static void requireRunning() {
        ProcessResult r = docker("version", "--format", "{{.Server.Version}}");
        if (!r.ok() || r.stdout().isBlank()) {
            throw new AssertionError("the server engine at " + host() + " does not answer (start it with "
                    + "scripts/ensure-server-engine.sh, which scripts/test.sh runs): " + r.describe());
        }
    }

    /** {@code docker -H SERVER args...}. */
    public static ProcessResult docker(String... args) {
        List<String> line = new ArrayList<>(List.of("-H", host()));
        line.addAll(List.of(args));
        return Docker.run(line);
    }

    /** The images of a repository the server has, as REPOSITORY:TAG. */
    public static List<String> images(String repository) {
        return lines(docker("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repository).assertOk().stdout());
    }

    /** The images of a repository the main engine has, as REPOSITORY:TAG. */
    public static List<String> mainImages(String repository) {
        return lines(Docker.runOk("image", "ls", "--format", "{{.Repository}}:{{.Tag}}", repository).stdout());
    }

    /** Removes every image of a repository from the server. */
    public static void removeImages(String repository) {
        for (String image : images(repository)) {
            docker("image", "rm", "-f", image);
        }
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
