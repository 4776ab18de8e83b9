package dev.dockenv.compose;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service of a compose file. Its image is named, built, or both (built, then tagged with the
 * name). Lists and maps keep their order; an empty one and a false flag are left out of the file.
 * Strings that compose would interpolate are {@link ComposeString}s: literal unless made
 * {@link ComposeString.Interpolated}.
 *
 * <pre>{@code
 * Service db = Service.builder()
 *         .image("postgres:16")
 *         .environment("POSTGRES_USER", "app")
 *         .environment("POSTGRES_PASSWORD", ComposeString.variable("DOCKENV_DB_PASSWORD"))
 *         .volume(VolumeMount.named("db-data", "/var/lib/postgresql/data"))
 *         .port("127.0.0.1:5432:5432")
 *         .healthcheck(Healthcheck.cmd("pg_isready", "-U", "app").interval(Duration.ofSeconds(2)).retries(30).build())
 *         .build();
 * }</pre>
 *
 * @param envFiles files of variables, in compose's short form only (1.29 refuses {@code {path, required}})
 * @param ports published ports as compose's short syntax: {@code [IP:][HOST:]CONTAINER[/PROTOCOL]}, port
 *        ranges allowed, IPv6 addresses in brackets
 * @param dependsOn the services this one waits for, each with its condition (written in the long form)
 * @param publishedPorts ports in the long syntax (written after the short ones), which a Swarm stack
 *        needs to publish a port on the task's own node ({@code mode: host})
 * @param deploy how a Swarm stack runs the service (replicas, rolling updates, restarts, limits)
 */
