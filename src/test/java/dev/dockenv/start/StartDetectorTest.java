package dev.dockenv.start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.project.StartFiles;
import dev.dockenv.project.StartFiles.DjangoSite;
import dev.dockenv.project.StartFiles.Framework;
import dev.dockenv.project.StartFiles.ProcfileWeb;
import dev.dockenv.project.StartFiles.WebModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each rule of the start command's detection, their order, and what never reaches the command. */
class StartDetectorTest {
    private static final Optional<ProcfileWeb> PROCFILE = Optional.of(new ProcfileWeb("gunicorn app:app -b :$PORT",
            "Procfile", SourceLocation.of(Path.of("/p/Procfile"), 3, 6)));
    private static final Optional<DjangoSite> DJANGO = Optional.of(new DjangoSite("shop.settings", "shop/settings.py",
            "manage.py", Optional.of("shop.wsgi.application"), Optional.empty()));
    private static final List<WebModule> FLASK = List.of(new WebModule(Framework.FLASK, "app.py", "app", "app"));
    private static final List<String> SCRIPTS = List.of("main.py", "app.py");
    private static final ProdPackages SERVERS = ProdPackages.of(Map.of("Gunicorn", "requirements.txt",
            "uvicorn", "pylock.toml"));

    private static StartFiles files(Optional<ProcfileWeb> procfile, Optional<DjangoSite> django, List<WebModule> modules,
            List<String> scripts) {
        return new StartFiles("", procfile, django, modules, scripts);
    }

    @Test
    void theProcfilesWebLineComesFirstWithPortDefaultedAndExec() {
        StartCommand c = StartDetector.detect(files(PROCFILE, DJANGO, FLASK, SCRIPTS), List.of("shop"), SERVERS);
        assertThat(c.argv()).containsExactly("sh", "-c",
                "PORT=\"${PORT:-8000}\"; export PORT; exec gunicorn app:app -b :$PORT");
        assertThat(c.shellText()).isEqualTo("gunicorn app:app -b :$PORT");
        assertThat(c.source()).isEqualTo(new StartSource.Procfile("Procfile", SourceLocation.of(Path.of("/p/Procfile"), 3,
                6)));
        assertThat(c.describe()).isEqualTo("gunicorn app:app -b :$PORT (Procfile web, line 3)");
        assertThat(c.web()).isTrue();
        assertThat(c.detected()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "gunicorn app:app|true",
        "FOO=1 gunicorn app:app|false",
        "cd api && gunicorn app:app|false",
        "bin/start; echo done|false",
        "python -m shop > log|false",
        "export X=1|false",
    })
    void aProcfileLineIsExecdOnlyWhenItIsOneSimpleCommand(String line, boolean exec) {
        assertThat(StartDetector.execable(line)).isEqualTo(exec);
    }

    @Test
    void aSingleConsoleScriptComesBeforeTheFrameworks() {
        StartCommand c = StartDetector.detect(files(Optional.empty(), DJANGO, FLASK, SCRIPTS), List.of("shop"), SERVERS);
        assertThat(c.argv()).containsExactly("shop");
        assertThat(c.source()).isEqualTo(new StartSource.ConsoleScript("shop"));
        assertThat(c.web()).isFalse();
    }

    @Test
    void severalConsoleScriptsAreNoChoiceAndSaySo() {
        StartCommand c = StartDetector.detect(files(Optional.empty(), DJANGO, FLASK, SCRIPTS), List.of("a", "b"),
                SERVERS);
        assertThat(c.source()).isInstanceOf(StartSource.Django.class);
        assertThat(c.notes()).containsExactly("the project has 2 console scripts (a, b): set command to the one to run");
    }

    @Test
    void djangoWithGunicornServesItsWsgiApplicationOnPort() {
        StartCommand c = StartDetector.detect(files(Optional.empty(), DJANGO, FLASK, SCRIPTS), List.of(), SERVERS);
        assertThat(c.argv()).containsExactly("sh", "-c", "exec gunicorn --bind \"0.0.0.0:${PORT:-8000}\" shop.wsgi");
        assertThat(c.describe()).isEqualTo("gunicorn --bind \"0.0.0.0:${PORT:-8000}\" shop.wsgi (Django: "
                + "shop/settings.py WSGI_APPLICATION; gunicorn in requirements.txt)");
        assertThat(c.web()).isTrue();
        assertThat(String.join(" ", c.argv())).doesNotContain("runserver");
    }

    @Test
    void djangoWithAnAsgiApplicationAndUvicornIsServedByUvicorn() {
        Optional<DjangoSite> asgi = Optional.of(new DjangoSite("shop.settings", "shop/settings.py", "manage.py",
                Optional.of("shop.wsgi.application"), Optional.of("shop.asgi.application")));
        StartCommand c = StartDetector.detect(files(Optional.empty(), asgi, List.of(), List.of()), List.of(), SERVERS);
        assertThat(c.argv()).containsExactly("sh", "-c",
                "exec uvicorn --host 0.0.0.0 --port \"${PORT:-8000}\" shop.asgi:application");
        assertThat(c.source()).isEqualTo(new StartSource.Django("shop/settings.py", "ASGI_APPLICATION",
                WebServer.UVICORN, "pylock.toml"));
    }

