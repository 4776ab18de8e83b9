package dev.dockenv.cli;

import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineInfo;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv doctor}: is everything dockenv needs there? */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the setup: the docker client, the engine and its version, BuildKit, compose, free disk.")
final class DoctorCommand implements Callable<Integer> {
    private static final long LOW_DISK = 5L * 1000 * 1000 * 1000;

    @ParentCommand
    private DockenvCommand root;

    @Override
    public Integer call() {
        Session session = root.session();
        PrintWriter out = session.out();
        Engine engine = session.engine();
        check(out, Status.OK, "dockenv", DockenvVersion.get() + " (Java " + Runtime.version().feature() + ")");
        EngineInfo info;
        try {
            info = engine.info();
        } catch (DockenvException e) {
            check(out, Status.FAIL, "engine", e.getMessage());
            e.hint().ifPresent(h -> check(out, Status.HINT, "", h));
            out.flush();
            return e.exitCode().code();
        }
        check(out, Status.OK, "client", String.join(" ", engine.client()) + " " + info.clientVersion());
        String at = engine instanceof DockerCli cli ? cli.endpointDescription().orElse("?")
                : engine.endpoint().describe();
        check(out, Status.OK, "engine", (info.podman() ? "Podman " : "Docker Engine ") + info.serverVersion()
                + " (API " + info.apiVersion() + ", " + info.os() + "/" + info.arch() + ") at " + at);
        boolean modern = DockerCli.majorVersion(info.serverVersion()) >= 20 || info.podman();
        check(out, modern ? Status.OK : Status.FAIL, "version", modern ? (info.podman() ? "Podman: supported" : "20.10 or newer: supported")
                : "dockenv needs Docker Engine 20.10 or newer");
        boolean buildkit = info.builder() == EngineInfo.BuilderKind.BUILDKIT;
        check(out, buildkit ? Status.OK : Status.WARN, "builder", buildkit ? "BuildKit (cache mounts for pip)"
                : "legacy builder: works, without pip's cache mount; install the buildx plugin for BuildKit, "
                        + "or set DOCKENV_DOCKER to a client that has it");
        Optional<String> compose = engine.composeVersion();
        check(out, compose.isPresent() ? Status.OK : Status.WARN, "compose",
                compose.orElse("not found (only needed for compose.yaml)"));
        disk(out, engine);
        out.flush();
        return modern ? 0 : ExitCode.ENGINE_ERROR.code();
    }

    private static void disk(PrintWriter out, Engine engine) {
        Optional<String> dir = engine instanceof DockerCli cli ? cli.rootDir() : Optional.empty();
        // a folder of that name here is another machine's folder when the engine is elsewhere
        if (dir.isEmpty() || !engine.endpoint().onThisMachine() || !Files.isDirectory(Path.of(dir.get()))) {
            check(out, Status.OK, "disk", "the engine's data folder is not on this machine; not checked");
            return;
        }
        try {
            long free = Files.getFileStore(Path.of(dir.get())).getUsableSpace();
            check(out, free >= LOW_DISK ? Status.OK : Status.WARN, "disk", StatusCommand.humanSize(free) + " free in " + dir.get()
                    + (free < LOW_DISK ? ": low, builds may fail (docker system prune frees space)" : ""));
        } catch (IOException e) {
            check(out, Status.WARN, "disk", "cannot read free space of " + dir.get() + ": " + e.getMessage());
        }
    }

    private enum Status {
        OK("ok"), WARN("warn"), FAIL("FAIL"), HINT("");

        private final String label;

        Status(String label) {
            this.label = label;
        }
    }

    private static void check(PrintWriter out, Status status, String what, String detail) {
        out.printf("%-5s %-8s %s%n", status.label, status == Status.HINT ? "hint:" : what, detail);
    }
}
