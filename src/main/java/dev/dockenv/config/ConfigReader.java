package dev.dockenv.config;

import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * Reads dockenv's settings from a TOML table: {@code [tool.dockenv]} of pyproject.toml, or the
 * top level of dockenv.toml. Unknown keys and wrong types are errors at the key's line.
 */
public final class ConfigReader {

    /** A word BuildKit's Dockerfile frontend reads as a heredoc (as dockerfile.Instruction.Run refuses). */
    private static final java.util.regex.Pattern HEREDOC = java.util.regex.Pattern.compile("(?:^|\\s)\\d*<<-?[^\\s<]");

    private ConfigReader() {
    }

    /** Reads the table at {@code prefix} (empty for the document root); empty config when absent. */
    public static DockenvConfig read(TomlDocument doc, List<String> prefix) {
        Optional<TomlTable> table = prefix.isEmpty() ? Optional.of(doc.root()) : doc.table(prefix);
        if (table.isEmpty()) {
            if (!prefix.isEmpty() && doc.contains(prefix)) {
                throw doc.wrongType(prefix, "a table");
            }
            return DockenvConfig.empty();
        }
        for (String key : table.get().keySet()) {
            if (ConfigKey.byKey(key).isEmpty()) {
                // a sub-table ([tool.dockenv.sub], [sub] in dockenv.toml) is refused alike, named as a table
                boolean isTable = table.get().get(List.of(key)) instanceof TomlTable;
                throw new InputException(doc.locationOf(path(prefix, key)), "unknown " + (isTable ? "table '[" : "key '")
                        + TomlDocument.key(path(prefix, key)) + (isTable ? "]'" : "'"), suggestion(key));
            }
        }
        StackSettings stack = StackSettingsReader.read(doc, prefix);
        return new DockenvConfig(
                Optional.of(doc.file()),
                doc.string(path(prefix, ConfigKey.PYTHON), ConfigKey.PYTHON.expected()),
                Optional.of(doc.locationOf(path(prefix, ConfigKey.PYTHON))).filter(l -> doc.contains(path(prefix,
                        ConfigKey.PYTHON))),
                baseImage(doc, path(prefix, ConfigKey.BASE_IMAGE)),
                aptPackages(doc, path(prefix, ConfigKey.APT)),
                buildCommands(doc, path(prefix, ConfigKey.BUILD)),
                ports(doc, path(prefix, ConfigKey.PORTS), ConfigKey.PORTS.expected()),
                environment(doc, path(prefix, ConfigKey.ENV), ConfigKey.ENV.expected()),
                command(doc, path(prefix, ConfigKey.COMMAND), ConfigKey.COMMAND.expected()),
                indexUrl(doc, path(prefix, ConfigKey.INDEX_URL)),
                extraIndexUrls(doc, path(prefix, ConfigKey.EXTRA_INDEX_URLS)),
                trustedHosts(doc, path(prefix, ConfigKey.TRUSTED_HOSTS)),
                doc.strings(path(prefix, ConfigKey.EXTRAS), ConfigKey.EXTRAS.expected(), false),
                choices(doc, path(prefix, ConfigKey.REQUIREMENTS), ConfigKey.REQUIREMENTS),
                choices(doc, path(prefix, ConfigKey.DEV_REQUIREMENTS), ConfigKey.DEV_REQUIREMENTS),
                buildInputs(doc, path(prefix, ConfigKey.BUILD_INPUTS)),
                stack,
                AppSettingsReader.read(doc, prefix, stack),
                ReleaseSettingReader.read(doc, prefix),
                DeploySettingReader.read(doc, prefix));
    }

    /** An image reference: one FROM value, never a second instruction. */
    private static Optional<String> baseImage(TomlDocument doc, List<String> keyPath) {
        Optional<String> image = doc.string(keyPath, ConfigKey.BASE_IMAGE.expected());
        image.ifPresent(ref -> ImageReference.problem(ref).ifPresent(problem -> {
            throw new InputException(doc.locationOf(keyPath), TomlDocument.key(keyPath) + ": '"
                    + ImageReference.printable(ref) + "' is not a Docker image reference: " + problem,
                    "write an image reference such as \"python:3.11-slim\" or "
                    + "\"registry.example.org:5000/team/python:3.11\" (repository path in lower case, no spaces)");
        }));
        return image;
    }

