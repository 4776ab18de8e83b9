package dev.dockenv.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dockenv.errors.InputException;
import dev.dockenv.project.NamedRequirements.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which requirements sets a scan finds, and which stage installs each. */
class RequirementsSelectionTest {
    @TempDir
    Path tmp;
    Path root;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("shop"));
        Files.writeString(root.resolve(".python-version"), "3.11\n");
    }

    private void file(String path, String content) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private Project scan() {
        return ProjectScanner.scan(root);
    }

    private List<String> relative(List<RequirementsSet> sets) {
        return sets.stream().map(s -> root.relativize(s.file()).toString()).toList();
    }

    private static List<org.assertj.core.groups.Tuple> stages(Project p) {
        return p.requirementSets().stream().map(s -> tuple(s.name(), p.relative(s.file()), s.stage())).toList();
    }

    @Test
    void findsEveryNamedSetAndInstallsMainAndDevOnes() throws IOException {
        file("requirements.txt", "flask\n");
        file("requirements_base.txt", "requests\n");
        file("requirements-parser.txt", "lark\n");
        file("dev-requirements.txt", "black\n");
        file("test_requirements.txt", "pytest\n");
        file("requirements/prod.txt", "gunicorn\n");
        file("requirements/test.txt", "pytest-cov\n");
        file("requirements.in", "flask\n");
        file("constraints.txt", "requests<3\n");
        file("requirementsfoo.txt", "x\n");
        Project p = scan();
        assertThat(stages(p)).containsExactly(
                tuple("dev", "dev-requirements.txt", Stage.DEV),
                tuple("parser", "requirements-parser.txt", Stage.NOT_INSTALLED),
                tuple("requirements", "requirements.txt", Stage.BASE),
                tuple("prod", "requirements/prod.txt", Stage.NOT_INSTALLED),
                tuple("test", "requirements/test.txt", Stage.DEV),
                tuple("base", "requirements_base.txt", Stage.NOT_INSTALLED),
                tuple("test", "test_requirements.txt", Stage.DEV));
        assertThat(relative(p.requirements())).containsExactly("requirements.txt");
        assertThat(relative(p.devRequirements())).containsExactly("dev-requirements.txt", "requirements/test.txt",
                "test_requirements.txt");
        assertThat(p.constraints()).hasValueSatisfying(c -> assertThat(c.file()).hasFileName("constraints.txt"));
    }

    @Test
    void withoutRequirementsTxtABaseSetIsTheMainOne() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "lark\n");
        assertThat(relative(scan().requirements())).containsExactly("requirements_base.txt");
    }

    @Test
    void withoutABaseNameTheSetTheOthersIncludeIsTheMainOne() throws IOException {
        file("requirements/common.txt", "requests\n");
        file("requirements/dev.txt", "-r common.txt\npytest\n");
        file("requirements/prod.txt", "-r common.txt\ngunicorn\n");
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements/common.txt");
        assertThat(relative(p.devRequirements())).containsExactly("requirements/dev.txt");
        assertThat(stages(p)).contains(tuple("prod", "requirements/prod.txt", Stage.NOT_INSTALLED));
    }

    @Test
    void theConfigurationChoosesTheSetsOfEachStage() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "lark\n");
        file("requirements_docs.txt", "mkdocs\n");
        file("requirements-test.txt", "pytest\n");
        file("deps/lint.txt", "ruff\n");
        file("dockenv.toml", "requirements = [\"base\", \"Parser\"]\ndev-requirements = [\"./deps/lint.txt\"]\n");
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements_base.txt", "requirements_parser.txt");
        assertThat(relative(p.devRequirements())).containsExactly("deps/lint.txt");
        assertThat(p.requirementSets()).filteredOn(s -> s.stage() == Stage.BASE)
                .allSatisfy(s -> assertThat(s.reason()).isEqualTo("[tool.dockenv] requirements"));
        assertThat(stages(p)).contains(tuple("docs", "requirements_docs.txt", Stage.NOT_INSTALLED),
                tuple("test", "requirements-test.txt", Stage.NOT_INSTALLED),
                tuple("deps/lint.txt", "deps/lint.txt", Stage.DEV));
    }

    @Test
    void aSetAnotherChosenSetIncludesIsNotInstalledTwice() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "-r requirements_base.txt\nlark\n");
        file("requirements_dev.txt", "-r requirements_parser.txt\n-c requirements_pins.txt\npytest\n");
        file("requirements_pins.txt", "pytest<9\n");
        file("pyproject.toml", "[tool.dockenv]\nrequirements = [\"base\", \"parser\"]\n"
                + "dev-requirements = [\"dev\", \"base\", \"pins\"]\n");
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements_parser.txt");
        assertThat(relative(p.devRequirements())).containsExactly("requirements_dev.txt", "requirements_pins.txt");
        assertThat(p.requirementSets()).filteredOn(s -> s.name().equals("base")).singleElement()
                .satisfies(s -> {
                    assertThat(s.stage()).isEqualTo(Stage.INCLUDED);
                    assertThat(s.reason()).isEqualTo("through requirements_parser.txt");
                });
    }

    @Test
    void anUnknownSetIsAnErrorAtItsPlaceWithTheClosestName() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements_parser.txt", "lark\n");
        file("pyproject.toml", "[project]\nname = \"shop\"\n\n[tool.dockenv]\nrequirements = [\"base\", \"parsr\"]\n");
        InputException e = catchThrowableOfType(InputException.class, this::scan);
        assertThat(e.getMessage()).isEqualTo(root.resolve("pyproject.toml") + ":5:25: no requirements set 'parsr' "
                + "in the project");
        assertThat(e.hint()).contains("did you mean 'parser'? its requirements sets: base (requirements_base.txt), "
                + "parser (requirements_parser.txt)");
    }

    @Test
    void anAmbiguousNameMustBeAPath() throws IOException {
        file("requirements_base.txt", "requests\n");
        file("requirements/base.txt", "requests\n");
        file("dockenv.toml", "requirements = [\"base\"]\n");
        InputException e = catchThrowableOfType(InputException.class, this::scan);
        assertThat(e.getMessage()).isEqualTo(root.resolve("dockenv.toml") + ":1:17: requirements set 'base' names 2 "
                + "files: requirements/base.txt, requirements_base.txt");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("\"requirements/base.txt\""));

        file("dockenv.toml", "requirements = [\"requirements/base.txt\"]\n");
        assertThat(relative(scan().requirements())).containsExactly("requirements/base.txt");
    }

    @Test
    void aFileOutsideTheProjectIsNotASet() throws IOException {
        Files.writeString(tmp.resolve("outside.txt"), "x\n");
        file("dockenv.toml", "dev-requirements = [\"../outside.txt\"]\n");
        InputException e = catchThrowableOfType(InputException.class, this::scan);
        assertThat(e.getMessage()).endsWith("dockenv.toml:1:21: no requirements set '../outside.txt' in the project");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("the project has no requirements_NAME.txt"));
    }

    @Test
    void anEmptyChoiceInstallsNoSet() throws IOException {
        file("requirements.txt", "flask\n");
        file("requirements-dev.txt", "pytest\n");
        file("dockenv.toml", "dev-requirements = []\n");
        Project p = scan();
        assertThat(relative(p.requirements())).containsExactly("requirements.txt");
        assertThat(p.devRequirements()).isEmpty();
    }

    @Test
    void theRunCacheWatchesEverySetAndTheFoldersTheyAreFoundIn() throws IOException {
        file("requirements.txt", "flask\n");
        file("requirements_extra.txt", "x\n");
        assertThat(ProjectScanner.inputCandidates(root)).contains(root.resolve("requirements_extra.txt"),
                root.resolve("constraints.txt"));
        assertThat(ProjectScanner.listedFolders(root)).extracting(ProjectScanner.ListedFolder::folder)
                .containsExactly(root, root.resolve("requirements"));
        String pattern = ProjectScanner.listedFolders(root).get(0).names();
        assertThat(List.of("requirements.txt", "requirements_x.txt", "requirements-x.txt", "test-requirements.txt",
                "Requirements_Dev.txt")).allMatch(n -> n.matches(pattern));
        assertThat(List.of("requirements.in", "notes.txt", "requirementsx.txt", "constraints.txt"))
                .noneMatch(n -> n.matches(pattern));
    }
}
