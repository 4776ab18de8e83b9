package dev.dockenv.engine;

/**
 * What the engine and its client said about themselves. {@code podman}: the engine is Podman (its
 * own client or its service behind a docker client); {@code dialect}: the command line the client
 * speaks; {@code rootless}: Podman runs as the calling user, in a user namespace.
 */
public record EngineInfo(
        String clientPath,
        String clientVersion,
        String serverVersion,
        String apiVersion,
        String os,
        String arch,
        boolean podman,
        BuilderKind builder,
        EngineDialect dialect,
        boolean rootless) {

    /** Which builder {@code docker build} will use. */
    public enum BuilderKind {
        BUILDKIT("BuildKit"),
        LEGACY("legacy builder");

        private final String label;

        BuilderKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
