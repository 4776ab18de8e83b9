package dev.dockenv.project;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.ProjectFileCheck;
import dev.dockenv.io.Utf8File;
import dev.dockenv.project.StartFiles.DjangoSite;
import dev.dockenv.project.StartFiles.Framework;
import dev.dockenv.project.StartFiles.ProcfileWeb;
import dev.dockenv.project.StartFiles.WebModule;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what tells how a folder of the project starts ({@link StartFiles}), as deploy platforms
 * look for it: the Procfile (Heroku's format: {@code TYPE: command} lines, {@code #} comments; a
 * malformed line is an error at its line and column), Django's {@code manage.py} and the settings
 * module it names, and the Python modules that create a Flask or FastAPI app at import. Python
 * sources are matched by pattern, never run; a source that is not a plain regular file, is larger
 * than {@link #MAX_SOURCE_BYTES} or is not UTF-8 is passed over (it is a guess, not a project file
 * dockenv must read).
 */
public final class StartFilesScanner {
    public static final String PROCFILE = "Procfile";
    public static final String MANAGE_PY = "manage.py";
    static final long MAX_SOURCE_BYTES = 1024 * 1024;
    /** The modules a web app is looked for in, first in the folder, then in each package of it. */
    static final List<String> TOP_MODULES = List.of("app.py", "main.py", "wsgi.py", "asgi.py", "application.py",
            "server.py", "api.py");
    static final List<String> PACKAGE_MODULES = List.of("__init__.py", "app.py", "main.py", "wsgi.py", "asgi.py",
            "api.py", "server.py");
    private static final int MAX_PACKAGES = 64;

    private static final Pattern PROCFILE_LINE = Pattern.compile("([A-Za-z0-9_-]+):[ \\t]*(.*)");
    private static final Pattern RUNSERVER = Pattern.compile("(^|[\\s/;&|])(manage\\.py|django-admin)\\s+runserver\\b");
    private static final Pattern SETTINGS_DEFAULT = Pattern.compile(
            "DJANGO_SETTINGS_MODULE['\"]\\s*,\\s*['\"]([^'\"\\n]+)['\"]");
    private static final Pattern STAR_IMPORT = Pattern.compile("(?m)^from\\s+(\\.?[A-Za-z_][A-Za-z0-9_.]*|\\.)\\s+import\\s+\\*");
    private static final Pattern FLASK_IMPORT = Pattern.compile("(?m)^\\s*(from\\s+flask\\s+import\\b|import\\s+flask\\b)");
    private static final Pattern FASTAPI_IMPORT = Pattern.compile(
            "(?m)^\\s*(from\\s+fastapi\\s+import\\b|import\\s+fastapi\\b)");
    private static final Pattern FLASK_APP = Pattern.compile(
            "(?m)^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=\\n]+)?=\\s*(?:flask\\.)?Flask\\s*\\(");
    private static final Pattern FLASK_FACTORY = Pattern.compile("(?m)^def\\s+(create_app|make_app)\\s*\\(");
    private static final Pattern FASTAPI_APP = Pattern.compile(
            "(?m)^([A-Za-z_][A-Za-z0-9_]*)\\s*(?::[^=\\n]+)?=\\s*(?:fastapi\\.)?FastAPI\\s*\\(");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private StartFilesScanner() {
    }

    /**
     * @param folder '/'-separated relative to {@code root}, "" for the root itself
     * @param environment the configured environment ({@code DJANGO_SETTINGS_MODULE} there wins over manage.py's)
     */
    public static StartFiles scan(Path root, String folder, Map<String, String> environment) {
        return scan(root, folder, environment, List.of());
    }

    /** @param apps the apps' folders, whose modules are theirs, not the folder's (the root's) */
    public static StartFiles scan(Path root, String folder, Map<String, String> environment, List<String> apps) {
        Path dir = folder.isEmpty() ? root : root.resolve(folder);
        List<String> scripts = StartFiles.SCRIPTS.stream().filter(s -> plainFile(dir.resolve(s))).toList();
        List<WebModule> modules = webModules(dir).stream()
                .filter(m -> apps.stream().noneMatch(a -> m.file().startsWith(a + "/"))).toList();
        return new StartFiles(folder, procfileWeb(root, dir.resolve(PROCFILE)), django(dir, environment), modules,
                scripts);
    }

