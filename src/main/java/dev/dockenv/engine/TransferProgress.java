package dev.dockenv.engine;

/**
 * Receives what a push or a pull prints as it goes ("fc289e8eec1f: Pushed", "1.4.0: digest:
 * sha256:... size: 741"), one line at a time; {@link #quiet()} drops them.
 */
@FunctionalInterface
public interface TransferProgress {

    void line(String line);

    static TransferProgress quiet() {
        return line -> {
        };
    }
}
