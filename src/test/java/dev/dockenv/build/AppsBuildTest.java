package dev.dockenv.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.context.ContextEntry;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.plan.Plans;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repository with apps: the targets a build takes, and what each app's image identity depends on. */
class AppsBuildTest {
    @TempDir
    Path root;

    private static final String PARSER = """
            [tool.dockenv.apps.parser]
            path = "lol_data_parser"
            requirements = ["parser"]
            command = ["bash", "lol_data_parser/run_parser.sh"]
            """;
    private static final String API = """
            [tool.dockenv.apps.api]
            path = "lol_data_api"
            requirements = ["api"]
            dev-requirements = ["test"]
            ports = [8000]
            command = "gunicorn lol_data_api.wsgi:app"
            """;

    @BeforeEach
    void setUp() throws IOException {
        file(".python-version", "3.11\n");
        file("requirements_base.txt", "requests==2.31.0\n");
        file("requirements_parser.txt", "lark==1.1.9\n");
        file("requirements_parser2.txt", "lark==1.2.0\n");
        file("requirements_api.txt", "flask==3.0.0\n");
        file("requirements_test.txt", "pytest==8.0.0\n");
        file("lol_data_parser/run_parser.sh", "python -m lol_data_parser\n");
        file("lol_data_api/wsgi.py", "app = None\n");
        file("lol_shared/__init__.py", "");
        config(PARSER, API);
    }

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private void config(String... apps) throws IOException {
        file("pyproject.toml", "[tool.dockenv]\nrequirements = [\"base\"]\n\n" + String.join("\n", apps));
    }

    private BuildDefinition definition(String target) {
        Project p = ProjectScanner.scan(root);
        return BuildDefinitions.generated(Plans.of(p), Optional.of(target), "test");
    }

    private String tag(String target) {
        Project p = ProjectScanner.scan(root);
        EnvironmentPlan plan = Plans.of(p);
        return EnvironmentBuilder.identify(p, BuildDefinitions.forProject(p, plan, Optional.of(target), "test"), null)
                .reference();
    }

