package dev.dockenv.build;

import dev.dockenv.engine.Engine;
import dev.dockenv.sbom.PipInspectReport;

/**
 * Asks an image what Python packages it holds: {@code python -m pip inspect} in a throwaway
 * container of it (no network, the image's own interpreter and pip), read by {@link PipInspectReport}.
 */
public final class PipInspection {
    private PipInspection() {
    }

    /** The packages installed in the environment the image's {@code python} runs in. */
    public static PipInspectReport inspect(Engine engine, String image) {
        return PipInspectReport.parse(engine.runForOutput(image, PipInspectReport.COMMAND), image);
    }
}
