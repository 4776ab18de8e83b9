package dev.dockenv.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compose project as dockenv runs it: its name, its file, the folder relative paths start from,
 * and the file of variables compose interpolates (the project's generated passwords).
 */
public record ComposeProject(String name, Path file, Path directory, Optional<Path> envFile) {

    /** The global options that select this project, before compose's subcommand. */
    public List<String> options() {
        List<String> o = new ArrayList<>();
        envFile.ifPresent(f -> o.addAll(List.of("--env-file", f.toString())));
        o.addAll(List.of("-p", name, "-f", file.toString(), "--project-directory", directory.toString()));
        return o;
    }
}
