package dev.dockenv.engine;

/** Receives a build's progress as it happens. */
public interface BuildProgress {

    /** A new step began, e.g. "[base 3/7] RUN pip install -r requirements.txt". */
    void step(String description);

    /** Any output line (shown in verbose mode). */
    void line(String line);

    static BuildProgress silent() {
        return new BuildProgress() {
            @Override
            public void step(String description) {
            }

            @Override
            public void line(String line) {
            }
        };
    }
}
