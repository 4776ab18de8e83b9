package dev.dockenv.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A compose program: the docker client's {@code compose} plugin or the standalone {@code docker-compose}. */
final class ComposeCli implements Compose {
    private final List<String> command;
    private final String version;
    private final ProcessRunner processes;

    ComposeCli(List<String> command, String version, ProcessRunner processes) {
        this.command = List.copyOf(command);
        this.version = version;
        this.processes = processes;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public ProcessRunner.Result run(ComposeProject project, List<String> args) {
        try {
            return processes.run(line(project, args), Map.of(), null);
        } catch (IOException e) {
            throw cannotStart(e);
        }
    }

    @Override
    public int attach(ComposeProject project, List<String> args) {
        try {
            return processes.inherit(line(project, args), Map.of());
        } catch (IOException e) {
            throw cannotStart(e);
        }
    }

    @Override
    public List<String> commandLine(ComposeProject project, List<String> args) {
        return line(project, args);
    }

    List<String> line(ComposeProject project, List<String> args) {
        List<String> line = new ArrayList<>(command);
        line.addAll(project.options());
        line.addAll(args);
        return line;
    }

    private EngineUnreachableException cannotStart(IOException e) {
        return new EngineUnreachableException("cannot start " + String.join(" ", command) + ": " + e.getMessage(),
                "install Docker Compose: the compose plugin, or Debian's docker-compose package");
    }
}
