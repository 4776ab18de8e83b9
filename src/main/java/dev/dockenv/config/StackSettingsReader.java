package dev.dockenv.config;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * Reads {@code services} and {@code depends-on} of dockenv's settings into {@link StackSettings}:
 * every value checked for form at its line, every name a {@code depends-on} gives checked to be a
 * service (with a did-you-mean), services in the order written.
 */
final class StackSettingsReader {
    /** Names compose, DNS and environment prefixes all take: a letter or digit first, at most 63 characters. */
    static final Pattern SERVICE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]{0,62}");
    private static final Pattern DURATION = Pattern.compile("(?:\\d{1,6}(?:ms|s|m|h))+");
    /** Names the stack gives its own parts. */
    static final Set<String> RESERVED = Set.of("app");

    private enum ServiceKey {
        IMAGE("image", "an image reference such as \"postgres:16\""),
        PORTS("ports", "an array of ports: 5432, \"15432:5432\" or \"0.0.0.0:5432:5432\""),
        ENV("env", "a table of environment variables (strings)"),
        COMMAND("command", "the command: an array of strings or one string"),
        VOLUMES("volumes", "an array of mounts: \"NAME:/path\" (a named volume) or \"./folder:/path\", with :ro to make it read-only"),
        HEALTHCHECK("healthcheck", "a command (a string for the shell, an array for exec form), a table with test, "
                + "interval, timeout, retries and start-period, or false"),
        DEPENDS_ON("depends-on", "an array of service names"),
        DEPLOY("deploy", "true to run the service on the server too (dockenv deploy compose), false (the default) "
                + "for a service of the dev stack only");

        final String key;
        final String expected;

        ServiceKey(String key, String expected) {
            this.key = key;
            this.expected = expected;
        }
    }

    private StackSettingsReader() {
    }

    static StackSettings read(TomlDocument doc, List<String> prefix) {
        List<String> servicesPath = path(prefix, ConfigKey.SERVICES.key());
        List<ServiceSetting> services = new ArrayList<>();
        if (doc.contains(servicesPath)) {
            TomlTable table = doc.table(servicesPath).orElseThrow(() -> doc.wrongType(servicesPath,
                    ConfigKey.SERVICES.expected()));
            for (String name : inWrittenOrder(doc, servicesPath, table)) {
                services.add(service(doc, path(servicesPath, name)));
            }
        }
        List<String> names = services.stream().map(ServiceSetting::name).toList();
        Map<String, ServiceSetting> byVariable = new java.util.HashMap<>();
        for (ServiceSetting service : services) {
            ServiceSetting other = byVariable.putIfAbsent(service.variableName(), service);
            if (other != null) {
                throw new InputException(service.location(), "service '" + service.name() + "' and service '"
                        + other.name() + "' (" + other.location() + ") give the same variable names ("
                        + service.variableName() + "_...)", "rename one of them");
            }
        }
        for (ServiceSetting service : services) {
            for (NameReference dependency : service.dependsOn()) {
                checkReference(dependency, names, "tool.dockenv.services." + service.name() + ".depends-on");
                if (dependency.name().equals(service.name())) {
                    throw new InputException(dependency.location(), "service '" + service.name() + "' depends on itself");
                }
            }
        }
        checkAcyclic(services);
        checkDeployed(services);
        List<String> dependsPath = path(prefix, ConfigKey.DEPENDS_ON.key());
        Optional<List<NameReference>> dependsOn = Optional.empty();
        if (doc.contains(dependsPath)) {
            List<NameReference> refs = references(doc, dependsPath, ConfigKey.DEPENDS_ON.expected());
            for (NameReference ref : refs) {
                checkReference(ref, names, TomlDocument.key(dependsPath));
            }
            dependsOn = Optional.of(refs);
        }
        return new StackSettings(services, dependsOn);
    }

    private static ServiceSetting service(TomlDocument doc, List<String> at) {
        String name = at.get(at.size() - 1);
        SourceLocation where = doc.locationOf(at);
        if (!SERVICE_NAME.matcher(name).matches()) {
            throw new InputException(where, TomlDocument.key(at) + ": '" + ImageReference.printable(name)
                    + "' is not a service name", "use lower-case letters, digits, '-' and '_' (a letter or digit "
                    + "first, at most 63 characters): the name is the service's host name on the project's network");
        }
        if (RESERVED.contains(name)) {
            throw new InputException(where, TomlDocument.key(at) + ": '" + name + "' is the name of the project's own "
                    + "container in the stack", "give the service another name, such as \"db\" or \"cache\"");
        }
        if (doc.root().get(at) instanceof String) {
            return new ServiceSetting(name, where, image(doc, at), List.of(), Map.of(), List.of(), List.of(),
                    Optional.empty(), List.of(), false);
        }
        TomlTable table = doc.table(at).orElseThrow(() -> doc.wrongType(at, "an image reference such as \"postgres:16\", "
                + "or a table with image, ports, env, command, volumes, healthcheck and depends-on"));
        refuseUnknownKeys(doc, at, table, java.util.Arrays.stream(ServiceKey.values()).map(k -> k.key).toList(),
                "a service");
        List<String> imagePath = path(at, ServiceKey.IMAGE.key);
        if (!doc.contains(imagePath)) {
            throw new InputException(where, TomlDocument.key(at) + ": no image", "write the service's image, e.g. "
                    + "image = \"postgres:16\"");
        }
        return new ServiceSetting(name, where, image(doc, imagePath),
                ConfigReader.ports(doc, path(at, ServiceKey.PORTS.key), ServiceKey.PORTS.expected),
                ConfigReader.environment(doc, path(at, ServiceKey.ENV.key), ServiceKey.ENV.expected),
                ConfigReader.command(doc, path(at, ServiceKey.COMMAND.key), ServiceKey.COMMAND.expected),
                volumes(doc, path(at, ServiceKey.VOLUMES.key)),
                healthcheck(doc, path(at, ServiceKey.HEALTHCHECK.key)),
                references(doc, path(at, ServiceKey.DEPENDS_ON.key), ServiceKey.DEPENDS_ON.expected),
                deploy(doc, path(at, ServiceKey.DEPLOY.key)));
    }

    private static boolean deploy(TomlDocument doc, List<String> at) {
        Object value = doc.root().get(at);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw doc.wrongType(at, ServiceKey.DEPLOY.expected);
        }
        return b;
    }

    /**
     * A service run on the server needs there every service it depends on: one that is not marked
     * {@code deploy = true} would be missing from the server's compose file.
     */
    private static void checkDeployed(List<ServiceSetting> services) {
        Map<String, ServiceSetting> byName = new java.util.HashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (ServiceSetting service : services) {
            if (!service.deploy()) {
                continue;
            }
            for (NameReference dependency : service.dependsOn()) {
                if (!byName.get(dependency.name()).deploy()) {
                    throw new InputException(dependency.location(), "tool.dockenv.services." + service.name()
                            + ".depends-on: '" + dependency.name() + "' is not deployed, but '" + service.name()
                            + "' is (deploy = true) and needs it on the server", "mark it deployed too: [tool.dockenv."
                            + "services." + dependency.name() + "] deploy = true (or do not deploy " + service.name()
                            + ")");
                }
            }
        }
    }

    private static String image(TomlDocument doc, List<String> at) {
        String ref = doc.string(at, ServiceKey.IMAGE.expected).orElseThrow();
        ImageReference.problem(ref).ifPresent(problem -> {
            throw new InputException(doc.locationOf(at), TomlDocument.key(at) + ": '" + ImageReference.printable(ref)
                    + "' is not a Docker image reference: " + problem, "write an image reference such as \"postgres:16\"");
        });
        return ref;
    }

    private static List<ServiceSetting.VolumeSetting> volumes(TomlDocument doc, List<String> at) {
        List<String> specs = doc.strings(at, ServiceKey.VOLUMES.expected, false);
        List<ServiceSetting.VolumeSetting> out = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            SourceLocation where = doc.locationOf(at, i);
            String spec = specs.get(i);
            ServiceSetting.VolumeSetting volume = volume(spec, where).orElseThrow(() -> new InputException(where,
                    TomlDocument.key(at) + ": '" + ImageReference.printable(spec) + "' is not a mount",
                    "write \"NAME:/path\" for a named volume (kept by dockenv down, removed by down --volumes) or "
                    + "\"./folder:/path\" for a folder of the project; add :ro for read-only"));
            if (!targets.add(volume.target())) {
                throw new InputException(where, TomlDocument.key(at) + ": " + volume.target() + " is mounted twice");
            }
            out.add(volume);
        }
        return out;
    }

    /** NAME:/path[:ro|:rw], ./rel:/path, ../ refused, /abs:/path. */
    static Optional<ServiceSetting.VolumeSetting> volume(String spec, SourceLocation where) {
        if (spec.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '$' || c == '"' || c == '\\')) {
            return Optional.empty();
        }
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Optional.empty();
        }
        boolean readOnly = false;
        if (parts.length == 3) {
            if (!parts[2].equals("ro") && !parts[2].equals("rw")) {
                return Optional.empty();
            }
            readOnly = parts[2].equals("ro");
        }
        String source = parts[0];
        String target = parts[1];
        if (!target.startsWith("/") || target.contains("//") || target.endsWith("/") && target.length() > 1
                || java.util.Arrays.asList(target.split("/")).contains("..")) {
            return Optional.empty();
        }
        if (VOLUME_NAME.matcher(source).matches()) {
            return Optional.of(new ServiceSetting.VolumeSetting.Named(source, target, readOnly, where));
        }
        boolean relative = source.equals(".") || source.startsWith("./");
        if ((relative || source.startsWith("/")) && !java.util.Arrays.asList(source.split("/")).contains("..")) {
            return Optional.of(new ServiceSetting.VolumeSetting.Bind(source, target, readOnly, where));
        }
        return Optional.empty();
    }

    private static Optional<ServiceSetting.HealthcheckSetting> healthcheck(TomlDocument doc, List<String> at) {
        Object value = doc.root().get(at);
        if (value == null) {
            return Optional.empty();
        }
        SourceLocation where = doc.locationOf(at);
        if (value instanceof Boolean b) {
            if (b) {
                throw new InputException(where, TomlDocument.key(at) + ": true is not a health check",
                        "write the command that checks the service, or false for none");
            }
            return Optional.of(new ServiceSetting.HealthcheckSetting.Disabled(where));
        }
        if (value instanceof String || value instanceof TomlArray) {
            return Optional.of(check(doc, at, at, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }
        TomlTable table = doc.table(at).orElseThrow(() -> doc.wrongType(at, ServiceKey.HEALTHCHECK.expected));
        refuseUnknownKeys(doc, at, table, List.of("test", "interval", "timeout", "retries", "start-period"),
                "a health check");
        if (!table.contains("test")) {
            throw new InputException(where, TomlDocument.key(at) + ": no test", "write the command that checks the "
                    + "service, e.g. test = \"pg_isready -U postgres\"");
        }
        Optional<Integer> retries = Optional.empty();
        Object r = table.get("retries");
        if (r != null) {
            if (!(r instanceof Long n) || n < 1 || n > 1000) {
                throw new InputException(doc.locationOf(path(at, "retries")), TomlDocument.key(path(at, "retries"))
                        + ": expected a number of tries from 1 to 1000");
            }
            retries = Optional.of(n.intValue());
        }
        return Optional.of(check(doc, at, path(at, "test"), duration(doc, path(at, "interval")),
                duration(doc, path(at, "timeout")), retries, duration(doc, path(at, "start-period"))));
    }

    private static ServiceSetting.HealthcheckSetting.Check check(TomlDocument doc, List<String> at, List<String> testPath,
            Optional<Duration> interval, Optional<Duration> timeout, Optional<Integer> retries,
            Optional<Duration> startPeriod) {
        Object test = doc.root().get(testPath);
        boolean shell = test instanceof String;
        List<String> words = shell ? List.of((String) test)
                : doc.strings(testPath, "a command: a string for the shell or an array (exec form)", false);
        if (words.isEmpty() || words.get(0).isBlank()) {
            throw new InputException(doc.locationOf(testPath), TomlDocument.key(testPath) + ": the command is empty",
                    "write the command that checks the service, or healthcheck = false for none");
        }
        for (String word : words) {
            if (word.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                throw new InputException(doc.locationOf(testPath), TomlDocument.key(testPath)
                        + ": a line break or control character cannot be in a health check");
            }
        }
        return new ServiceSetting.HealthcheckSetting.Check(words, shell, interval, timeout, retries, startPeriod,
                doc.locationOf(at));
    }

    private static Optional<Duration> duration(TomlDocument doc, List<String> at) {
        Optional<String> value = doc.string(at, "a duration such as \"5s\", \"500ms\" or \"1m30s\"");
        value.ifPresent(v -> {
            if (!DURATION.matcher(v).matches() || parse(v).isZero()) {
                throw new InputException(doc.locationOf(at), TomlDocument.key(at) + ": '" + ImageReference.printable(v)
                        + "' is not a duration", "write a duration such as \"5s\", \"500ms\" or \"1m30s\"");
            }
        });
        return value.map(StackSettingsReader::parse);
    }

    /** A duration as compose writes them ("1m30s", "500ms"); the form is checked by the caller. */
    static Duration parse(String written) {
        Duration total = Duration.ZERO;
        java.util.regex.Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(written);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
        }
        return total;
    }

    static List<NameReference> references(TomlDocument doc, List<String> at, String expected) {
        List<String> names = doc.strings(at, expected, false);
        List<NameReference> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!seen.add(names.get(i))) {
                throw new InputException(doc.locationOf(at, i), TomlDocument.key(at) + ": '"
                        + ImageReference.printable(names.get(i)) + "' is named twice");
            }
            out.add(new NameReference(names.get(i), doc.locationOf(at, i)));
        }
        return out;
    }

    /** A key of a table that is not one of {@code known}: an error at it, with what {@code what} takes. */
    static void refuseUnknownKeys(TomlDocument doc, List<String> at, TomlTable table, List<String> known,
            String what) {
        for (String key : table.keySet()) {
            if (!known.contains(key)) {
                throw new InputException(doc.locationOf(path(at, key)), "unknown key '" + TomlDocument.key(path(at, key))
                        + "'", DidYouMean.hint(key, known) + what + " takes: " + String.join(", ", known));
            }
        }
    }

    static void checkReference(NameReference ref, List<String> services, String key) {
        if (!services.contains(ref.name())) {
            String hint = DidYouMean.hint(ref.name(), services) + (services.isEmpty() ? "declare services under [tool.dockenv.services]"
                    : "the services are: " + String.join(", ", services));
            throw new InputException(ref.location(), key + ": unknown service '" + ImageReference.printable(ref.name())
                    + "'", hint);
        }
    }

    /** Services that depend on each other in a circle cannot start: the first one found is an error. */
    private static void checkAcyclic(List<ServiceSetting> services) {
        Map<String, ServiceSetting> byName = new java.util.HashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        for (ServiceSetting start : services) {
            List<String> trail = new ArrayList<>();
            if (cycle(start.name(), byName, trail, new HashSet<>())) {
                throw new InputException(start.location(), "services depend on each other in a circle: "
                        + String.join(" -> ", trail), "remove one of these depends-on entries");
            }
        }
    }

    private static boolean cycle(String name, Map<String, ServiceSetting> byName, List<String> trail, Set<String> done) {
        if (trail.contains(name)) {
            trail.add(name);
            return true;
        }
        if (!done.add(name)) {
            return false;
        }
        trail.add(name);
        for (NameReference next : byName.get(name).dependsOn()) {
            if (cycle(next.name(), byName, trail, done)) {
                return true;
            }
        }
        trail.remove(trail.size() - 1);
        return false;
    }

    /** A table's keys in the order they are written in the file (tomlj does not keep it). */
    static List<String> inWrittenOrder(TomlDocument doc, List<String> at, TomlTable table) {
        return table.keySet().stream().sorted(Comparator.comparing((String k) -> doc.locationOf(path(at, k)).line())
                .thenComparing(k -> doc.locationOf(path(at, k)).column())).toList();
    }

    private static List<String> path(List<String> prefix, String key) {
        List<String> p = new ArrayList<>(prefix);
        p.add(key);
        return List.copyOf(p);
    }
}
