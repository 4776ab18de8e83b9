package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.project.StartFiles.Framework;
import dev.dockenv.project.StartFiles.WebModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a folder holds that tells how it starts: the Procfile, a Django site, web app modules, scripts. */
class StartFilesScannerTest {
    @TempDir
    Path root;

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private StartFiles scan() {
        return StartFilesScanner.scan(root, "", Map.of());
    }

    @Test
    void theProcfilesWebLineWithItsPlaceCommentsAndOtherTypesAside() throws IOException {
        file("Procfile", "# processes\r\n\r\nworker: python worker.py\r\nweb:   gunicorn app:app --bind 0.0.0.0:$PORT\r\n");
        StartFiles.ProcfileWeb web = scan().procfileWeb().orElseThrow();
        assertThat(web.command()).isEqualTo("gunicorn app:app --bind 0.0.0.0:$PORT");
        assertThat(web.file()).isEqualTo("Procfile");
        assertThat(web.location()).isEqualTo(SourceLocation.of(root.resolve("Procfile"), 4, 8));
    }

    @Test
    void aProcfileWithoutWebGivesNone() throws IOException {
        file("Procfile", "worker: python worker.py\n");
        assertThat(scan().procfileWeb()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "web gunicorn|1|1|not a process line",
        "web gunicorn app:app|1|1|'web gunicorn app' is not a process type",
        "web server: gunicorn app:app|1|1|'web server' is not a process type",
        "worker: x\\nweb:   |2|5|the process type 'web' has no command",
        "web: a\\nweb: b|2|1|declared twice (first on line 1)",
        "web: python manage.py runserver 0.0.0.0:$PORT|1|13|Django's development server",
        "'  web: gunicorn\\u0007 app'|1|16|control character (U+0007)",
    })
    void aMalformedProcfileIsAnErrorAtItsLineAndColumn(String text, int line, int column, String message)
            throws IOException {
        file("Procfile", text.replace("\\n", "\n").replace("\\u0007", "\u0007"));
        assertThatThrownBy(this::scan).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.location()).isEqualTo(SourceLocation.of(root.resolve("Procfile"), line, column));
            assertThat(e.problem()).contains(message);
        });
    }

    @Test
    void aProcfileThatIsAFolderOrLeadsOutsideIsNamed() throws IOException {
        Files.createDirectories(root.resolve("Procfile"));
        assertThatThrownBy(this::scan).hasMessageContaining("Procfile");
    }

    @Test
    void djangoSettingsFromManagePyWithTheirApplications() throws IOException {
        file("manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
        file("shop/__init__.py", "");
        file("shop/settings.py", "SECRET_KEY = 'x'\nWSGI_APPLICATION = \"shop.wsgi.application\"\n");
        StartFiles.DjangoSite site = scan().django().orElseThrow();
        assertThat(site.settingsModule()).isEqualTo("shop.settings");
        assertThat(site.settingsFile()).isEqualTo("shop/settings.py");
        assertThat(site.settingsFrom()).isEqualTo("manage.py");
        assertThat(site.wsgiApplication()).contains("shop.wsgi.application");
        assertThat(site.asgiApplication()).isEmpty();
    }

    @Test
    void djangoSettingsInAPackageReadThroughItsStarImportsAndTheConfiguredModuleWins() throws IOException {
        file("manage.py", "os.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"shop.settings.dev\")\n");
        file("shop/settings/__init__.py", "");
        file("shop/settings/base.py", "WSGI_APPLICATION = 'shop.wsgi.application'\n");
        file("shop/settings/dev.py", "from .base import *\nDEBUG = True\n");
        file("shop/settings/production.py", "from .base import *\nASGI_APPLICATION = 'shop.asgi.application'\n");
        assertThat(scan().django().orElseThrow().wsgiApplication()).contains("shop.wsgi.application");
        StartFiles.DjangoSite prod = StartFilesScanner.scan(root, "",
                Map.of("DJANGO_SETTINGS_MODULE", "shop.settings.production")).django().orElseThrow();
        assertThat(prod.settingsFile()).isEqualTo("shop/settings/production.py");
        assertThat(prod.settingsFrom()).contains("env");
        assertThat(prod.asgiApplication()).contains("shop.asgi.application");
        assertThat(prod.wsgiApplication()).contains("shop.wsgi.application");
    }

    @Test
    void valuesThatAreNotPythonNamesAreNotTaken() throws IOException {
        file("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
        file("shop/settings.py", "WSGI_APPLICATION = 'shop.wsgi; rm -rf /'\nASGI_APPLICATION = 'application'\n");
        StartFiles.DjangoSite site = scan().django().orElseThrow();
        assertThat(site.wsgiApplication()).isEmpty();
        assertThat(site.asgiApplication()).isEmpty();
        file("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop-settings')\n");
        assertThat(scan().django()).isEmpty();
    }

    @Test
    void aManagePyWithoutSettingsOrWithoutTheirFileIsNoSite() throws IOException {
        file("manage.py", "print('hello')\n");
        assertThat(scan().django()).isEmpty();
        file("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n");
        assertThat(scan().django()).isEmpty();
    }

    @Test
    void webAppModulesInTheFolderThenInItsPackages() throws IOException {
        file("app.py", "from flask import Flask\n\napp = Flask(__name__)\n");
        file("main.py", "import fastapi\napi: fastapi.FastAPI = fastapi.FastAPI(title='x')\n");
        file("shop/__init__.py", "from flask import Flask\n\ndef create_app(config=None):\n    app = Flask(__name__)\n"
                + "    return app\n");
        file("src/store/__init__.py", "");
        file("src/store/wsgi.py", "from flask import Flask\napplication = Flask('store')\n");
        file("my-app/__init__.py", "from flask import Flask\napp = Flask(__name__)\n");
        file("notes.py", "app = Flask(__name__)\n");
        assertThat(scan().webModules()).containsExactly(
                new WebModule(Framework.FLASK, "app.py", "app", "app"),
                new WebModule(Framework.FASTAPI, "main.py", "main", "api"),
                new WebModule(Framework.FLASK, "shop/__init__.py", "shop", "create_app()"),
                new WebModule(Framework.FLASK, "src/store/wsgi.py", "store.wsgi", "application"));
    }

    @Test
    void aModuleThatDoesNotImportTheFrameworkOrIsNotUtf8IsPassedOver() throws IOException {
        file("app.py", "app = Flask(__name__)  # no import\n");
        Files.write(root.resolve("main.py"), new byte[] {'f', 'r', 'o', 'm', ' ', (byte) 0xff});
        assertThat(scan().webModules()).isEmpty();
        assertThat(scan().scripts()).containsExactly("main.py", "app.py");
    }

    @Test
    void aConfiguredCommandMeansNothingIsRead() throws IOException {
        file("Procfile", "web gunicorn\n"); // malformed: not read when a command is configured
        file("app.py", "from flask import Flask\napp = Flask(__name__)\n");
        file("pyproject.toml", "[tool.dockenv]\ncommand = \"python serve.py\"\n");
        Project project = ProjectScanner.scan(root);
        assertThat(project.start()).isEqualTo(StartFiles.none(""));
        file("pyproject.toml", "[tool.dockenv]\n");
        assertThatThrownBy(() -> ProjectScanner.scan(root)).isInstanceOf(InputException.class)
                .hasMessageContaining("Procfile");
    }

    @Test
    void anAppsFolderIsReadForItsOwnStart() throws IOException {
        file("api/app.py", "from flask import Flask\napp = Flask(__name__)\n");
        file("api/Procfile", "worker: celery\n");
        file("tool/main.py", "print(1)\n");
        file("pyproject.toml", """
                [tool.dockenv.apps.api]
                [tool.dockenv.apps.tool]
                command = "python tool/main.py"
                """);
        Project project = ProjectScanner.scan(root);
        StartFiles api = project.app("api").orElseThrow().start();
        assertThat(api.folder()).isEqualTo("api");
        assertThat(api.webModules()).containsExactly(new WebModule(Framework.FLASK, "app.py", "app", "app"));
        assertThat(api.procfileWeb()).isEqualTo(Optional.empty());
        assertThat(project.app("tool").orElseThrow().start()).isEqualTo(StartFiles.none("tool"));
        assertThat(project.start().scripts()).isEqualTo(List.of());
        // an app's package is the app's, not the shared environment's
        file("api/__init__.py", "");
        assertThat(ProjectScanner.scan(root).start().webModules()).isEmpty();
        assertThat(StartFilesScanner.scan(root, "", Map.of()).webModules()).extracting(WebModule::module)
                .containsExactly("api.app");
    }
}
