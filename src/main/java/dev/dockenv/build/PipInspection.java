package dev.dockenv.build;

import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineException;
import dev.dockenv.sbom.PipInspectReport;

/**
 * Asks an image what Python packages it holds: {@code python -m pip inspect} in a throwaway
 * container of it (no network, the image's own interpreter and pip), read by {@link PipInspectReport}.
 */
public final class PipInspection {
    private PipInspection() {
    }

    /**
     * The packages installed in the environment the image's {@code python} runs in; an image
     * without {@code python} or with a pip older than 22.2 (no {@code inspect}) is an
     * {@link EngineException} that says so (an engine nobody answers is still its own error).
     */
    public static PipInspectReport inspect(Engine engine, String image) {
        String report;
        try {
            report = engine.runForOutput(image, PipInspectReport.COMMAND);
        } catch (EngineException e) {
            throw new EngineException("cannot list the Python packages of " + image + " for its SBOM: "
                    + e.getMessage(), "the image needs python with pip 22.2 or later (`pip inspect`); "
                            + "with a lock (`dockenv lock`), the SBOM is written from the lock instead");
        }
        return PipInspectReport.parse(report, image);
    }
}
