package dev.dockenv.stack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a known image gets without being asked: the variables that set up its user, password and
 * database (a password generated for the project, never a fixed one), its health check, and the
 * variables the app reads to reach it. Variables the user sets on the service win, and the app's
 * variables follow them (a user's {@code POSTGRES_DB} is the database in {@code DATABASE_URL}).
 *
 * @param environment what the service is started with (the user's own variables are added over it)
 * @param app the variables the app gets, for the service reached at its name on the network
 */
public record ServicePreset(Map<String, StackValue> environment, Optional<PlannedService.Healthcheck> healthcheck,
        Map<String, StackValue> app) {

    /** The user, database and account dockenv sets up in a database it starts. */
    static final String ACCOUNT = "app";

    private static final Duration DATABASE_START = Duration.ofSeconds(60);

    public ServicePreset {
        environment = Map.copyOf(environment);
        app = Map.copyOf(app);
    }

    /**
     * @param host the service's name on the network
     * @param userEnv the variables the user sets on the service
     * @param secret the name of the service's generated password (its root password is
     *     {@code DOCKENV_ROOT_SECRET_...}, a prefix no service's own secret has)
     */
    static ServicePreset of(ServiceKind kind, String host, Map<String, String> userEnv, String secret) {
        Map<String, StackValue> env = new LinkedHashMap<>();
        Map<String, StackValue> app = new LinkedHashMap<>();
        int port = kind.port();
        switch (kind) {
            case POSTGRES -> {
                String user = userEnv.getOrDefault("POSTGRES_USER", ACCOUNT);
                String db = userEnv.getOrDefault("POSTGRES_DB", user);
                env.put("POSTGRES_USER", StackValue.text(user));
                env.put("POSTGRES_DB", StackValue.text(db));
                Optional<StackValue> password = password(userEnv, "POSTGRES_PASSWORD", secret,
                        "trust".equals(userEnv.get("POSTGRES_HOST_AUTH_METHOD")));
                password.ifPresent(p -> env.put("POSTGRES_PASSWORD", p));
                app.put("DATABASE_URL", url("postgresql", user, password, host, port, "/" + encode(db)));
                app.put("PGHOST", StackValue.text(host));
                app.put("PGPORT", StackValue.text(Integer.toString(port)));
                app.put("PGUSER", StackValue.text(user));
                password.ifPresent(p -> app.put("PGPASSWORD", p));
                app.put("PGDATABASE", StackValue.text(db));
                return new ServicePreset(env, Optional.of(check(
                        "pg_isready -h 127.0.0.1 -U \"$POSTGRES_USER\" -d \"$POSTGRES_DB\"", DATABASE_START)), app);
            }
            case MYSQL, MARIADB -> {
                String prefix = kind == ServiceKind.MYSQL ? "MYSQL_" : "MARIADB_";
                String user = first(userEnv, ACCOUNT, prefix + "USER", "MYSQL_USER");
                String db = first(userEnv, user, prefix + "DATABASE", "MYSQL_DATABASE");
                env.put(prefix + "USER", StackValue.text(user));
                env.put(prefix + "DATABASE", StackValue.text(db));
                Optional<StackValue> password = password(userEnv, prefix + "PASSWORD", secret, false);
                password.ifPresent(p -> env.put(prefix + "PASSWORD", p));
                if (!userEnv.containsKey(prefix + "ROOT_PASSWORD") && !userEnv.containsKey("MYSQL_ROOT_PASSWORD")) {
                    env.put(prefix + "ROOT_PASSWORD", StackValue.secret(secret.replace("DOCKENV_SECRET_",
                            "DOCKENV_ROOT_SECRET_")));
                }
                app.put("DATABASE_URL", url("mysql", user, password, host, port, "/" + encode(db)));
                String test = kind == ServiceKind.MYSQL
                        // the password through mysqladmin's environment, never on its command line (ps shows that)
                        ? "MYSQL_PWD=\"$MYSQL_PASSWORD\" mysqladmin ping -h 127.0.0.1 -u \"$MYSQL_USER\" --silent"
                        : "healthcheck.sh --connect --innodb_initialized";
                return new ServicePreset(env, Optional.of(check(test, DATABASE_START)), app);
            }
            case REDIS, VALKEY -> {
                app.put("REDIS_URL", StackValue.text("redis://" + host + ":" + port + "/0"));
                String cli = kind == ServiceKind.REDIS ? "redis-cli" : "valkey-cli";
                return new ServicePreset(env, Optional.of(check(cli + " ping | grep -q PONG", Duration.ofSeconds(10))),
                        app);
            }
            case MONGODB -> {
                String user = userEnv.getOrDefault("MONGO_INITDB_ROOT_USERNAME", ACCOUNT);
                String db = userEnv.getOrDefault("MONGO_INITDB_DATABASE", ACCOUNT);
                env.put("MONGO_INITDB_ROOT_USERNAME", StackValue.text(user));
                env.put("MONGO_INITDB_DATABASE", StackValue.text(db));
                Optional<StackValue> password = password(userEnv, "MONGO_INITDB_ROOT_PASSWORD", secret, false);
                password.ifPresent(p -> env.put("MONGO_INITDB_ROOT_PASSWORD", p));
                app.put("MONGODB_URL", url("mongodb", user, password, host, port, "/" + encode(db)
                        + "?authSource=admin"));
                return new ServicePreset(env, Optional.of(check("mongosh --quiet --eval "
                        + "'quit(db.adminCommand(\"ping\").ok ? 0 : 1)'", Duration.ofSeconds(30))), app);
            }
            case RABBITMQ -> {
                String user = userEnv.getOrDefault("RABBITMQ_DEFAULT_USER", ACCOUNT);
                env.put("RABBITMQ_DEFAULT_USER", StackValue.text(user));
                Optional<StackValue> password = password(userEnv, "RABBITMQ_DEFAULT_PASS", secret, false);
                password.ifPresent(p -> env.put("RABBITMQ_DEFAULT_PASS", p));
                app.put("AMQP_URL", url("amqp", user, password, host, port, "/%2F"));
                return new ServicePreset(env, Optional.of(check("rabbitmq-diagnostics -q ping", DATABASE_START)), app);
            }
            case MEMCACHED -> {
                // the official image holds no client to check it with: ready once started
                app.put("MEMCACHED_SERVERS", StackValue.text(host + ":" + port));
                return new ServicePreset(env, Optional.empty(), app);
            }
            default -> throw new IllegalStateException("no preset for " + kind);
        }
    }

    /** The user's password when set (URL-encoded where a URL holds it), else the project's generated one. */
    private static Optional<StackValue> password(Map<String, String> userEnv, String name, String secret, boolean none) {
        if (userEnv.containsKey(name)) {
            return Optional.of(StackValue.text(userEnv.get(name)));
        }
        return none ? Optional.empty() : Optional.of(StackValue.secret(secret));
    }

    private static StackValue url(String scheme, String user, Optional<StackValue> password, String host, int port,
            String rest) {
        StackValue.Part[] passwordParts = password.map(p -> p.parts().stream().map(part -> part instanceof StackValue.Part.Text t
                ? (StackValue.Part) new StackValue.Part.Text(encode(t.text())) : part).toArray(StackValue.Part[]::new))
                .orElse(new StackValue.Part[0]);
        List<Object> parts = new java.util.ArrayList<>();
        parts.add(scheme + "://" + encode(user) + (password.isPresent() ? ":" : ""));
        parts.addAll(List.of(passwordParts));
        parts.add("@" + host + ":" + port + rest);
        return StackValue.of(parts.toArray());
    }

    /** Percent-encoding for a URL's user, password or path segment. */
    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String first(Map<String, String> env, String fallback, String... names) {
        for (String n : names) {
            if (env.containsKey(n)) {
                return env.get(n);
            }
        }
        return fallback;
    }

    /** A shell health check at the stack's timings, that may fail for {@code start} before counting. */
    private static PlannedService.Healthcheck check(String shellCommand, Duration start) {
        return new PlannedService.Healthcheck(List.of(shellCommand), true, StackPlanner.INTERVAL, StackPlanner.TIMEOUT,
                StackPlanner.RETRIES, start);
    }
}