    private static Optional<String> indexUrl(TomlDocument doc, List<String> keyPath) {
        Optional<String> url = doc.string(keyPath, ConfigKey.INDEX_URL.expected());
        url.ifPresent(u -> checkIndexUrl(doc, keyPath, doc.locationOf(keyPath), u));
        return url;
    }

    private static List<String> extraIndexUrls(TomlDocument doc, List<String> keyPath) {
        List<String> urls = doc.strings(keyPath, ConfigKey.EXTRA_INDEX_URLS.expected(), true);
        for (int i = 0; i < urls.size(); i++) {
            checkIndexUrl(doc, keyPath, doc.isArray(keyPath) ? doc.locationOf(keyPath, i) : doc.locationOf(keyPath),
                    urls.get(i));
        }
        return urls;
    }

    private static void checkIndexUrl(TomlDocument doc, List<String> keyPath, SourceLocation at, String url) {
        indexUrlProblem(url).ifPresent(problem -> {
            throw new InputException(at, TomlDocument.key(keyPath) + ": '" + ImageReference.printable(url)
                    + "' is not a package index URL: " + problem,
                    "write an http(s) URL such as \"https://pypi.org/simple\"");
        });
    }

    /** Why a package index URL is unusable: pip takes http(s) URLs with a host, on one line without spaces. */
    static Optional<String> indexUrlProblem(String url) {
        if (url.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (url.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            return Optional.of("it holds a line break");
        }
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            return Optional.of("it holds whitespace");
        }
        if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("it holds a control character");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("it is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("it is not an http:// or https:// URL");
        }
        if (uri.getRawAuthority() == null || uri.getHost() == null) {
            return Optional.of("it names no host");
        }
        return Optional.empty();
    }

