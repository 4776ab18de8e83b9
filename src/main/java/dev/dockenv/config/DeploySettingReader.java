package dev.dockenv.config;

import dev.dockenv.errors.InputException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.tomlj.TomlTable;

/** Reads a {@code deploy} table, each value checked at its line. */
final class DeploySettingReader {
    static final String KEY = "deploy";
    static final String EXPECTED = "a table: env-file, health-path (or healthcheck = false), replicas, publish-address";
    private static final String ENV_FILE = "env-file";
    private static final String HEALTH_PATH = "health-path";
    private static final String HEALTHCHECK = "healthcheck";
    private static final String REPLICAS = "replicas";
    private static final String PUBLISH_ADDRESS = "publish-address";

    private DeploySettingReader() {
    }

    /** The table at {@code owner + deploy}, or none when it is not written. */
    static DeploySetting read(TomlDocument doc, List<String> owner) {
        List<String> at = Stream.concat(owner.stream(), Stream.of(KEY)).toList();
        if (!doc.contains(at)) {
            return DeploySetting.none();
        }
        TomlTable table = doc.table(at).orElseThrow(() -> doc.wrongType(at, EXPECTED));
        StackSettingsReader.refuseUnknownKeys(doc, at, table, List.of(ENV_FILE, HEALTH_PATH, HEALTHCHECK, REPLICAS,
                PUBLISH_ADDRESS), "a deploy table");
        Optional<String> envFile = doc.string(key(at, ENV_FILE), "the env file's path in the project, such as "
                + "\"deploy/prod.env\"");
        envFile.ifPresent(f -> {
            String p = f.replace('\\', '/');
            if (p.isBlank() || p.startsWith("/") || Stream.of(p.split("/")).anyMatch(s -> s.equals(".."))
                    || f.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InputException(doc.locationOf(key(at, ENV_FILE)), TomlDocument.key(key(at, ENV_FILE))
                        + ": '" + ImageReference.printable(f) + "' is not a path inside the project",
                        "write the file's path relative to the project, such as \"deploy/prod.env\" (and keep it out "
                                + "of git: it holds the passwords); --env-file takes any other");
            }
        });
        Optional<String> healthPath = doc.string(key(at, HEALTH_PATH), "a path such as \"/healthz\"");
        healthPath.ifPresent(p -> HealthPath.problem(p).ifPresent(problem -> {
            throw new InputException(doc.locationOf(key(at, HEALTH_PATH)), TomlDocument.key(key(at, HEALTH_PATH))
                    + ": " + problem, "write a path such as \"/healthz\"");
        }));
        boolean noHealthcheck = false;
        if (table.contains(HEALTHCHECK)) {
            Object h = table.get(HEALTHCHECK);
            if (!(h instanceof Boolean b) || b) {
                throw new InputException(doc.locationOf(key(at, HEALTHCHECK)), TomlDocument.key(key(at, HEALTHCHECK))
                        + " can only be false (no health check of dockenv's)", "write healthcheck = false, or "
                        + "health-path = \"/healthz\" for the path dockenv's check gets");
            }
            if (healthPath.isPresent()) {
                throw new InputException(doc.locationOf(key(at, HEALTHCHECK)), TomlDocument.key(key(at, HEALTHCHECK))
                        + " = false and health-path say opposite things", "keep one of them");
            }
            noHealthcheck = true;
        }
        OptionalInt replicas = OptionalInt.empty();
        if (table.contains(REPLICAS)) {
            Object r = table.get(REPLICAS);
            if (!(r instanceof Long n) || n < 0 || n > 1000) {
                throw new InputException(doc.locationOf(key(at, REPLICAS)), TomlDocument.key(key(at, REPLICAS))
                        + " must be a number of tasks from 0 to 1000", "write replicas = 2");
            }
            replicas = OptionalInt.of(n.intValue());
        }
        Optional<String> address = doc.string(key(at, PUBLISH_ADDRESS), "an IP address such as \"127.0.0.1\"");
        address.ifPresent(a -> ServerAddress.problem(a).ifPresent(problem -> {
            throw new InputException(doc.locationOf(key(at, PUBLISH_ADDRESS)),
                    TomlDocument.key(key(at, PUBLISH_ADDRESS)) + ": " + problem, "write an IP address of the server: "
                            + "\"0.0.0.0\" (every address), \"127.0.0.1\" (behind a proxy on the server)");
        }));
        return new DeploySetting(envFile, healthPath, noHealthcheck, replicas, address,
                Optional.of(doc.locationOf(at)));
    }

    private static List<String> key(List<String> at, String name) {
        return Stream.concat(at.stream(), Stream.of(name)).toList();
    }
}
