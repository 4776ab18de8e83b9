package dev.dockenv.dockerfile;

import java.util.Optional;

/** A BuildKit RUN mount. */
public sealed interface Mount {

    /** A persistent cache directory shared between builds (e.g. pip's download cache). */
    record Cache(String target, Optional<String> id, boolean locked) implements Mount {
        public Cache {
            LineSafety.flagValue("a cache mount's target", target);
            id.ifPresent(i -> LineSafety.flagValue("a cache mount's id", i));
        }

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
        public Secret {
            LineSafety.flagValue("a secret mount's id", id);
            LineSafety.flagValue("a secret mount's target", target);
        }
    }

    /**
     * A folder of another stage, readable while the step runs and never stored in this stage's
     * layers (e.g. a wheel built in a stage of its own). The legacy dialect has no such mount: it
     * copies the folder in before the step and removes it at the end of the step.
     */
    record Bind(String fromStage, String source, String target) implements Mount {
        public Bind {
            LineSafety.stageName(fromStage);
            LineSafety.flagValue("a bind mount's source", source);
            LineSafety.flagValue("a bind mount's target", target);
        }
    }

    /**
     * A file or folder of the build context, seen at {@code target} while the step runs (writable,
     * what the step writes there is dropped with the mount) and never stored in a layer. The
     * legacy dialect has no such mount: it copies the path in before the step.
     */
    record Context(String source, String target) implements Mount {
        public Context {
            LineSafety.flagValue("a context mount's source", source);
            LineSafety.flagValue("a context mount's target", target);
            if (source.contains("$") || target.contains("$")) {
                throw new IllegalArgumentException("a context mount's paths cannot hold '$' (a build variable): '"
                        + source + "'");
            }
        }
    }
}
