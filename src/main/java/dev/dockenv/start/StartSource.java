package dev.dockenv.start;

import dev.dockenv.errors.SourceLocation;

/** Where the prod image's start command comes from: configured, or which rule of the detection found it. */
public sealed interface StartSource {

    /** Where it comes from, for {@code dockenv status} and the Dockerfile's comment. */
    String describe();

    /** {@code command} in the dockenv settings (the project's or the app's): always used as written. */
    record Configured() implements StartSource {
        @Override
        public String describe() {
            return "command in the dockenv settings";
        }
    }

    /** A single script with inline metadata runs itself. */
    record InlineScript(String file) implements StartSource {
        @Override
        public String describe() {
            return file + ", the script with inline metadata";
        }
    }

    /** The Procfile's {@code web:} line (Heroku's format). */
    record Procfile(String file, SourceLocation location) implements StartSource {
        @Override
        public String describe() {
            return file + " web, line " + location.line();
        }
    }

    /** The installable project's one console script ({@code [project.scripts]} and the like). */
    record ConsoleScript(String name) implements StartSource {
        @Override
        public String describe() {
            return "the project's only console script, " + name;
        }
    }

    /** A Django site served by a web server among the prod dependencies. */
    record Django(String settingsFile, String setting, WebServer server, String serverOrigin) implements StartSource {
        @Override
        public String describe() {
            return "Django: " + settingsFile + " " + setting + "; " + server.packageName() + " in " + serverOrigin;
        }
    }

    /** A module creating a Flask or FastAPI app, served by a web server among the prod dependencies. */
    record WebApp(String framework, String file, WebServer server, String serverOrigin) implements StartSource {
        @Override
        public String describe() {
            return framework + " app in " + file + "; " + server.packageName() + " in " + serverOrigin;
        }
    }

    /** main.py or app.py, run with python. */
    record Script(String file) implements StartSource {
        @Override
        public String describe() {
            return file + ", run with python";
        }
    }

    /** Nothing found: the image runs python, as without detection. */
    record Nothing() implements StartSource {
        @Override
        public String describe() {
            return "nothing detected (no Procfile web line, console script, Django, Flask or FastAPI app, main.py or "
                    + "app.py): set command in the dockenv settings";
        }
    }
}
