package dev.dockenv.cli;

import dev.dockenv.engine.EngineEndpoint;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.nio.file.Path;

/**
 * Whether the engine sees this machine's files. A bind mount names a folder as the engine sees it:
 * for an engine on this machine (a unix socket, so also "the server" engine of the tests) that is
 * the user's folder; for one over tcp:// or ssh:// it is a folder of that name on the server, empty
 * or missing, and a command would run silently without the project. So the commands that mount the
 * project (run, shell, notebook, lock and the relock of add/remove, an up that starts the app or a
 * service with a project folder) refuse such an engine, while build, status, ps, logs, down (and
 * release, push, deploy: images and named volumes) work against it. DOCKENV_ENGINE_SHARES_FILES=1
 * says the engine does see this machine's folders at the same paths (a tcp:// engine on this
 * machine, a shared file system).
 */
final class EngineFiles {
    static final String SHARES_FILES = "DOCKENV_ENGINE_SHARES_FILES";

    private EngineFiles() {
    }

    /**
     * @param what what mounts the folder ("dockenv run mounts the project")
     * @throws DockenvException (usage, exit 2) when the engine is elsewhere
     */
    static void require(Session session, EngineEndpoint endpoint, String what, Path folder) {
        if (endpoint.onThisMachine() || session.env(SHARES_FILES).filter(v -> !v.equals("0")).isPresent()) {
            return;
        }
        throw new DockenvException(ExitCode.USAGE, what + " (" + folder + ") into a container, and the engine at "
                + endpoint.describe() + " is not on this machine: it would mount its own " + folder
                + ", not these files",
                "build and ship the image instead (dockenv build --target prod, then run it there), or run dockenv "
                        + "on that machine; when that engine does see this machine's folders at the same paths (a "
                        + "tcp:// engine on this machine, a shared file system), set " + SHARES_FILES + "=1");
    }
}