    /** The Procfile's web process; every line is checked, as the platforms read them all. */
    static Optional<ProcfileWeb> procfileWeb(Path root, Path procfile) {
        if (!ProjectFileCheck.present(procfile)) {
            return Optional.empty();
        }
        ProjectFileCheck.checkInProject(root, procfile);
        String shown = root.relativize(procfile).toString().replace('\\', '/');
        String[] lines = Utf8File.readText(procfile).split("\n", -1);
        Map<String, Integer> seen = new HashMap<>();
        Optional<ProcfileWeb> web = Optional.empty();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int lineNo = i + 1;
            int indent = line.indexOf(stripped.charAt(0));
            Matcher m = PROCFILE_LINE.matcher(stripped);
            if (!m.matches()) {
                int colon = stripped.indexOf(':');
                throw new InputException(SourceLocation.of(procfile, lineNo, indent + 1), colon < 0
                        ? "not a process line: a Procfile line is 'TYPE: command'"
                        : "'" + printable(stripped.substring(0, colon)) + "' is not a process type (letters, digits, "
                                + "'_' and '-')", "write it as web: gunicorn --bind 0.0.0.0:$PORT app:app");
            }
            String type = m.group(1);
            String command = m.group(2).strip();
            int commandColumn = indent + m.start(2) + 1;
            if (seen.containsKey(type)) {
                throw new InputException(SourceLocation.of(procfile, lineNo, indent + 1), "the process type '" + type
                        + "' is declared twice (first on line " + seen.get(type) + ")", "keep one line per process type");
            }
            seen.put(type, lineNo);
            if (command.isEmpty()) {
                throw new InputException(SourceLocation.of(procfile, lineNo, commandColumn), "the process type '"
                        + type + "' has no command", "write the command after the colon");
            }
            for (int c = 0; c < command.length(); c++) {
                char ch = command.charAt(c);
                if (ch < 0x20 && ch != '\t' || ch == 0x7f) {
                    throw new InputException(SourceLocation.of(procfile, lineNo, commandColumn + c),
                            "the command of '" + type + "' holds a control character (U+" + String.format("%04X", (int) ch)
                                    + ")", "a Procfile command is plain text on one line");
                }
            }
            if (type.equals("web")) {
                Matcher runserver = RUNSERVER.matcher(command);
                if (runserver.find()) {
                    throw new InputException(SourceLocation.of(procfile, lineNo, commandColumn + runserver.start(2)),
                            "the web process runs Django's development server (runserver), which is not for production",
                            "serve the site with gunicorn (web: gunicorn --bind 0.0.0.0:$PORT SITE.wsgi) or uvicorn; "
                                    + "a command set in the dockenv settings is used as written");
                }
                web = Optional.of(new ProcfileWeb(command, shown, SourceLocation.of(procfile, lineNo, commandColumn)));
            }
        }
        return web;
    }

    /** manage.py, the settings module it (or the configured environment) names, and its applications. */
    static Optional<DjangoSite> django(Path dir, Map<String, String> environment) {
        Path manage = dir.resolve(MANAGE_PY);
        Optional<String> manageText = source(manage);
        if (manageText.isEmpty()) {
            return Optional.empty();
        }
        String module;
        String from;
        if (environment.containsKey("DJANGO_SETTINGS_MODULE")) {
            module = environment.get("DJANGO_SETTINGS_MODULE");
            from = "DJANGO_SETTINGS_MODULE in the dockenv settings' env";
        } else {
            Matcher m = SETTINGS_DEFAULT.matcher(manageText.get());
            if (!m.find()) {
                return Optional.empty();
            }
            module = m.group(1);
            from = MANAGE_PY;
        }
        if (!StartFiles.DOTTED_NAME.matcher(module).matches()) {
            return Optional.empty();
        }
        String path = module.replace('.', '/');
        for (String candidate : List.of(path + ".py", path + "/__init__.py")) {
            Path file = dir.resolve(candidate);
            Optional<String> text = source(file);
            if (text.isPresent()) {
                Map<String, String> settings = new HashMap<>();
                settingsOf(file, text.get(), settings, 0);
                return Optional.of(new DjangoSite(module, candidate, from,
                        Optional.ofNullable(settings.get("WSGI_APPLICATION")),
                        Optional.ofNullable(settings.get("ASGI_APPLICATION"))));
            }
        }
        return Optional.empty();
    }

    /** WSGI_APPLICATION and ASGI_APPLICATION of a settings file, or of the modules it star-imports beside it. */
    private static void settingsOf(Path file, String text, Map<String, String> out, int depth) {
        for (String name : List.of("WSGI_APPLICATION", "ASGI_APPLICATION")) {
            Matcher m = Pattern.compile("(?m)^" + name + "\\s*=\\s*['\"]([^'\"\\n]*)['\"]").matcher(text);
            String value = null;
            while (m.find()) {
                value = m.group(1); // the last assignment wins, as Python's
            }
            if (value != null && value.contains(".") && StartFiles.DOTTED_NAME.matcher(value).matches()) {
                out.put(name, value);
            }
        }
        if (depth >= 3 || out.size() == 2) {
            return;
        }
        Matcher imports = STAR_IMPORT.matcher(text);
        while (imports.find()) {
            String imported = imports.group(1);
            String last = imported.substring(imported.lastIndexOf('.') + 1);
            if (!imported.startsWith(".") || !IDENTIFIER.matcher(last).matches()) {
                continue; // only the settings package's own modules: from .base import *
            }
            Path sibling = file.getParent().resolve(last + ".py");
            Optional<String> siblingText = source(sibling);
            if (siblingText.isPresent()) {
                Map<String, String> inherited = new HashMap<>();
                settingsOf(sibling, siblingText.get(), inherited, depth + 1);
                inherited.forEach(out::putIfAbsent);
            }
        }
    }

    /** The modules that create a Flask or FastAPI app: the folder's own first, then its packages' (and src/'s). */
    static List<WebModule> webModules(Path dir) {
        List<WebModule> found = new ArrayList<>();
        for (String name : TOP_MODULES) {
            webModule(dir.resolve(name), name, name.substring(0, name.length() - 3)).ifPresent(found::add);
        }
        for (String base : List.of("", "src/")) {
            for (String pkg : packages(dir.resolve(base.isEmpty() ? "." : base).normalize())) {
                for (String name : PACKAGE_MODULES) {
                    String module = name.equals("__init__.py") ? pkg : pkg + "." + name.substring(0, name.length() - 3);
                    webModule(dir.resolve(base + pkg + "/" + name), base + pkg + "/" + name, module)
                            .ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static Optional<WebModule> webModule(Path file, String shown, String module) {
        Optional<String> text = source(file);
        if (text.isEmpty() || !StartFiles.DOTTED_NAME.matcher(module).matches()) {
            return Optional.empty();
        }
        String source = text.get();
        if (FASTAPI_IMPORT.matcher(source).find()) {
            Matcher m = FASTAPI_APP.matcher(source);
            if (m.find()) {
                return Optional.of(new WebModule(Framework.FASTAPI, shown, module, m.group(1)));
            }
        }
        if (FLASK_IMPORT.matcher(source).find()) {
            Matcher m = FLASK_APP.matcher(source);
            if (m.find()) {
                return Optional.of(new WebModule(Framework.FLASK, shown, module, m.group(1)));
            }
            Matcher factory = FLASK_FACTORY.matcher(source);
            if (factory.find()) {
                return Optional.of(new WebModule(Framework.FLASK, shown, module, factory.group(1) + "()"));
            }
        }
        return Optional.empty();
    }

    /** The folder's packages (subfolders with __init__.py, named as identifiers), sorted, at most {@link #MAX_PACKAGES}. */
    private static List<String> packages(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (IDENTIFIER.matcher(name).matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && plainFile(entry.resolve("__init__.py"))) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            throw IoFailures.reading(dir, e);
        }
        out.sort(null);
        return out.size() > MAX_PACKAGES ? out.subList(0, MAX_PACKAGES) : out;
    }

    /** A Python source's text, when it is a plain regular file, not too large, and UTF-8. */
    private static Optional<String> source(Path file) {
        if (!plainFile(file)) {
            return Optional.empty();
        }
        try {
            if (Files.size(file) > MAX_SOURCE_BYTES) {
                return Optional.empty();
            }
            return Optional.of(Utf8File.readText(file));
        } catch (IOException | InputException e) {
            return Optional.empty();
        }
    }

    private static boolean plainFile(Path file) {
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static String printable(String s) {
        return s.replaceAll("[\\p{Cntrl}]", "?");
    }
}
