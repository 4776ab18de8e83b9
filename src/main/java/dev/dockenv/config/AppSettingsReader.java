package dev.dockenv.config;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tomlj.TomlTable;

/**
 * Reads {@code apps} of dockenv's settings: each {@code [tool.dockenv.apps.NAME]} checked at its
 * line (its name, which becomes a compose service, Dockerfile stages and image tags; its keys;
 * its folder, which no other app may share or contain; the services it depends on), in the order
 * written.
 */
final class AppSettingsReader {
    /**
     * Names the generated Dockerfile's stages, the stack and the image tags give their own parts:
     * an app named so would collide with them.
     */
    static final Set<String> RESERVED = Set.of("app", "system", "base", "dev", "prod", "wheel", "deps");
    private static final Pattern FOLDER = Pattern.compile("[A-Za-z0-9_.@%+-]+(/[A-Za-z0-9_.@%+-]+)*");

    private enum AppKey {
        PATH("path", "the app's folder, relative to the project, such as \"services/api\""),
        REQUIREMENTS("requirements", "an array of requirements sets (a NAME of requirements_NAME.txt or "
                + "requirements/NAME.txt, or a file) the app's environment adds to the shared base"),
        DEV_REQUIREMENTS("dev-requirements", "an array of requirements sets the app's dev environment adds"),
        COMMAND("command", "the app's command: an array of strings or one string"),
        PORTS("ports", "an array of ports: 8000, \"8080:8000\" or \"0.0.0.0:8000:8000\""),
        DEPENDS_ON("depends-on", "an array of the services the app needs started (all of them when not written)"),
        RELEASE(ReleaseSettingReader.KEY, ReleaseSettingReader.EXPECTED),
        DEPLOY(DeploySettingReader.KEY, DeploySettingReader.EXPECTED);

        final String key;
        final String expected;

        AppKey(String key, String expected) {
            this.key = key;
            this.expected = expected;
        }
    }

    private AppSettingsReader() {
    }

    static List<AppSetting> read(TomlDocument doc, List<String> prefix, StackSettings stack) {
        List<String> appsPath = path(prefix, ConfigKey.APPS.key());
        if (!doc.contains(appsPath)) {
            return List.of();
        }
        TomlTable table = doc.table(appsPath).orElseThrow(() -> doc.wrongType(appsPath, ConfigKey.APPS.expected()));
        List<String> services = stack.services().stream().map(ServiceSetting::name).toList();
        List<AppSetting> apps = new ArrayList<>();
        for (String name : StackSettingsReader.inWrittenOrder(doc, appsPath, table)) {
            apps.add(app(doc, path(appsPath, name), services));
        }
        checkDistinct(apps, stack);
        return List.copyOf(apps);
    }

    private static AppSetting app(TomlDocument doc, List<String> at, List<String> services) {
        String name = at.get(at.size() - 1);
        SourceLocation where = doc.locationOf(at);
        if (!StackSettingsReader.SERVICE_NAME.matcher(name).matches()) {
            throw new InputException(where, TomlDocument.key(at) + ": '" + ImageReference.printable(name)
                    + "' is not an app name", "use lower-case letters, digits, '-' and '_' (a letter or digit first, "
                    + "at most 63 characters): the name is the app's service in the stack and part of its image tags");
        }
        if (RESERVED.contains(name)) {
            throw new InputException(where, TomlDocument.key(at) + ": '" + name + "' is a name dockenv gives a part "
                    + "of every project (" + String.join(", ", RESERVED.stream().sorted().toList()) + ")",
                    "give the app another name, such as \"api\" or \"worker\"");
        }
        TomlTable table = doc.table(at).orElseThrow(() -> doc.wrongType(at, "a table with path, requirements, "
                + "dev-requirements, command, ports, depends-on and release"));
        List<String> keys = java.util.Arrays.stream(AppKey.values()).map(k -> k.key).toList();
        StackSettingsReader.refuseUnknownKeys(doc, at, table, keys, "an app");
        List<String> pathKey = path(at, AppKey.PATH.key);
        String folder = name;
        SourceLocation folderAt = where;
        if (doc.contains(pathKey)) {
            folder = folder(doc, pathKey);
            folderAt = doc.locationOf(pathKey);
        }
        Optional<List<NameReference>> dependsOn = Optional.empty();
        List<String> dependsKey = path(at, AppKey.DEPENDS_ON.key);
        if (doc.contains(dependsKey)) {
            List<NameReference> refs = StackSettingsReader.references(doc, dependsKey, AppKey.DEPENDS_ON.expected);
            refs.forEach(r -> StackSettingsReader.checkReference(r, services, TomlDocument.key(dependsKey)));
            dependsOn = Optional.of(refs);
        }
        return new AppSetting(name, where, folder, folderAt,
                ConfigReader.choices(doc, path(at, AppKey.REQUIREMENTS.key), ConfigKey.REQUIREMENTS),
                ConfigReader.choices(doc, path(at, AppKey.DEV_REQUIREMENTS.key), ConfigKey.DEV_REQUIREMENTS),
                ConfigReader.command(doc, path(at, AppKey.COMMAND.key), AppKey.COMMAND.expected),
                ConfigReader.ports(doc, path(at, AppKey.PORTS.key), AppKey.PORTS.expected),
                dependsOn,
                ReleaseSettingReader.read(doc, at),
                DeploySettingReader.read(doc, at));
    }