    @Test
    void djangoWithoutAServerIsNeverRunserverButTheNextRule() {
        StartCommand c = StartDetector.detect(files(Optional.empty(), DJANGO, FLASK, SCRIPTS), List.of(),
                ProdPackages.of(Map.of("django", "requirements.txt")));
        assertThat(c.argv()).containsExactly("python", "main.py");
        assertThat(c.source()).isEqualTo(new StartSource.Script("main.py"));
        assertThat(c.notes()).containsExactly(
                "Django site (shop/settings.py): gunicorn (WSGI_APPLICATION) is not among the prod dependencies; "
                        + "dockenv never runs manage.py runserver in prod",
                "Flask app in app.py: gunicorn is not among the prod dependencies, so it is not served by it");
        assertThat(String.join(" ", c.argv())).doesNotContain("runserver", "manage.py");
    }

    @Test
    void flaskWithGunicornAndFastApiWithUvicorn() {
        StartCommand flask = StartDetector.detect(files(Optional.empty(), Optional.empty(), List.of(
                new WebModule(Framework.FLASK, "shop/__init__.py", "shop", "create_app()")), SCRIPTS), List.of(), SERVERS);
        assertThat(flask.argv()).containsExactly("sh", "-c",
                "exec gunicorn --bind \"0.0.0.0:${PORT:-8000}\" 'shop:create_app()'");
        assertThat(flask.source()).isEqualTo(new StartSource.WebApp("Flask", "shop/__init__.py", WebServer.GUNICORN,
                "requirements.txt"));
        StartCommand fastapi = StartDetector.detect(files(Optional.empty(), Optional.empty(), List.of(
                new WebModule(Framework.FASTAPI, "main.py", "main", "api")), SCRIPTS), List.of(),
                ProdPackages.of(Map.of("uvicorn", "pyproject.toml [project] dependencies")));
        assertThat(fastapi.argv()).containsExactly("sh", "-c",
                "exec uvicorn --host 0.0.0.0 --port \"${PORT:-8000}\" main:api");
        assertThat(fastapi.describe()).endsWith("(FastAPI app in main.py; uvicorn in pyproject.toml [project] dependencies)");
    }

    @Test
    void aFastApiAppWithGunicornAloneIsNotServedByIt() {
        StartCommand c = StartDetector.detect(files(Optional.empty(), Optional.empty(), List.of(
                new WebModule(Framework.FASTAPI, "main.py", "main", "app")), List.of("main.py")), List.of(),
                ProdPackages.of(Map.of("gunicorn", "requirements.txt")));
        assertThat(c.argv()).containsExactly("python", "main.py");
        assertThat(c.web()).isFalse();
    }

    @Test
    void mainPyThenAppPyThenPython() {
        assertThat(StartDetector.detect(files(Optional.empty(), Optional.empty(), List.of(), List.of("app.py")), List.of(),
                SERVERS).argv()).containsExactly("python", "app.py");
        StartCommand none = StartDetector.detect(StartFiles.none(""), List.of(), SERVERS);
        assertThat(none.argv()).containsExactly("python");
        assertThat(none.source()).isEqualTo(new StartSource.Nothing());
        assertThat(none.detected()).isFalse();
    }

    @Test
    void anAppsCommandStartsInItsFolder() {
        StartCommand c = StartDetector.detect(new StartFiles("services/api", Optional.empty(), Optional.empty(), FLASK,
                List.of()), List.of(), SERVERS);
        assertThat(c.workdir()).contains("services/api");
        assertThat(c.describe()).contains("Flask app in services/api/app.py");
    }

    @Test
    void onlyPythonNamesReachTheServersCommandLine() {
        assertThat(StartDetector.target("shop.wsgi.application", true)).isEqualTo("shop.wsgi");
        assertThat(StartDetector.target("shop.wsgi.app", true)).isEqualTo("shop.wsgi:app");
        assertThat(StartDetector.target("shop.asgi.application", false)).isEqualTo("shop.asgi:application");
        assertThatThrownBy(() -> WebServer.GUNICORN.serve("app; rm -rf /")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebServer.UVICORN.serve("$(id):app")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebModule(Framework.FLASK, "x.py", "x", "app;id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theConfiguredCommandIsUsedAsWritten() {
        StartCommand c = StartCommand.configured(List.of("python", "-m", "shop", "it's"));
        assertThat(c.argv()).containsExactly("python", "-m", "shop", "it's");
        assertThat(c.source()).isEqualTo(new StartSource.Configured());
        assertThat(c.detected()).isFalse();
        assertThat(StartCommand.configured(List.of()).argv()).containsExactly("python");
    }
}
