package dev.dockenv.compose;

import dev.dockenv.yaml.BlockYaml;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Writes a {@link ComposeModel} as a compose file: YAML in block style, the same bytes for the same
 * model (maps in the model's order, a service's keys in a fixed order), lines never folded.
 *
 * <p>Every string value is double-quoted, so that no YAML reader takes it for something else
 * (docker-compose 1.29 reads YAML 1.1, where {@code 8000:8000} is a base-60 number and {@code no} a
 * boolean); booleans ({@code init: true}) and integers ({@code retries: 30}) are plain. Keys are
 * plain when they are names no reader can misread, else double-quoted too. A string's {@code $}
 * is escaped as {@code $$} unless the string is {@link ComposeString.Interpolated}.
 *
 * <p>Two renderings: {@link #render} for compose (docker-compose 1.29 and v2: no {@code version:}),
 * and {@link #renderStack} for {@code docker stack deploy}, which reads the compose file format v3
 * (Engine 20.10's client knows up to 3.9): it needs {@code version: "3.9"}, and refuses what its
 * schema lacks ({@code profiles}, {@code depends_on} with conditions) or ignores ({@code build},
 * {@code restart}); see {@link StackFileRules}.
 */
public final class ComposeYaml {
    /** Keys written plain: no YAML 1.1 or 1.2 reader resolves them to anything but a string. */
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*");

    private ComposeYaml() {
    }

    /** The compose file docker-compose 1.29 and compose v2 read. */
    public static String render(ComposeModel model) {
        return render(model, false);
    }

    /**
     * The stack file {@code docker stack deploy -c FILE STACK} reads (compose file format 3.9):
     * {@code version: "3.9"} first, {@code depends_on} as a list of names (Swarm starts every service
     * at once and ignores the order). A model with what a stack refuses or ignores throws an
     * {@link IllegalArgumentException} naming the service and the key ({@link StackFileRules}).
     */
    public static String renderStack(ComposeModel model) {
        StackFileRules.check(model);
        return render(model, true);
    }

    private static String render(ComposeModel model, boolean stack) {
        StringBuilder out = new StringBuilder();
        for (String line : model.header()) {
            out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        Mapping root = new Mapping();
        if (stack) {
            root.put("version", string(StackFileRules.VERSION));
        }
        root.put("services", mapping(model.services(), service -> service(service, stack)));
        if (!model.networks().isEmpty()) {
            root.put("networks", mapping(model.networks(), n -> {
                Mapping network = new Mapping();
                n.name().ifPresent(name -> network.put("name", string(name)));
                flag(network, "attachable", n.attachable());
                return network.node();
            }));
        }
        if (!model.volumes().isEmpty()) {
            root.put("volumes", mapping(model.volumes(), v -> {
                Mapping volume = new Mapping();
                v.name().ifPresent(name -> volume.put("name", string(name)));
                return volume.node();
            }));
        }
        return out.append(BlockYaml.dump(root.node())).toString();
    }

    private static Node service(Service service, boolean stack) {
        Mapping s = new Mapping();
        service.image().ifPresent(image -> s.put("image", string(image)));
        service.build().ifPresent(build -> s.put("build", build(build)));
        if (!service.profiles().isEmpty()) {
            s.put("profiles", sequence(service.profiles().stream().map(ComposeYaml::string).toList()));
        }
        if (!service.dependsOn().isEmpty() && stack) {
            s.put("depends_on", sequence(service.dependsOn().keySet().stream().map(ComposeYaml::string).toList()));
        } else if (!service.dependsOn().isEmpty()) {
            s.put("depends_on", mapping(service.dependsOn(), condition -> {
                Mapping c = new Mapping();
                c.put("condition", string(condition.composeName()));
                return c.node();
            }));
        }
        if (!service.entrypoint().isEmpty()) {
            s.put("entrypoint", strings(service.entrypoint()));
        }
        if (!service.command().isEmpty()) {
            s.put("command", strings(service.command()));
        }
        service.user().ifPresent(user -> s.put("user", string(user)));
        service.workingDir().ifPresent(dir -> s.put("working_dir", string(dir)));
        flag(s, "init", service.init());
        flag(s, "tty", service.tty());
        flag(s, "stdin_open", service.stdinOpen());
        if (!service.envFiles().isEmpty()) {
            s.put("env_file", sequence(service.envFiles().stream().map(ComposeYaml::string).toList()));
        }
        if (!service.environment().isEmpty()) {
            s.put("environment", mapping(service.environment(), ComposeYaml::string));
        }
        if (!service.ports().isEmpty() || !service.publishedPorts().isEmpty()) {
            List<Node> ports = new ArrayList<>();
            service.ports().forEach(p -> ports.add(string(p)));
            service.publishedPorts().forEach(p -> ports.add(publishedPort(p)));
            s.put("ports", sequence(ports));
        }
        if (!service.volumes().isEmpty()) {
            s.put("volumes", sequence(service.volumes().stream().map(ComposeYaml::volumeMount).toList()));
        }
        if (!service.networks().isEmpty()) {
            s.put("networks", serviceNetworks(service.networks()));
        }
        service.healthcheck().ifPresent(h -> s.put("healthcheck", healthcheck(h)));
        if (!service.labels().isEmpty()) {
            s.put("labels", mapping(service.labels(), ComposeYaml::string));
        }
        service.restart().ifPresent(r -> s.put("restart", string(r.composeName())));
        service.stopGracePeriod().ifPresent(d -> s.put("stop_grace_period", duration(d)));
        service.deploy().ifPresent(d -> s.put("deploy", deploy(d)));
        return s.node();
    }

    /** The long syntax: target, published, protocol, mode. */
    private static Node publishedPort(PublishedPort port) {
        Mapping p = new Mapping();
        p.put("target", integer(port.target()));
        port.published().ifPresent(published -> p.put("published", integer(published)));
        p.put("protocol", string(port.protocol().composeName()));
        p.put("mode", string(port.mode().composeName()));
        return p.node();
    }

    private static Node deploy(Deploy deploy) {
        Mapping d = new Mapping();
        deploy.replicas().ifPresent(r -> d.put("replicas", integer(r)));
        deploy.endpointMode().ifPresent(m -> d.put("endpoint_mode", string(m.composeName())));
        deploy.updateConfig().ifPresent(u -> d.put("update_config", updateConfig(u)));
        deploy.rollbackConfig().ifPresent(u -> d.put("rollback_config", updateConfig(u)));
        deploy.restartPolicy().ifPresent(r -> {
            Mapping policy = new Mapping();
            policy.put("condition", string(r.condition().composeName()));
            r.delay().ifPresent(delay -> policy.put("delay", duration(delay)));
            r.maxAttempts().ifPresent(m -> policy.put("max_attempts", integer(m)));
            r.window().ifPresent(w -> policy.put("window", duration(w)));
            d.put("restart_policy", policy.node());
        });
        if (deploy.cpuLimit().isPresent() || deploy.memoryLimit().isPresent()) {
            Mapping limits = new Mapping();
            // strings in both schemas (v3's cpus and memory are strings; compose-spec takes either)
            deploy.cpuLimit().ifPresent(c -> limits.put("cpus", string(c.stripTrailingZeros().toPlainString())));
            deploy.memoryLimit().ifPresent(m -> limits.put("memory", string(memory(m))));
            Mapping resources = new Mapping();
            resources.put("limits", limits.node());
            d.put("resources", resources.node());
        }
        return d.node();
    }

    private static Node updateConfig(UpdateConfig update) {
        Mapping u = new Mapping();
        update.parallelism().ifPresent(p -> u.put("parallelism", integer(p)));
        update.delay().ifPresent(delay -> u.put("delay", duration(delay)));
        update.failureAction().ifPresent(a -> u.put("failure_action", string(a.composeName())));
        update.monitor().ifPresent(m -> u.put("monitor", duration(m)));
        update.order().ifPresent(o -> u.put("order", string(o.composeName())));
        return u.node();
    }

    /** Bytes in docker's units: {@code 256M}, {@code 1G} when exact, else the bytes ({@code 6291457b}). */
    static String memory(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + "G";
        }
        if (bytes % (1L << 20) == 0) {
            return bytes / (1L << 20) + "M";
        }
        if (bytes % (1L << 10) == 0) {
            return bytes / (1L << 10) + "K";
        }
        return bytes + "b";
    }

    private static Node integer(long value) {
        return new ScalarNode(Tag.INT, Long.toString(value), ScalarStyle.PLAIN);
    }

    private static Node build(Build build) {
        Mapping b = new Mapping();
        b.put("context", string(build.context()));
        build.dockerfile().ifPresent(d -> b.put("dockerfile", string(d)));
        build.target().ifPresent(t -> b.put("target", string(t)));
        build.network().ifPresent(n -> b.put("network", string(n)));
        if (!build.args().isEmpty()) {
            b.put("args", mapping(build.args(), ComposeYaml::string));
        }
        return b.node();
    }

    /** The short syntax, SOURCE:TARGET[:ro]. */
    private static Node volumeMount(VolumeMount mount) {
        String source = mount instanceof VolumeMount.Named named ? named.volume() : ((VolumeMount.Bind) mount).source();
        return string(source + ":" + mount.target() + (mount.readOnly() ? ":ro" : ""));
    }

    /** A list of names, or a mapping when a network has aliases. */
    private static Node serviceNetworks(List<ServiceNetwork> networks) {
        if (networks.stream().allMatch(n -> n.aliases().isEmpty())) {
            return sequence(networks.stream().map(n -> string(n.network())).toList());
        }
        Mapping m = new Mapping();
        for (ServiceNetwork network : networks) {
            Mapping options = new Mapping();
            if (!network.aliases().isEmpty()) {
                options.put("aliases", sequence(network.aliases().stream().map(ComposeYaml::string).toList()));
            }
            m.put(network.network(), options.node());
        }
        return m.node();
    }

    private static Node healthcheck(Healthcheck healthcheck) {
        Mapping h = new Mapping();
        List<Node> test = new ArrayList<>();
        if (healthcheck.check() instanceof Healthcheck.Cmd cmd) {
            test.add(string("CMD"));
            cmd.command().forEach(c -> test.add(string(c)));
        } else if (healthcheck.check() instanceof Healthcheck.Disabled) {
            test.add(string("NONE"));
        } else {
            test.add(string("CMD-SHELL"));
            test.add(string(((Healthcheck.CmdShell) healthcheck.check()).commandLine()));
        }
        h.put("test", sequence(test));
        healthcheck.interval().ifPresent(d -> h.put("interval", duration(d)));
        healthcheck.timeout().ifPresent(d -> h.put("timeout", duration(d)));
        healthcheck.retries().ifPresent(r -> h.put("retries", integer(r)));
        healthcheck.startPeriod().ifPresent(d -> h.put("start_period", duration(d)));
        return h.node();
    }

    private static void flag(Mapping m, String key, boolean value) {
        if (value) {
            m.put(key, new ScalarNode(Tag.BOOL, "true", ScalarStyle.PLAIN));
        }
    }

    private static Node duration(Duration duration) {
        return string(ComposeDurations.format(duration));
    }

    private static Node strings(List<ComposeString> values) {
        return sequence(values.stream().map(ComposeYaml::string).toList());
    }

    /** A string the model holds literally: escaped for compose's interpolation. */
    private static Node string(String literal) {
        return string(ComposeString.literal(literal));
    }

    private static Node string(ComposeString value) {
        return new ScalarNode(Tag.STR, value.composeText(), ScalarStyle.DOUBLE_QUOTED);
    }

    private static Node sequence(List<Node> items) {
        return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
    }

    private static <V> Node mapping(Map<String, V> map, Function<V, Node> value) {
        Mapping m = new Mapping();
        map.forEach((k, v) -> m.put(k, value.apply(v)));
        return m.node();
    }

    private static Node key(String key) {
        // a key is a name or a variable, never interpolated: compose does not interpolate keys
        return BlockYaml.string(key, PLAIN_KEY);
    }

    /** A block mapping under construction, keys in the order put. */
    private static final class Mapping {
        private final List<NodeTuple> tuples = new ArrayList<>();

        void put(String key, Node value) {
            tuples.add(new NodeTuple(key(key), value));
        }

        Node node() {
            return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
        }
    }
}
