package dev.dockenv.compose;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A compose file: its services in order, the named volumes and networks they use, and comment lines
 * at the top. There is deliberately no {@code version:} (obsolete; v2 warns about it), no
 * {@code name:} and no {@code include:} (docker-compose 1.29 refuses both): the project's name comes
 * from the folder or {@code -p}. A Swarm stack file ({@link ComposeYaml#renderStack}) is the one
 * rendering with a {@code version:}, which {@code docker stack deploy} requires.
 *
 * <p>The services' references are checked here: a mounted volume is declared, a service's network is
 * declared (or is {@code default}), a service depends on services of the file, and not in a cycle.
 *
 * <pre>{@code
 * ComposeModel model = ComposeModel.builder()
 *         .header("Written by dockenv")
 *         .service("db", db)
 *         .service("app", app)
 *         .volume("db-data")
 *         .network("backend", Network.named("myproject_backend"))
 *         .build();
 * String yaml = ComposeYaml.render(model);
 * }</pre>
 *
 * @param header comment lines written at the top of the file, each after {@code "# "}
 */
public record ComposeModel(List<String> header, Map<String, Service> services, Map<String, Volume> volumes,
        Map<String, Network> networks) {

    /** The network compose gives every service that names none; a service may name it without a declaration. */
    public static final String DEFAULT_NETWORK = "default";

    public ComposeModel {
        header = List.copyOf(header);
        header.forEach(line -> ComposeChecks.commentLine("a header comment line", line));
        services = ComposeChecks.ordered(services);
        volumes = ComposeChecks.ordered(volumes);
        networks = ComposeChecks.ordered(networks);
        if (services.isEmpty()) {
            throw new IllegalArgumentException("a compose file needs a service");
        }
        services.keySet().forEach(s -> ComposeChecks.name("a service's name", s));
        volumes.keySet().forEach(v -> ComposeChecks.name("a volume's key", v));
        networks.keySet().forEach(n -> ComposeChecks.name("a network's key", n));
        for (Map.Entry<String, Service> entry : services.entrySet()) {
            checkReferences(entry.getKey(), entry.getValue(), services.keySet(), volumes.keySet(), networks.keySet());
        }
        checkNoCycle(services);
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkReferences(String name, Service service, Set<String> services, Set<String> volumes,
            Set<String> networks) {
        for (VolumeMount mount : service.volumes()) {
            if (mount instanceof VolumeMount.Named named && !volumes.contains(named.volume())) {
                throw new IllegalArgumentException("the service " + name + " mounts the volume " + named.volume()
                        + ", which the file does not declare (its volumes: " + volumes + ")");
            }
        }
        for (ServiceNetwork network : service.networks()) {
            if (!network.network().equals(DEFAULT_NETWORK) && !networks.contains(network.network())) {
                throw new IllegalArgumentException("the service " + name + " joins the network " + network.network()
                        + ", which the file does not declare (its networks: " + networks + ")");
            }
        }
        for (String dependency : service.dependsOn().keySet()) {
            if (dependency.equals(name)) {
                throw new IllegalArgumentException("the service " + name + " cannot depend on itself");
            }
            if (!services.contains(dependency)) {
                throw new IllegalArgumentException("the service " + name + " depends on " + dependency
                        + ", which is not a service of the file (" + services + ")");
            }
        }
    }

    /** Compose refuses a circular depends_on: name the cycle here. */
    private static void checkNoCycle(Map<String, Service> services) {
        Set<String> done = new HashSet<>();
        for (String start : services.keySet()) {
            visit(start, services, done, new ArrayList<>());
        }
    }

    private static void visit(String name, Map<String, Service> services, Set<String> done, List<String> path) {
        if (done.contains(name)) {
            return;
        }
        int seen = path.indexOf(name);
        if (seen >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(name);
            throw new IllegalArgumentException("the services depend on each other in a circle: "
                    + String.join(" -> ", cycle));
        }
        path.add(name);
        for (String dependency : services.get(name).dependsOn().keySet()) {
            visit(dependency, services, done, path);
        }
        path.remove(path.size() - 1);
        done.add(name);
    }

    /** Collects the file's parts in order; {@link #build()} checks them. A key given twice is refused. */
    public static final class Builder {
        private final List<String> header = new ArrayList<>();
        private final Map<String, Service> services = new LinkedHashMap<>();
        private final Map<String, Volume> volumes = new LinkedHashMap<>();
        private final Map<String, Network> networks = new LinkedHashMap<>();

        private Builder() {
        }

        /** Comment lines at the top of the file. */
        public Builder header(String... lines) {
            header.addAll(List.of(lines));
            return this;
        }

        public Builder service(String name, Service service) {
            put(services, "service", name, service);
            return this;
        }

        /** A named volume without options. */
        public Builder volume(String key) {
            return volume(key, Volume.DEFAULT);
        }

        public Builder volume(String key, Volume volume) {
            put(volumes, "volume", key, volume);
            return this;
        }

        /** A network without options. */
        public Builder network(String key) {
            return network(key, Network.DEFAULT);
        }

        public Builder network(String key, Network network) {
            put(networks, "network", key, network);
            return this;
        }

        public ComposeModel build() {
            return new ComposeModel(header, services, volumes, networks);
        }

        private static <V> void put(Map<String, V> map, String what, String key, V value) {
            if (map.putIfAbsent(Objects.requireNonNull(key), Objects.requireNonNull(value)) != null) {
                throw new IllegalArgumentException("the " + what + " " + key + " is given twice");
            }
        }
    }
}
