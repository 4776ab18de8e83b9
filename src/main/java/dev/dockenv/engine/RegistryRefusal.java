package dev.dockenv.engine;

import java.util.List;
import java.util.Locale;

/**
 * Why a registry refused a push or a pull, read from what the docker client printed. dockenv never
 * sees the credentials: the client resolves them (config.json {@code auths}, {@code credsStore},
 * {@code credHelpers}) and says only what the registry answered. Each kind has its own words and
 * hint; {@link RegistryRefusedException} reports them.
 */
public sealed interface RegistryRefusal {

    /** The registry concerned (host[:port], {@code docker.io} for Docker Hub). */
    String registry();

    /** What the client printed that shows the cause (one line). */
    String detail();

    /** What went wrong, naming the registry, for the error line (after "cannot push REFERENCE: "). */
    String reason();

    /** What the user can do about it. */
    String hint(ImageReference reference);

    /** docker has no credentials for the registry ("no basic auth credentials"). */
    record NotLoggedIn(String registry, String detail) implements RegistryRefusal {
        @Override
        public String reason() {
            return "not logged in to " + registry + " (docker has no credentials for it)";
        }

        @Override
        public String hint(ImageReference reference) {
            return "run `" + reference.loginCommand() + "`; dockenv pushes with docker's own login";
        }
    }

    /** The registry rejected the credentials docker sent ("unauthorized: authentication required"). */
    record Unauthorized(String registry, String detail) implements RegistryRefusal {
        @Override
        public String reason() {
            return registry + " rejected the credentials docker has for it (" + detail + ")";
        }

        @Override
        public String hint(ImageReference reference) {
            return "the password or token may have changed or expired: run `" + reference.loginCommand()
                    + "` again";
        }
    }

    /** The credentials were accepted but do not allow this repository ("denied: requested access to the resource is denied"). */
    record AccessDenied(String registry, String detail) implements RegistryRefusal {
        @Override
        public String reason() {
            return registry + " denied access (" + detail + ")";
        }

        @Override
        public String hint(ImageReference reference) {
            return "the account docker is logged in with may not write to " + reference.repository()
                    + ": check the repository's name and your permissions on it, or log in as another user with `"
                    + reference.loginCommand() + "`";
        }
    }

    /** The registry's host cannot be reached: unknown name, nothing listening, TLS or proxy trouble. */
    record Unreachable(String registry, String detail) implements RegistryRefusal {
        @Override
        public String reason() {
            return registry + " cannot be reached (" + detail + ")";
        }

        @Override
        public String hint(ImageReference reference) {
            String d = detail.toLowerCase(Locale.ROOT);
            if (d.contains("http response to https client")) {
                return "the registry speaks plain HTTP: the engine uses HTTP only for registries on 127.0.0.0/8 or "
                        + "those listed in its insecure-registries setting (daemon.json)";
            }
            if (d.contains("x509") || d.contains("certificate")) {
                return "the engine does not trust the registry's certificate: install its CA certificate under "
                        + "/etc/docker/certs.d/" + registry + "/ca.crt";
            }
            return "check the registry's name (" + registry + ") in " + reference.repository()
                    + " and that it runs and is reachable from the engine";
        }
    }

    /** The credential helper docker's configuration names failed ({@code credsStore}, {@code credHelpers}). */
    record CredentialHelperFailed(String registry, String detail) implements RegistryRefusal {
        @Override
        public String reason() {
            return "docker could not get the credentials for " + registry + " from its credential helper ("
                    + detail + ")";
        }

        @Override
        public String hint(ImageReference reference) {
            return "install the helper that credsStore or credHelpers in ~/.docker/config.json names, or remove "
                    + "that entry and run `" + reference.loginCommand() + "`";
        }
    }

    /** The registry has no such repository or tag (a pull of something never pushed). */
    record NotFound(String registry, String detail) implements RegistryRefusal {
        @Override
        public String reason() {
            return registry + " has no such image (" + detail + ")";
        }

        @Override
        public String hint(ImageReference reference) {
            return "check the repository and tag (" + reference + "), or push it first";
        }
    }

    /** Anything else: the client's last words, and its output for the hint. */
    record Other(String registry, String detail, String output) implements RegistryRefusal {
        /** How many of the client's last lines the hint shows. */
        private static final int HINT_LINES = 10;

        @Override
        public String reason() {
            return "docker failed with " + registry + " (" + detail + ")";
        }

        @Override
        public String hint(ImageReference reference) {
            List<String> lines = output.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - HINT_LINES), lines.size());
            return "the docker client printed:\n" + String.join("\n", tail).indent(4).stripTrailing();
        }
    }

    /**
     * The refusal {@code output} (the client's stdout and stderr) describes, for {@code reference};
     * {@link Other} when no known words are there.
     */
    static RegistryRefusal classify(ImageReference reference, String output) {
        String registry = reference.registryHost();
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.contains("error getting credentials") || l.contains("docker-credential-")
                    || l.contains("credentials store") && l.contains("error")) {
                return new CredentialHelperFailed(registry, line);
            }
        }
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.contains("no basic auth credentials")) {
                return new NotLoggedIn(registry, line);
            }
        }
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("denied:") || l.contains(": denied:") || l.contains("requested access to the resource is denied")
                    || l.contains("insufficient_scope") || l.contains("403 forbidden") || l.contains("permission_denied")) {
                return new AccessDenied(registry, line);
            }
        }
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.startsWith("unauthorized") || l.contains(": unauthorized") || l.contains("401 unauthorized")
                    || l.contains("authentication required") || l.contains("incorrect username or password")) {
                return new Unauthorized(registry, line);
            }
        }
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.contains("no such host") || l.contains("connection refused") || l.contains("i/o timeout")
                    || l.contains("dial tcp") || l.contains("network is unreachable") || l.contains("no route to host")
                    || l.contains("http response to https client") || l.contains("x509:")
                    || l.contains("tls: ") || l.contains("certificate signed by unknown authority")
                    || l.contains("connection reset by peer") || l.contains("proxyconnect")
                    || l.contains("server misbehaving") || l.contains("temporary failure in name resolution")) {
                return new Unreachable(registry, line);
            }
        }
        for (String line : lines) {
            String l = line.toLowerCase(Locale.ROOT);
            if (l.contains("manifest unknown") || l.contains("name unknown") || l.contains("repository does not exist")
                    || l.matches(".*manifest for \\S+ not found.*") || l.contains("not found: manifest")) {
                return new NotFound(registry, line);
            }
        }
        String last = lines.stream().filter(l -> !isProgress(l)).reduce((a, b) -> b).orElse("the client printed nothing");
        return new Other(registry, last, output);
    }

    /** A progress line of push or pull ("fc289e8eec1f: Preparing", "The push refers to ..."). */
    static boolean isProgress(String line) {
        return line.matches("[0-9a-f]{12}: .*") || line.startsWith("The push refers to repository")
                || line.startsWith("Using default tag");
    }
}
