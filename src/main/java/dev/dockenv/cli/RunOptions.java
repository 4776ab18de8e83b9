package dev.dockenv.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by run and shell. */
final class RunOptions {
    @Option(names = {"-p", "--publish"}, paramLabel = "PORT",
            description = "Publish a port: 8000, 8080:8000 or ADDRESS:8080:8000. "
                    + "Binds 127.0.0.1 unless an address is given.")
    List<String> ports = new ArrayList<>();

    @Option(names = {"-e", "--env"}, paramLabel = "K=V",
            description = "Set an environment variable (K alone passes the host's value).")
    List<String> env = new ArrayList<>();

    @Option(names = "--env-file", paramLabel = "FILE", description = "Read environment variables from a file.")
    List<Path> envFiles = new ArrayList<>();

    @Option(names = "--target", paramLabel = "STAGE",
            description = "The image stage to run in (default: dev).")
    String target;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to run in (its dev environment; "
            + "default: the app whose folder you are in, else the shared environment).")
    String app;

    @Option(names = "--rebuild", description = "Rebuild the environment image before running.")
    boolean rebuild;
}
