package dev.dockenv.stack;

import java.util.Locale;
import java.util.Optional;

/**
 * The images dockenv knows (by their repository on Docker Hub) and the contract each one has:
 * the port it serves, where it keeps its data and whether it takes a password.
 */
public enum ServiceKind {
    POSTGRES(5432, "/var/lib/postgresql/data", "postgres", "postgis/postgis"),
    MYSQL(3306, "/var/lib/mysql", "mysql"),
    MARIADB(3306, "/var/lib/mysql", "mariadb"),
    REDIS(6379, "/data", "redis"),
    VALKEY(6379, "/data", "valkey/valkey"),
    MONGODB(27017, "/data/db", "mongo"),
    RABBITMQ(5672, "/var/lib/rabbitmq", "rabbitmq"),
    MEMCACHED(11211, null, "memcached");

    private final int port;
    private final String dataPath;
    private final String[] repositories;

    ServiceKind(int port, String dataPath, String... repositories) {
        this.port = port;
        this.dataPath = dataPath;
        this.repositories = repositories;
    }

    /** The port the service listens on inside the project's network. */
    public int port() {
        return port;
    }

    /** Where the image keeps its data (a named volume goes there), if it keeps any. */
    public Optional<String> dataPath() {
        return Optional.ofNullable(dataPath);
    }

    /**
     * The kind of an image reference: its repository on Docker Hub ({@code postgres},
     * {@code library/postgres}, {@code docker.io/library/postgres}, {@code postgis/postgis}), any tag
     * or digest. Other registries' images and other repositories are not presets.
     */
    public static Optional<ServiceKind> of(String image) {
        String ref = image;
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        int slash = ref.lastIndexOf('/');
        int colon = ref.lastIndexOf(':');
        if (colon > slash) {
            ref = ref.substring(0, colon);
        }
        ref = ref.toLowerCase(Locale.ROOT);
        for (String hub : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
            if (ref.startsWith(hub)) {
                ref = ref.substring(hub.length());
            }
        }
        if (ref.startsWith("library/")) {
            ref = ref.substring("library/".length());
        }
        for (ServiceKind kind : values()) {
            for (String repository : kind.repositories) {
                if (repository.equals(ref)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }
}