public record Service(Optional<String> image, Optional<Build> build, List<ComposeString> command,
        List<ComposeString> entrypoint, Map<String, ComposeString> environment, List<String> envFiles,
        List<String> ports, List<VolumeMount> volumes, Optional<Healthcheck> healthcheck,
        Map<String, Condition> dependsOn, List<ServiceNetwork> networks, Optional<ComposeString> user,
        Optional<String> workingDir, boolean init, Map<String, ComposeString> labels, Optional<Restart> restart,
        Optional<Duration> stopGracePeriod, boolean tty, boolean stdinOpen, List<String> profiles,
        List<PublishedPort> publishedPorts, Optional<Deploy> deploy) {

    private static final Pattern IMAGE = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._/:@+-]*");
    private static final Pattern PORT = Pattern.compile("(?:(?:(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:.]+\\]):)?"
            + "(?:(\\d+)(?:-(\\d+))?)?:)?(\\d+)(?:-(\\d+))?(?:/(?:tcp|udp|sctp))?");

    public Service {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(build, "build");
        if (image.isEmpty() && build.isEmpty()) {
            throw new IllegalArgumentException("a service needs an image or a build (or both)");
        }
        image.ifPresent(i -> {
            if (!IMAGE.matcher(i).matches()) {
                throw new IllegalArgumentException("'" + ComposeChecks.printable(i) + "' is not an image reference");
            }
        });
        command = List.copyOf(command);
        command.forEach(c -> ComposeChecks.text("a service's command argument", c.text()));
        entrypoint = List.copyOf(entrypoint);
        entrypoint.forEach(c -> ComposeChecks.text("a service's entrypoint argument", c.text()));
        environment = ComposeChecks.ordered(environment);
        environment.forEach((name, value) -> ComposeChecks.oneLine("the value of the environment variable "
                + ComposeChecks.variable("an environment variable", name), value.text()));
        envFiles = List.copyOf(envFiles);
        envFiles.forEach(f -> ComposeChecks.notBlank("an env_file path", f));
        unique("env_file", envFiles);
        ports = List.copyOf(ports);
        ports.forEach(Service::checkPort);
        unique("port", ports);
        volumes = List.copyOf(volumes);
        unique("volume target", volumes.stream().map(VolumeMount::target).toList());
        Objects.requireNonNull(healthcheck, "healthcheck");
        dependsOn = ComposeChecks.ordered(dependsOn);
        dependsOn.keySet().forEach(s -> ComposeChecks.name("a service depended on", s));
        networks = List.copyOf(networks);
        unique("network", networks.stream().map(ServiceNetwork::network).toList());
        user.ifPresent(u -> ComposeChecks.notBlank("a service's user", u.text()));
        workingDir.ifPresent(w -> ComposeChecks.containerPath("a service's working_dir", w));
        labels = ComposeChecks.ordered(labels);
        labels.forEach((key, value) -> ComposeChecks.oneLine("the label " + ComposeChecks.labelKey(key), value.text()));
        Objects.requireNonNull(restart, "restart");
        stopGracePeriod.ifPresent(d -> ComposeDurations.check("a service's stop_grace_period", d));
        profiles = List.copyOf(profiles);
        profiles.forEach(p -> ComposeChecks.name("a profile", p));
        unique("profile", profiles);
        publishedPorts = List.copyOf(publishedPorts);
        unique("published port", publishedPorts.stream().map(p -> p.published().isPresent()
                ? p.published().getAsInt() + "/" + p.protocol().composeName()
                : "target " + p.target() + "/" + p.protocol().composeName()).toList());
        Objects.requireNonNull(deploy, "deploy");
        if (deploy.flatMap(Deploy::endpointMode).orElse(null) == Deploy.EndpointMode.DNSRR
                && (!ports.isEmpty() || publishedPorts.stream().anyMatch(p -> p.mode() == PublishedPort.Mode.INGRESS))) {
            // Swarm: "port published with ingress mode can't be used with dnsrr mode"
            throw new IllegalArgumentException("a service reached by DNS round robin (endpoint_mode dnsrr) can publish "
                    + "ports only in host mode: Swarm refuses the routing mesh's ingress ports without a virtual IP");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void checkPort(String port) {
        ComposeChecks.notBlank("a published port", port);
        Matcher m = PORT.matcher(port);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + ComposeChecks.printable(port) + "' is not a published port as "
                    + "compose writes it: [IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]");
        }
        for (int group = 2; group <= 5; group++) {
            String number = m.group(group);
            if (number != null && (number.length() > 5 || Integer.parseInt(number) < 1
                    || Integer.parseInt(number) > 65535)) {
                throw new IllegalArgumentException("'" + port + "' has a port number outside 1-65535: " + number);
            }
        }
    }

    private static void unique(String what, List<String> values) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException("a service cannot have the " + what + " '"
                        + ComposeChecks.printable(value) + "' twice");
            }
        }
    }

    /** Collects a service's parts; {@link #build()} checks them. Setting a map's key twice is refused. */
    public static final class Builder {
        private String image;
        private Build build;
        private List<ComposeString> command = List.of();
        private List<ComposeString> entrypoint = List.of();
        private final Map<String, ComposeString> environment = new LinkedHashMap<>();
        private final List<String> envFiles = new ArrayList<>();
        private final List<String> ports = new ArrayList<>();
        private final List<VolumeMount> volumes = new ArrayList<>();
        private Healthcheck healthcheck;
        private final Map<String, Condition> dependsOn = new LinkedHashMap<>();
        private final List<ServiceNetwork> networks = new ArrayList<>();
        private ComposeString user;
        private String workingDir;
        private boolean init;
        private final Map<String, ComposeString> labels = new LinkedHashMap<>();
        private Restart restart;
        private Duration stopGracePeriod;
        private boolean tty;
        private boolean stdinOpen;
        private final List<String> profiles = new ArrayList<>();
        private final List<PublishedPort> publishedPorts = new ArrayList<>();
        private Deploy deploy;

        private Builder() {
        }

        public Builder image(String image) {
            this.image = Objects.requireNonNull(image);
            return this;
        }

        /** How compose builds the image ({@code build:}); with {@link #image} too, the built image's name. */
        public Builder builtFrom(Build build) {
            this.build = Objects.requireNonNull(build);
            return this;
        }

        /** The command in exec form, each argument literal. */
        public Builder command(String... command) {
            return command(ComposeString.literals(List.of(command)));
        }

        public Builder command(List<ComposeString> command) {
            this.command = List.copyOf(command);
            return this;
        }

        /** The entrypoint in exec form, each argument literal. */
        public Builder entrypoint(String... entrypoint) {
            return entrypoint(ComposeString.literals(List.of(entrypoint)));
        }

        public Builder entrypoint(List<ComposeString> entrypoint) {
            this.entrypoint = List.copyOf(entrypoint);
            return this;
        }

        /** An environment variable with a literal value. */
        public Builder environment(String name, String value) {
            return environment(name, ComposeString.literal(value));
        }

        public Builder environment(String name, ComposeString value) {
            put(environment, "environment variable", name, value);
            return this;
        }

        public Builder envFile(String path) {
            envFiles.add(Objects.requireNonNull(path));
            return this;
        }

        public Builder port(String port) {
            ports.add(Objects.requireNonNull(port));
            return this;
        }

        public Builder volume(VolumeMount mount) {
            volumes.add(Objects.requireNonNull(mount));
            return this;
        }

        public Builder healthcheck(Healthcheck healthcheck) {
            this.healthcheck = Objects.requireNonNull(healthcheck);
            return this;
        }

        public Builder dependsOn(String service, Condition condition) {
            put(dependsOn, "depends_on service", service, condition);
            return this;
        }

        public Builder network(String network, String... aliases) {
            return network(ServiceNetwork.of(network, aliases));
        }

        public Builder network(ServiceNetwork network) {
            networks.add(Objects.requireNonNull(network));
            return this;
        }

        /** The user, literal ({@code 1000:1000}, {@code postgres}). */
        public Builder user(String user) {
            return user(ComposeString.literal(user));
        }

        public Builder user(ComposeString user) {
            this.user = Objects.requireNonNull(user);
            return this;
        }

        public Builder workingDir(String workingDir) {
            this.workingDir = Objects.requireNonNull(workingDir);
            return this;
        }

        public Builder init(boolean init) {
            this.init = init;
            return this;
        }

        public Builder label(String key, String value) {
            return label(key, ComposeString.literal(value));
        }

        public Builder label(String key, ComposeString value) {
            put(labels, "label", key, value);
            return this;
        }

        public Builder restart(Restart restart) {
            this.restart = Objects.requireNonNull(restart);
            return this;
        }

        public Builder stopGracePeriod(Duration stopGracePeriod) {
            this.stopGracePeriod = Objects.requireNonNull(stopGracePeriod);
            return this;
        }

        public Builder tty(boolean tty) {
            this.tty = tty;
            return this;
        }

        public Builder stdinOpen(boolean stdinOpen) {
            this.stdinOpen = stdinOpen;
            return this;
        }

        public Builder profile(String profile) {
            profiles.add(Objects.requireNonNull(profile));
            return this;
        }

        /** A port in the long syntax ({@code target}, {@code published}, {@code protocol}, {@code mode}). */
        public Builder port(PublishedPort port) {
            publishedPorts.add(Objects.requireNonNull(port));
            return this;
        }

        /** How a Swarm stack runs the service. */
        public Builder deploy(Deploy deploy) {
            this.deploy = Objects.requireNonNull(deploy);
            return this;
        }

        public Service build() {
            return new Service(Optional.ofNullable(image), Optional.ofNullable(build), command, entrypoint,
                    environment, envFiles, ports, volumes, Optional.ofNullable(healthcheck), dependsOn, networks,
                    Optional.ofNullable(user), Optional.ofNullable(workingDir), init, labels,
                    Optional.ofNullable(restart), Optional.ofNullable(stopGracePeriod), tty, stdinOpen, profiles,
                    publishedPorts, Optional.ofNullable(deploy));
        }

        private static <V> void put(Map<String, V> map, String what, String key, V value) {
            if (map.putIfAbsent(Objects.requireNonNull(key), Objects.requireNonNull(value)) != null) {
                throw new IllegalArgumentException("the " + what + " " + key + " is given twice");
            }
        }
    }
}