    @Test
    void anUnknownTargetIsAUsageErrorNamingTheAppsStages() {
        Project p = ProjectScanner.scan(root);
        DockenvException e = catchThrowableOfType(DockenvException.class,
                () -> BuildDefinitions.generated(Plans.of(p), Optional.of("api-dve"), "test"));
        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).contains("unknown target 'api-dve'");
        assertThat(e.hint()).hasValue("did you mean 'api-dev'? the generated Dockerfile has the stages base, dev, prod, "
                + "parser-env, parser-dev, parser-prod, api-env, api-dev, api-prod");
        DockenvException internal = catchThrowableOfType(DockenvException.class,
                () -> BuildDefinitions.generated(Plans.of(p), Optional.of("api-files"), "test"));
        assertThat(internal.exitCode()).as("a stage of its own, never an image").isEqualTo(ExitCode.USAGE);
    }

    @Test
    void anAppsTargetsReadTheirOwnFilesAndItsProdLeavesTheOtherAppsFoldersOut() {
        BuildDefinition dev = definition("api-dev");
        assertThat(dev.target()).contains("api-dev");
        assertThat(dev.contextPaths()).hasValueSatisfying(paths -> assertThat(paths)
                .containsExactly("requirements_base.txt", "requirements_api.txt", "requirements_test.txt"));
        assertThat(dev.contextExclusions()).isEmpty();
        BuildDefinition prod = definition("api-prod");
        assertThat(prod.contextPaths()).hasValue(List.of("."));
        assertThat(prod.contextExclusions()).containsExactly("lol_data_parser");
        Project p = ProjectScanner.scan(root);
        EnvironmentImage image = EnvironmentBuilder.identify(p, prod, null);
        assertThat(image.hashedEntries()).extracting(ContextEntry::path).contains("lol_data_api/wsgi.py",
                "lol_shared/__init__.py", "requirements_parser.txt")
                .noneMatch(path -> path.equals("lol_data_parser") || path.startsWith("lol_data_parser/"));
    }

    @Test
    void anAppsDevIdentityIgnoresTheOtherAppsStagesAndFollowsItsOwn() throws IOException {
        String apiDev = definition("api-dev").identityText();
        String apiProd = definition("api-prod").identityText();
        String sharedDev = definition("dev").identityText();
        String apiDevTag = tag("api-dev");
        assertThat(apiDev).contains("FROM api-env AS api-dev", "FROM base AS api-env", "FROM system AS base")
                .doesNotContain("parser", "AS prod", "api-files", "Environment of");
        assertThat(apiProd).contains("FROM system AS api-files", "FROM api-env AS api-prod", "rm -rf /src/lol_data_parser")
                .doesNotContain("AS api-dev", "parser-env");

        // the other app: its sets, command and folder changed
        file("lol_data_parser2/run.sh", "");
        config(PARSER.replace("\"parser\"", "\"parser2\"").replace("run_parser.sh", "run.sh")
                .replace("path = \"lol_data_parser\"", "path = \"lol_data_parser2\""), API);
        assertThat(definition("parser-dev").identityText()).contains("requirements_parser2.txt");
        assertThat(definition("api-dev").identityText()).isEqualTo(apiDev);
        assertThat(tag("api-dev")).isEqualTo(apiDevTag);
        assertThat(definition("dev").identityText()).isEqualTo(sharedDev);
        assertThat(definition("api-prod").identityText()).as("its prod removes the other app's folder, wherever it is")
                .isNotEqualTo(apiProd).contains("rm -rf /src/lol_data_parser2");

        // a file of the other app's folder is not in its prod image
        String apiProdTag = tag("api-prod");
        file("lol_data_parser2/run.sh", "echo changed\n");
        assertThat(tag("api-prod")).isEqualTo(apiProdTag);
        file("lol_shared/__init__.py", "VERSION = 2\n");
        assertThat(tag("api-prod")).as("the shared code is").isNotEqualTo(apiProdTag);

        // its own settings
        config(PARSER, API.replace("requirements = [\"api\"]", "requirements = [\"api\", \"parser2\"]"));
        assertThat(definition("api-dev").identityText()).isNotEqualTo(apiDev).contains("requirements_parser2.txt");
        config(PARSER, API.replace("wsgi:app", "wsgi:application"));
        assertThat(definition("api-dev").identityText()).isNotEqualTo(apiDev).contains("wsgi:application");
        config(PARSER, API.replace("ports = [8000]", "ports = [8001]"));
        assertThat(definition("api-prod").identityText()).contains("EXPOSE 8001");
    }

    @Test
    void anAppsDevTagFollowsItsOwnRequirementsFilesNotTheOtherAppsOnes() throws IOException {
        String apiDev = tag("api-dev");
        String parserDev = tag("parser-dev");
        file("requirements_parser.txt", "lark==1.1.8\n");
        assertThat(tag("api-dev")).isEqualTo(apiDev);
        assertThat(tag("parser-dev")).isNotEqualTo(parserDev);
        file("requirements_test.txt", "pytest==8.0.1\n");
        assertThat(tag("api-dev")).isNotEqualTo(apiDev);
        assertThat(apiDev).contains(":api-dev-");
    }

    @Test
    void theLegacyBuilderIsSentOnlyTheStagesTheTargetBuildsOn() {
        // the legacy builder builds every stage before the target: parser-env's COPY of
        // requirements_parser.txt, a file api-dev's context does not hold, would fail api-dev's build
        BuildDefinition dev = definition("api-dev");
        String legacy = BuildDefinitions.textFor(dev, Dialect.LEGACY);
        assertThat(legacy).contains("AS system", "AS base", "AS api-env", "AS api-dev")
                .doesNotContain("AS parser-env", "AS parser-dev", "AS prod", "AS dev\n", "AS api-prod");
        assertThat(dev.contextPaths().orElseThrow()).doesNotContain("requirements_parser.txt");
        String legacyProd = BuildDefinitions.textFor(definition("api-prod"), Dialect.LEGACY);
        assertThat(legacyProd).contains("AS api-files", "AS api-prod", "COPY --from=api-files /src/ /app/")
                .doesNotContain("AS parser-");
        assertThat(BuildDefinitions.textFor(dev, Dialect.BUILDKIT)).startsWith("# Environment of")
                .contains("AS api-dev");
    }

    @Test
    void withoutTheOtherFoldersTheEntriesOfThoseFoldersAreLeftOut() {
        Path src = root;
        List<ContextEntry> entries = List.of(ContextEntry.directory("api", src), ContextEntry.file("api/app.py", src, 1, false),
                ContextEntry.directory("api2", src), ContextEntry.file("api2/app.py", src, 1, false),
                ContextEntry.file("api.py", src, 1, false), ContextEntry.file("shared/api/x.py", src, 1, false),
                ContextEntry.file("worker/deep/w.py", src, 1, false), ContextEntry.file("requirements.txt", src, 1, false));
        assertThat(ContextSelection.without(entries, List.of("api", "worker/deep"))).extracting(ContextEntry::path)
                .containsExactly("api2", "api2/app.py", "api.py", "shared/api/x.py", "requirements.txt");
        assertThat(ContextSelection.without(entries, List.of())).isSameAs(entries);
    }
}
