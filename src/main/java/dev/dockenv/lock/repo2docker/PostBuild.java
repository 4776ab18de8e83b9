package dev.dockenv.lock.repo2docker;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repo2docker {@code postBuild} script: run once, as the image's user, after the environment is
 * built. repo2docker (since 2019) renders {@code RUN chmod +x postBuild} then
 * {@code RUN ./postBuild}, so the kernel picks the interpreter from the {@code #!} line; without
 * one the shell of the RUN instruction runs the script itself ({@code /bin/sh} in Docker's
 * default). repo2docker's documentation asks for {@code #!/bin/bash} and {@code set -e}.
 *
 * @param script     the file
 * @param executable whether its owner may execute it (repo2docker sets the bit itself; an image
 *                   that runs {@code ./postBuild} without {@code chmod +x} needs it)
 * @param shebang    its {@code #!} line, if it has one
 * @param digest     {@code sha256:<hex>} of its content, for the image's identity
 */
public record PostBuild(Path script, boolean executable, Optional<Shebang> shebang, String digest) {
    /** The shell Docker's {@code RUN} uses by default, which runs a script that has no {@code #!} line. */
    public static final String DEFAULT_SHELL = "/bin/sh";

    public PostBuild {
        Objects.requireNonNull(script);
        Objects.requireNonNull(shebang);
        Objects.requireNonNull(digest);
    }

    /** The interpreter command: the {@code #!} line's, else {@link #DEFAULT_SHELL}. */
    public List<String> interpreterCommand() {
        return shebang.map(Shebang::command).orElse(List.of(DEFAULT_SHELL));
    }

    /** True when a shell reads the script (no {@code #!} line, or a shell in it). */
    public boolean runsInShell() {
        return shebang.map(Shebang::isShell).orElse(true);
    }

    /**
     * This script, or an {@link InputException} when it is not executable, for builds that run
     * {@code ./postBuild} as it is (without repo2docker's {@code chmod +x}).
     */
    public PostBuild requireExecutable() {
        if (!executable) {
            throw new InputException(SourceLocation.of(script), "the postBuild script is not executable",
                    "chmod +x " + script + " (and commit the mode: git update-index --chmod=+x " + script + ")");
        }
        return this;
    }
}
