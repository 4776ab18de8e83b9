package dev.dockenv.lock;

/** Group names shared by every format: what production needs, and the development set. */
public final class DependencyGroups {
    /** The project's runtime dependencies (Pipfile "default", poetry "main", [project] dependencies). */
    public static final String MAIN = "main";
    /** The development set (Pipfile "develop", poetry/uv/PEP 735 "dev" group). */
    public static final String DEV = "dev";

    private DependencyGroups() {
    }
}
