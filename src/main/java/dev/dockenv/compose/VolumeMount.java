package dev.dockenv.compose;

/**
 * A volume a service mounts, written in compose's short syntax ({@code SOURCE:TARGET[:ro]}), which
 * docker-compose 1.29 and v2 read alike (and whose bind mount creates a missing source folder,
 * where the long syntax fails). The parts are checked so that the
 * short syntax cannot be misread: no ':' in them, a bind source that is a path.
 */
public sealed interface VolumeMount {

    /** The target in the container. */
    String target();

    boolean readOnly();

    /** A named volume declared in the file's {@code volumes}. */
    static Named named(String volume, String target) {
        return new Named(volume, target, false);
    }

    /** A host path: absolute, or relative to the compose file's folder ({@code .}, {@code ./data}, {@code ../x}). */
    static Bind bind(String source, String target) {
        return new Bind(source, target, false);
    }

    record Named(String volume, String target, boolean readOnly) implements VolumeMount {
        public Named {
            ComposeChecks.name("a mounted volume", volume);
            checkTarget(target);
        }

        public Named asReadOnly() {
            return new Named(volume, target, true);
        }
    }

    record Bind(String source, String target, boolean readOnly) implements VolumeMount {
        public Bind {
            ComposeChecks.notBlank("a bind mount's source", source);
            if (!(source.equals(".") || source.equals("..") || source.startsWith("/") || source.startsWith("./")
                    || source.startsWith("../"))) {
                // compose reads any other source as the name of a volume
                throw new IllegalArgumentException("a bind mount's source must be an absolute path or start with "
                        + "'./' or '../' (else compose takes it for a volume's name): '"
                        + ComposeChecks.printable(source) + "'");
            }
            noColon("a bind mount's source", source);
            checkTarget(target);
        }

        public Bind asReadOnly() {
            return new Bind(source, target, true);
        }
    }

    private static void checkTarget(String target) {
        ComposeChecks.containerPath("a volume's target", target);
        noColon("a volume's target", target);
    }

    private static void noColon(String what, String value) {
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(what + " cannot hold ':' (compose's short volume syntax splits at it): '"
                    + ComposeChecks.printable(value) + "'");
        }
    }
}
