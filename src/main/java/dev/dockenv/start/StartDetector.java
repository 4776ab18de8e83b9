package dev.dockenv.start;

import static dev.dockenv.config.ShellWords.quote;

import dev.dockenv.project.StartFiles;
import dev.dockenv.project.StartFiles.DjangoSite;
import dev.dockenv.project.StartFiles.Framework;
import dev.dockenv.project.StartFiles.WebModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses the prod image's start command when none is configured, as deploy platforms (Heroku's
 * and Railway's buildpacks, Nixpacks) do, first rule that applies:
 * <ol>
 * <li>the Procfile's {@code web:} line;</li>
 * <li>the installable project's single console script ({@code [project.scripts]});</li>
 * <li>a Django site ({@code manage.py}, its settings' {@code ASGI_APPLICATION} with uvicorn or
 *     {@code WSGI_APPLICATION} with gunicorn among the prod dependencies);</li>
 * <li>a module creating a Flask app (with gunicorn) or a FastAPI app (with uvicorn);</li>
 * <li>{@code python main.py}, else {@code python app.py};</li>
 * </ol>
 * else python, as without detection. A web server listens on 0.0.0.0:$PORT, 8000 when PORT is
 * unset. Django's {@code runserver} is never chosen (and a Procfile that asks for it is refused
 * when read). Pure: the files were read into {@link StartFiles}.
 */
public final class StartDetector {
    /** Words after which a Procfile line cannot be exec'd as it is (they are the shell's). */
    private static final Set<String> SHELL_WORDS = Set.of("cd", "export", "set", "if", "for", "while", "until", "case",
            "source", ".", "eval", "exec", "{", "!", "unset", "trap", "ulimit", "umask");
    private static final Pattern SHELL_SYNTAX = Pattern.compile("[;&|<>()`\\n]");

    private StartDetector() {
    }

    /**
     * @param consoleScripts the console scripts of the installable project (the root's only; an
     *     app's folder has none of its own)
     */
    public static StartCommand detect(StartFiles files, List<String> consoleScripts, ProdPackages packages) {
        Optional<String> workdir = files.folder().isEmpty() ? Optional.empty() : Optional.of(files.folder());
        List<String> notes = new ArrayList<>();
        if (files.procfileWeb().isPresent()) {
            StartFiles.ProcfileWeb web = files.procfileWeb().get();
            String line = web.command();
            String script = "PORT=\"${PORT:-" + WebServer.DEFAULT_PORT + "}\"; export PORT; "
                    + (execable(line) ? "exec " : "") + line;
            return new StartCommand(List.of("sh", "-c", script), line, new StartSource.Procfile(web.file(),
                    web.location()), true, workdir, notes);
        }
        if (consoleScripts.size() == 1 && consoleScripts.get(0).matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return new StartCommand(List.of(consoleScripts.get(0)), consoleScripts.get(0),
                    new StartSource.ConsoleScript(consoleScripts.get(0)), false, workdir, notes);
        }
        if (consoleScripts.size() > 1) {
            notes.add("the project has " + consoleScripts.size() + " console scripts (" + String.join(", ", consoleScripts)
                    + "): set command to the one to run");
        }
        Optional<StartCommand> django = files.django().flatMap(d -> django(d, packages, workdir, notes));
        if (django.isPresent()) {
            return django.get();
        }
        for (WebModule module : files.webModules()) {
            WebServer server = module.framework() == Framework.FASTAPI ? WebServer.UVICORN : WebServer.GUNICORN;
            Optional<String> origin = packages.origin(server.packageName());
            if (origin.isPresent()) {
                return StartCommand.shell(server.serve(module.target()), new StartSource.WebApp(
                        module.framework().label(), prefixed(files, module.file()), server, origin.get()), true, workdir,
                        notes);
            }
            notes.add(module.framework().label() + " app in " + prefixed(files, module.file()) + ": "
                    + server.packageName() + " is not among the prod dependencies, so it is not served by it");
        }
        if (!files.scripts().isEmpty()) {
            String script = files.scripts().get(0);
            return new StartCommand(List.of("python", script), "python " + quote(script),
                    new StartSource.Script(prefixed(files, script)), false, workdir, notes);
        }
        return new StartCommand(List.of("python"), "python", new StartSource.Nothing(), false, workdir, notes);
    }

    private static Optional<StartCommand> django(DjangoSite site, ProdPackages packages, Optional<String> workdir,
            List<String> notes) {
        String settings = workdir.map(w -> w + "/").orElse("") + site.settingsFile();
        if (site.asgiApplication().isPresent() && packages.origin(WebServer.UVICORN.packageName()).isPresent()) {
            return Optional.of(StartCommand.shell(WebServer.UVICORN.serve(target(site.asgiApplication().get(), false)),
                    new StartSource.Django(settings, "ASGI_APPLICATION", WebServer.UVICORN,
                            packages.origin(WebServer.UVICORN.packageName()).get()), true, workdir, notes));
        }
        if (site.wsgiApplication().isPresent() && packages.origin(WebServer.GUNICORN.packageName()).isPresent()) {
            return Optional.of(StartCommand.shell(WebServer.GUNICORN.serve(target(site.wsgiApplication().get(), true)),
                    new StartSource.Django(settings, "WSGI_APPLICATION", WebServer.GUNICORN,
                            packages.origin(WebServer.GUNICORN.packageName()).get()), true, workdir, notes));
        }
        if (site.wsgiApplication().isEmpty() && site.asgiApplication().isEmpty()) {
            notes.add("Django site with " + settings + ", which sets neither WSGI_APPLICATION nor ASGI_APPLICATION");
        } else {
            notes.add("Django site (" + settings + "): " + (site.asgiApplication().isPresent()
                    ? "uvicorn (ASGI_APPLICATION)" : "") + (site.asgiApplication().isPresent()
                    && site.wsgiApplication().isPresent() ? " or " : "") + (site.wsgiApplication().isPresent()
                    ? "gunicorn (WSGI_APPLICATION)" : "") + " is not among the prod dependencies; dockenv never "
                    + "runs manage.py runserver in prod");
        }
        return Optional.empty();
    }

    /**
     * {@code shop.wsgi.application} as the server takes it: {@code shop.wsgi:application}; for
     * gunicorn, whose default callable is {@code application}, the module alone.
     */
    static String target(String dotted, boolean defaultApplication) {
        int dot = dotted.lastIndexOf('.');
        String module = dotted.substring(0, dot);
        String attribute = dotted.substring(dot + 1);
        return defaultApplication && attribute.equals("application") ? module : module + ":" + attribute;
    }

    /** Whether a Procfile line is one simple command the shell can replace itself with. */
    static boolean execable(String line) {
        if (SHELL_SYNTAX.matcher(line).find()) {
            return false;
        }
        String first = line.strip().split("[ \\t]+", 2)[0];
        return !SHELL_WORDS.contains(first) && !first.matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    private static String prefixed(StartFiles files, String file) {
        return files.folder().isEmpty() ? file : files.folder() + "/" + file;
    }
}
