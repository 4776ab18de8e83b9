package dev.dockenv.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The docker CLI for tests, run as a child process with a timeout and captured output.
 *
 * <p>The client is {@code $DOCKENV_DOCKER} when set (scripts/test.sh sets /usr/bin/docker, Debian's
 * 20.10 client, which does BuildKit builds here), else {@code docker} on PATH.
 *
 * <pre>{@code
 * Docker.requireEngine();
 * ProcessResult r = Docker.run(List.of("run", "--rm", "python:3.11-slim", "python3", "-V"));
 * assertThat(r.exitCode()).isZero();
 * Map<String, String> labels = Docker.imageLabels("dockenv/foo:abc");
 * }</pre>
 */
public final class Docker {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** The base image every test may rely on (scripts/ensure-base-image.sh provides it). */
    public static final String BASE_IMAGE = "python:3.11-slim";

    private static volatile Boolean available;

    private Docker() {}

    /** {@code $DOCKENV_DOCKER} if set and not blank, else {@code docker}. */
    public static String client() {
        String env = System.getenv("DOCKENV_DOCKER");
        return env == null || env.isBlank() ? "docker" : env.strip();
    }

    /** The client followed by {@code args}. */
    public static List<String> command(List<String> args) {
        List<String> cmd = new ArrayList<>(args.size() + 1);
        cmd.add(client());
        cmd.addAll(args);
        return cmd;
    }

    /** An {@link Exec} of the client with {@code args}, for setting env, stdin, directory or timeout. */
    public static Exec exec(List<String> args) {
        return Exec.of(command(args)).timeout(DEFAULT_TIMEOUT);
    }

    public static Exec exec(String... args) {
        return exec(List.of(args));
    }

    /** Runs {@code docker args...} with the default timeout (5 minutes). Never throws for a non-zero exit. */
    public static ProcessResult run(List<String> args) {
        return exec(args).run();
    }

    public static ProcessResult run(List<String> args, Duration timeout) {
        return exec(args).timeout(timeout).run();
    }

    public static ProcessResult run(String... args) {
        return run(List.of(args));
    }

    /** Runs and throws an AssertionError (with both streams) unless the exit code is 0. */
    public static ProcessResult runOk(List<String> args) {
        return run(args).assertOk();
    }

    public static ProcessResult runOk(String... args) {
        return runOk(List.of(args));
    }

    /** Whether the engine answers ({@code docker version} reports a server). Cached after the first yes. */
    public static boolean available() {
        if (Boolean.TRUE.equals(available)) {
            return true;
        }
        boolean up;
        try {
            ProcessResult r = run(List.of("version", "--format", "{{.Server.Version}}"), Duration.ofSeconds(30));
            up = r.ok() && !r.stdout().isBlank();
        } catch (RuntimeException e) {
            up = false; // no client at all
        }
        if (up) {
            available = true;
        }
        return up;
    }

    /**
     * Fails (not skips) the calling test when no engine answers: the project's test command
     * (scripts/test.sh) starts one, so a missing engine is a broken setup, not a reason to pass.
     */
    public static void requireEngine() {
        if (!available()) {
            throw new AssertionError("no Docker engine answers to `" + client() + " version`;"
                    + " run the tests with scripts/test.sh (it starts one), or start dockerd");
        }
    }

    /** The engine's version, e.g. {@code 20.10.24+dfsg1}. */
    public static String serverVersion() {
        return runOk("version", "--format", "{{.Server.Version}}").stdout().strip();
    }

    public static boolean imageExists(String ref) {
        return run(List.of("image", "inspect", "--format", "{{.Id}}", ref), Duration.ofSeconds(60)).ok();
    }

    /** The image's id ({@code sha256:...}); fails when there is no such image. */
    public static String imageId(String ref) {
        return runOk("image", "inspect", "--format", "{{.Id}}", ref).stdout().strip();
    }

    /** The image's labels (Config.Labels), empty when it has none; fails when there is no such image. */
    public static Map<String, String> imageLabels(String ref) {
        String json = runOk("image", "inspect", "--format", "{{json .Config.Labels}}", ref).stdout().strip();
        return parseStringMap(json);
    }

    /** One label of an image, or null. */
    public static String imageLabel(String ref, String label) {
        return imageLabels(ref).get(label);
    }

    /** {@code docker rmi -f} each ref, ignoring refs that don't exist; for test clean-up. */
    public static void removeImages(String... refs) {
        for (String ref : refs) {
            if (imageExists(ref)) {
                run(List.of("rmi", "-f", ref), Duration.ofSeconds(120));
            }
        }
    }

    /** {@code docker rm -f} each container, ignoring failures; for test clean-up. */
    public static void removeContainers(String... names) {
        for (String name : names) {
            run(List.of("rm", "-f", name), Duration.ofSeconds(60));
        }
    }

    /** A fresh lower-case name for images, tags or containers: {@code prefix-<12 hex>}. */
    public static String uniqueName(String prefix) {
        return prefix.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    // ---- a minimal JSON reader for {"k":"v",...}, null, or one "string" ------------------------

    /** The value of one JSON string literal (what a Go template's {@code json} makes of a string). */
    static String parseString(String json) {
        String s = json.strip();
        int[] pos = {0};
        String value = readString(s, pos);
        if (pos[0] != s.length()) {
            throw new IllegalArgumentException("text after the JSON string at " + pos[0] + ": " + json);
        }
        return value;
    }

    static Map<String, String> parseStringMap(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        String s = json.strip();
        if (s.isEmpty() || s.equals("null")) {
            return map;
        }
        int[] pos = {0};
        expect(s, pos, '{');
        skipWs(s, pos);
        if (peek(s, pos) == '}') {
            pos[0]++;
            return map;
        }
        while (true) {
            skipWs(s, pos);
            String key = readString(s, pos);
            skipWs(s, pos);
            expect(s, pos, ':');
            skipWs(s, pos);
            String value = readString(s, pos);
            map.put(key, value);
            skipWs(s, pos);
            char c = next(s, pos);
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw new IllegalArgumentException("bad JSON object at " + (pos[0] - 1) + ": " + json);
            }
        }
    }

    private static String readString(String s, int[] pos) {
        expect(s, pos, '"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next(s, pos);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = next(s, pos);
            switch (e) {
                case '"', '\\', '/' -> b.append(e);
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    if (pos[0] + 4 > s.length()) {
                        throw new IllegalArgumentException("bad \\u escape in " + s);
                    }
                    b.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
                    pos[0] += 4;
                }
                default -> throw new IllegalArgumentException("bad escape \\" + e + " in " + s);
            }
        }
    }

    private static void expect(String s, int[] pos, char c) {
        if (next(s, pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + (pos[0] - 1) + " in " + s);
        }
    }

    private static char next(String s, int[] pos) {
        if (pos[0] >= s.length()) {
            throw new IllegalArgumentException("unexpected end of JSON: " + s);
        }
        return s.charAt(pos[0]++);
    }

    private static char peek(String s, int[] pos) {
        return pos[0] < s.length() ? s.charAt(pos[0]) : '\0';
    }

    private static void skipWs(String s, int[] pos) {
        while (pos[0] < s.length() && Character.isWhitespace(s.charAt(pos[0]))) {
            pos[0]++;
        }
    }
}
