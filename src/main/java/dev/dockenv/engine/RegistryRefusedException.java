package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;

/**
 * A registry refused a push or a pull, or could not be reached: exit code
 * {@link ExitCode#REGISTRY_REFUSED}, one line naming the registry, the reference and the cause, and
 * the hint that fits the cause ({@link RegistryRefusal}).
 */
public final class RegistryRefusedException extends DockenvException {
    private static final long serialVersionUID = 1L;

    private final transient RegistryRefusal refusal;
    private final transient ImageReference reference;

    public RegistryRefusedException(String operation, ImageReference reference, RegistryRefusal refusal) {
        super(ExitCode.REGISTRY_REFUSED, "cannot " + operation + " " + reference + ": " + refusal.reason(),
                refusal.hint(reference));
        this.refusal = refusal;
        this.reference = reference;
    }

    /** Why, as a value. */
    public RegistryRefusal refusal() {
        return refusal;
    }

    public ImageReference reference() {
        return reference;
    }
}
