package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;

/** The engine did not answer: no daemon, no permission on its socket, or no client program. */
public class EngineUnreachableException extends DockenvException {
    private static final long serialVersionUID = 1L;

    public EngineUnreachableException(String message, String hint) {
        super(ExitCode.ENGINE_UNREACHABLE, message, hint);
    }
}
