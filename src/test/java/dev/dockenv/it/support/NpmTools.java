package dev.dockenv.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The npm tools scripts/npm-tool.sh installs into the tests' cache, each in a folder of its own. */
public final class NpmTools {
    private NpmTools() {
    }

    /** The tests' cache: DOCKENV_TEST_CACHE, else ~/.cache/dockenv-test. */
    public static Path cache() {
        return Paths.get(System.getenv().getOrDefault("DOCKENV_TEST_CACHE",
                System.getProperty("user.home") + "/.cache/dockenv-test"));
    }

    /**
     * {@code node_modules/.bin/BINARY} of the tool installed in {@code folder}; an error naming the
     * script that installs it ({@code script}) when it is not there.
     */
    public static Path bin(String folder, String binary, String script) {
        Path bin = cache().resolve(folder).resolve("node_modules/.bin").resolve(binary);
        if (!Files.isExecutable(bin)) {
            throw new IllegalStateException(binary + " is not installed in " + cache().resolve(folder) + ": run "
                    + script + " (scripts/test.sh does)");
        }
        return bin;
    }
}