    /** Requirements set names with their places (which sets exist is for the scan to say). */
    static Optional<List<DockenvConfig.RequirementsChoice>> choices(TomlDocument doc, List<String> keyPath,
            ConfigKey key) {
        if (!doc.contains(keyPath)) {
            return Optional.empty();
        }
        List<String> names = doc.strings(keyPath, key.expected(), false);
        List<DockenvConfig.RequirementsChoice> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).isBlank()) {
                throw new InputException(doc.locationOf(keyPath, i), TomlDocument.key(keyPath)
                        + ": an empty requirements set name");
            }
            out.add(new DockenvConfig.RequirementsChoice(names.get(i), doc.locationOf(keyPath, i)));
        }
        return Optional.of(out);
    }

    static List<String> ports(TomlDocument doc, List<String> keyPath, String expected) {
        Object value = doc.root().get(keyPath);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof org.tomlj.TomlArray array)) {
            throw doc.wrongType(keyPath, expected);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Object item = array.get(i);
            String spec = item instanceof Long n ? Long.toString(n) : item instanceof String s ? s : null;
            if (spec != null && PortMapping.parse(spec).isPresent()) {
                out.add(spec);
            } else if (spec != null) {
                throw new InputException(doc.locationOf(keyPath, i), TomlDocument.key(keyPath) + ": '"
                        + ImageReference.printable(spec) + "' is not a port"
                        + PortMapping.problem(spec).map(p -> ": " + p).orElse(""), "write 8000, \"8080:8000\" or \"0.0.0.0:8000:8000\"");
            } else {
                throw new InputException(doc.locationOf(keyPath, i),
                        TomlDocument.key(keyPath) + ": expected " + expected);
            }
        }
        return out;
    }

    /** Build commands: one shell command line each (a Dockerfile RUN line). */
    private static List<String> buildCommands(TomlDocument doc, List<String> keyPath) {
        List<String> commands = doc.strings(keyPath, ConfigKey.BUILD.expected(), true);
        for (int i = 0; i < commands.size(); i++) {
            if (commands.get(i).contains("\n") || commands.get(i).contains("\r") || commands.get(i).isBlank()) {
                throw new InputException(doc.isArray(keyPath) ? doc.locationOf(keyPath, i) : doc.locationOf(keyPath),
                        TomlDocument.key(keyPath) + ": each build command is one line",
                        "give several commands as several array items");
            }
            SourceLocation at = doc.isArray(keyPath) ? doc.locationOf(keyPath, i) : doc.locationOf(keyPath);
            if (commands.get(i).matches("(?s).*(?<!\\\\)(\\\\\\\\)*\\\\")) {
                throw new InputException(at, TomlDocument.key(keyPath) + ": a build command cannot end with a backslash "
                        + "(it would continue onto the next line of the Dockerfile)", "remove the final backslash");
            }
            if (HEREDOC.matcher(commands.get(i)).find()) {
                throw new InputException(at, TomlDocument.key(keyPath) + ": a build command cannot hold a heredoc (<<WORD):"
                        + " BuildKit would read the Dockerfile's next lines into it",
                        "put the text in a file of the project, or use printf or a here-string (<<<)");
            }
        }
        return commands;
    }

    /** The characters a build input may hold: what a RUN --mount flag can carry, and glob patterns. */
    private static final java.util.regex.Pattern BUILD_INPUT = java.util.regex.Pattern.compile("[A-Za-z0-9_.@%+:/*?\\[\\]^!-]+");

    /**
     * Build inputs: project-relative paths or glob patterns, inside the project. Whether they exist
     * (and are not excluded from the build context) is for the scan to say.
     */
    private static List<DockenvConfig.BuildInput> buildInputs(TomlDocument doc, List<String> keyPath) {
        List<String> entries = doc.strings(keyPath, ConfigKey.BUILD_INPUTS.expected(), false);
        List<DockenvConfig.BuildInput> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            SourceLocation at = doc.locationOf(keyPath, i);
            String entry = entries.get(i);
            String shown = TomlDocument.key(keyPath) + ": '" + ImageReference.printable(entry) + "' ";
            buildInputProblem(entry).ifPresent(problem -> {
                throw new InputException(at, shown + problem.message(), problem.hint());
            });
            String clean = entry;
            while (clean.startsWith("./")) {
                clean = clean.substring(2);
            }
            clean = clean.replaceAll("/+", "/").replaceAll("/$", "");
            out.add(new DockenvConfig.BuildInput(clean, at));
        }
        return out;
    }

    /** What is wrong with a build input as written, if anything. */
    record Problem(String message, String hint) {
    }

    static Optional<Problem> buildInputProblem(String entry) {
        String relative = "give a path relative to the project folder, such as \"native/greet.c\" or \"data/*.csv\"";
        if (entry.isBlank()) {
            return Optional.of(new Problem("is empty", relative));
        }
        if (entry.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of(new Problem("holds a line break or control character", relative));
        }
        if (entry.startsWith("/") || entry.startsWith("~") || entry.matches("(?s)[A-Za-z]:.*")) {
            return Optional.of(new Problem("is an absolute path: build inputs are files of the project", relative));
        }
        if (entry.contains("\\")) {
            return Optional.of(new Problem("holds a backslash", "separate folders with '/', as in \"native/greet.c\""));
        }
        String clean = entry.replaceAll("^(\\./)+", "");
        if (java.util.Arrays.asList(clean.split("/")).contains("..")) {
            return Optional.of(new Problem("leaves the project folder ('..'): build steps see only the project's own files",
                    relative));
        }
        if (clean.isEmpty() || clean.matches("\\.?/*") || clean.matches("[*/]+")) {
            return Optional.of(new Problem("is the whole project: every edit of any file would rebuild the environment",
                    "name the files or folders the build steps read, such as \"native\" or \"scripts/setup.sh\""));
        }
        if (clean.startsWith("!")) {
            return Optional.of(new Problem("is an exception pattern ('!'), which build-inputs does not take",
                    "list what the build steps read; .dockerignore excludes files from every build"));
        }
        if (!BUILD_INPUT.matcher(clean).matches()) {
            return Optional.of(new Problem("holds a character a build step's mount cannot carry (a space, comma, quote, "
                    + "'=' or '$')", "rename the file, or name a folder that holds it"));
        }
        return Optional.empty();
    }

    /** Hosts pip may reach without valid HTTPS: HOST or HOST:PORT, as pip's --trusted-host takes them. */
    private static List<String> trustedHosts(TomlDocument doc, List<String> keyPath) {
        List<String> hosts = doc.strings(keyPath, ConfigKey.TRUSTED_HOSTS.expected(), true);
        for (int i = 0; i < hosts.size(); i++) {
            if (!hosts.get(i).matches("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?")) {
                throw new InputException(doc.isArray(keyPath) ? doc.locationOf(keyPath, i) : doc.locationOf(keyPath),
                        TomlDocument.key(keyPath) + ": '" + ImageReference.printable(hosts.get(i))
                        + "' is not a host", "write a host name or address, optionally with :PORT, e.g. \"pypi.example.org\"");
            }
        }
        return hosts;
    }

    /** Debian package names, optionally with =version or /release, as apt-get install takes them. */
    private static List<String> aptPackages(TomlDocument doc, List<String> keyPath) {
        List<String> names = doc.strings(keyPath, ConfigKey.APT.expected(), false);
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).matches("[a-z0-9][a-z0-9+.-]+(:[a-z0-9-]+)?([=/][A-Za-z0-9.+~:_-]+)?")) {
                throw new InputException(doc.locationOf(keyPath, i), TomlDocument.key(keyPath) + ": '"
                        + names.get(i) + "' is not a Debian package name");
            }
        }
        return names;
    }

    static Map<String, String> environment(TomlDocument doc, List<String> keyPath, String expected) {
        Object value = doc.root().get(keyPath);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof TomlTable table)) {
            throw doc.wrongType(keyPath, expected);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : table.keySet().stream().sorted(Comparator.naturalOrder()).toList()) {
            Object v = table.get(List.of(name));
            List<String> at = path(keyPath, name);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InputException(doc.locationOf(at), "'" + name + "' is not a valid environment variable name");
            }
            if (v instanceof String s) {
                if (s.chars().anyMatch(c -> c < 0x20 && c != '\t')) {
                    throw new InputException(doc.locationOf(at), TomlDocument.key(at)
                            + ": a line break or control character cannot be in an environment variable here");
                }
                env.put(name, s);
            } else if (v instanceof Long || v instanceof Boolean || v instanceof Double) {
                env.put(name, String.valueOf(v));
            } else {
                throw doc.wrongType(at, "a string");
            }
        }
        return env;
    }

    static List<String> command(TomlDocument doc, List<String> keyPath, String expected) {
        Object value = doc.root().get(keyPath);
        if (value instanceof String s) {
            List<String> argv;
            try {
                argv = ShellWords.split(s);
            } catch (IllegalArgumentException e) {
                throw new InputException(doc.locationOf(keyPath), TomlDocument.key(keyPath) + ": " + e.getMessage());
            }
            if (argv.isEmpty()) {
                throw new InputException(doc.locationOf(keyPath), TomlDocument.key(keyPath) + ": the command is empty",
                        "write the command, e.g. \"python -m app\" or [\"python\", \"-m\", \"app\"], or leave the key out");
            }
            return argv;
        }
        List<String> argv = doc.strings(keyPath, expected, false);
        if (value != null && argv.isEmpty()) {
            throw new InputException(doc.locationOf(keyPath), TomlDocument.key(keyPath) + ": the command is empty",
                    "write the command, e.g. \"python -m app\" or [\"python\", \"-m\", \"app\"], or leave the key out");
        }
        if (value != null && argv.get(0).isBlank()) {
            throw new InputException(doc.locationOf(keyPath, 0), TomlDocument.key(keyPath)
                    + ": the program to run is an empty string", "name the program first, e.g. [\"python\", \"-m\", \"app\"]");
        }
        return argv;
    }

    private static String suggestion(String unknown) {
        List<String> keys = java.util.Arrays.stream(ConfigKey.values()).map(ConfigKey::key).toList();
        return DidYouMean.hint(unknown, keys) + "known keys: " + String.join(", ", keys);
    }

    private static List<String> path(List<String> prefix, ConfigKey key) {
        return path(prefix, key.key());
    }

    private static List<String> path(List<String> prefix, String key) {
        List<String> p = new ArrayList<>(prefix);
        p.add(key);
        return List.copyOf(p);
    }
}
