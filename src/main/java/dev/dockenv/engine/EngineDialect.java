package dev.dockenv.engine;

/**
 * Which command line the client speaks. Docker's client (and a docker client in front of Podman's
 * service, which answers the Engine API) take Docker's options; Podman's own client takes most of
 * them but builds with Buildah ({@code podman build} has no {@code --progress}, prints
 * {@code STEP n/m:} lines and reports a failed step as {@code Error: building at STEP ...}), and,
 * rootless, maps container users into subordinate ids unless told to keep the user's own
 * ({@code --userns=keep-id}).
 */
public enum EngineDialect {
    DOCKER,
    PODMAN
}
