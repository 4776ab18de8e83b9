package dev.dockenv.engine;

/** What the engine and its client said about themselves. */
public record EngineInfo(
        String clientPath,
        String clientVersion,
        String serverVersion,
        String apiVersion,
        String os,
        String arch,
        boolean podman,
        BuilderKind builder) {

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
