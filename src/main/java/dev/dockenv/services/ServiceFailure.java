package dev.dockenv.services;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.stack.PlannedService;

/** A service of the stack that did not start or get healthy: where it is declared, why, and what it printed. */
public final class ServiceFailure extends DockenvException {
    ServiceFailure(PlannedService service, String why, String hint) {
        super(ExitCode.SERVICE_FAILED, service.location() + ": service '" + service.name() + "' (" + service.image()
                + ") " + why, hint);
    }
}
