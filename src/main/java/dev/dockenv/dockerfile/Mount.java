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

    /** A secret file present only while the step runs; never stored in a layer. */
    record Secret(String id, String target) implements Mount {
    }
}