    /** The app's folder as written, normalized to "a/b": inside the project, never the project itself. */
    private static String folder(TomlDocument doc, List<String> key) {
        String written = doc.string(key, AppKey.PATH.expected).orElseThrow();
        String folder = written.replace('\\', '/');
        while (folder.startsWith("./")) {
            folder = folder.substring(2);
        }
        while (folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        boolean escapes = List.of(folder.split("/")).stream().anyMatch(p -> p.equals("..") || p.equals("."));
        if (folder.isEmpty() || written.startsWith("/") || escapes || !FOLDER.matcher(folder).matches()) {
            throw new InputException(doc.locationOf(key), TomlDocument.key(key) + ": '"
                    + ImageReference.printable(written) + "' is not a folder inside the project",
                    "write the app's folder relative to the project, such as \"services/api\" (letters, digits and "
                            + "_.@%+- in its names; not the project itself, no '..')");
        }
        return folder;
    }

    /**
     * Two apps must not be one: not one name for an app and a service (both are services in the
     * stack), not one folder, not a folder inside another app's (which app a folder belongs to
     * decides the default app there).
     */
    private static void checkDistinct(List<AppSetting> apps, StackSettings stack) {
        for (AppSetting app : apps) {
            stack.services().stream().filter(s -> s.name().equals(app.name())).findFirst().ifPresent(s -> {
                throw new InputException(app.location(), "app '" + app.name() + "' has the name of a service ("
                        + s.location() + "): both are services of the stack", "rename the app or the service");
            });
        }
        Map<String, AppSetting> byVariable = new HashMap<>();
        for (AppSetting app : apps) {
            AppSetting other = byVariable.putIfAbsent(ServiceSetting.variableName(app.name()), app);
            if (other != null) {
                throw new InputException(app.location(), "app '" + app.name() + "' and app '" + other.name() + "' ("
                        + other.location() + ") are one name written two ways", "rename one of them");
            }
        }
        for (int i = 0; i < apps.size(); i++) {
            for (int j = 0; j < i; j++) {
                AppSetting a = apps.get(i);
                AppSetting b = apps.get(j);
                if (a.path().equals(b.path()) || a.path().startsWith(b.path() + "/")
                        || b.path().startsWith(a.path() + "/")) {
                    throw new InputException(a.pathLocation(), "app '" + a.name() + "' (folder " + a.path()
                            + ") and app '" + b.name() + "' (folder " + b.path() + ", " + b.pathLocation()
                            + ") share " + (a.path().equals(b.path()) ? "a folder" : "folders: one is inside the other"),
                            "give each app a folder of its own, side by side");
                }
            }
        }
    }

    private static List<String> path(List<String> prefix, String key) {
        List<String> p = new ArrayList<>(prefix);
        p.add(key);
        return List.copyOf(p);
    }
}
