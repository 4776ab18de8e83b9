package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;

/** The engine answered but refused a request. */
public class EngineException extends DockenvException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message, String hint) {
        super(ExitCode.ENGINE_ERROR, message, hint);
    }
}
