package dev.dockenv.dockerfile;

import java.util.Optional;

/** A BuildKit RUN mount. */
public sealed interface Mount {

    /** A persistent cache directory shared between builds (e.g. pip's download cache). */
    record Cache(String target, Optional<String> id, boolean locked) implements Mount {
        public static Cache at(String target) {
            return new Cache(target, Optional.empty(), false);
        }
    }

    /**
     * A secret file present only while the step runs, never stored in a layer. Optional: when the
     * build provides no such secret the file is simply absent (and the legacy dialect, which has no
     * secrets, leaves the mount out).
     */
    record Secret(String id, String target) implements Mount {
    }
}
