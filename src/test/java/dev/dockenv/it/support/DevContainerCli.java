package dev.dockenv.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Dev Containers CLI (npm @devcontainers/cli, installed by scripts/ensure-devcontainer-cli.sh)
 * run as the non-root test user, as VS Code's Dev Containers would for that user: with the docker
 * client of the tests and docker-compose, and with the staged dockenv first on PATH (the
 * devcontainer.json's initializeCommand runs {@code dockenv}) and dockenv's variables of the test.
 */
public final class DevContainerCli {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path cli;
    private final DockenvCli dockenv;

    private DevContainerCli(Path cli, DockenvCli dockenv) {
        this.cli = cli;
        this.dockenv = dockenv;
    }

    /** The CLI copied into {@code workDir} for the test user (root's cache is not the user's to read). */
    public static DevContainerCli asTestUser(DockenvCli dockenv, Path workDir) {
        Path installed = NpmTools.bin("devcontainer-cli", "devcontainer", "scripts/ensure-devcontainer-cli.sh")
                .getParent().getParent().getParent();
        Path copy = workDir.resolve("devcontainer-cli");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Exec.of("cp", "-a", installed.toString(), copy.toString()).timeout(Duration.ofSeconds(60)).runOk();
        TestUser.chown(workDir);
        return new DevContainerCli(copy.resolve("node_modules/.bin/devcontainer"), dockenv);
    }

    /** {@code devcontainer up --workspace-folder FOLDER ...}. */
    public ProcessResult up(Path folder, String... extra) {
        List<String> args = new ArrayList<>(List.of("up", "--workspace-folder", folder.toString()));
        args.addAll(engine());
        args.addAll(List.of(extra));
        return run(folder, args);
    }

    /** {@code devcontainer exec --workspace-folder FOLDER COMMAND...}. */
    public ProcessResult exec(Path folder, String... command) {
        List<String> args = new ArrayList<>(List.of("exec", "--workspace-folder", folder.toString()));
        args.addAll(engine());
        args.addAll(List.of(command));
        return run(folder, args);
    }

    /** {@code devcontainer read-configuration --workspace-folder FOLDER}. */
    public ProcessResult readConfiguration(Path folder) {
        return run(folder, List.of("read-configuration", "--workspace-folder", folder.toString()));
    }

    /** The docker client of the tests, and docker-compose 1.29 (there is no compose v2 here). */
    private static List<String> engine() {
        return List.of("--docker-path", Docker.client(), "--docker-compose-path", "docker-compose");
    }

    private ProcessResult run(Path folder, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("runuser", "-u", TestUser.name(), "--", "env"));
        dockenv.environment().forEach((k, v) -> {
            if (v == null) {
                cmd.addAll(List.of("-u", k));
            }
        });
        cmd.addAll(List.of("HOME=" + TestUser.home(), "USER=" + TestUser.name(), "LOGNAME=" + TestUser.name(),
                "PATH=" + dockenv.launcher().getParent() + ":" + System.getenv("PATH")));
        dockenv.environment().forEach((k, v) -> {
            if (v != null) {
                cmd.add(k + "=" + v);
            }
        });
        cmd.add(cli.toString());
        cmd.addAll(args);
        return Exec.of(cmd).dir(folder).timeout(TIMEOUT).run();
    }
}
