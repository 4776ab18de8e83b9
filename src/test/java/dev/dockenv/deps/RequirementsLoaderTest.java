package dev.dockenv.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsLoaderTest {
    private final RequirementsLoader loader = new RequirementsLoader();

    @TempDir
    Path root;

    @Test
    void followsIncludesAndResolvesPathsInAProject() throws Exception {
        copyProject("/deps/project");

        LoadedRequirements loaded = loader.load(root, Path.of("requirements.txt"));

        assertThat(loaded.projectRoot()).isEqualTo(root.toAbsolutePath().normalize());
        assertThat(loaded.files()).extracting(f -> f.relativePath().toString(), LoadedFile::constraints)
                .containsExactly(
                        tuple("requirements.txt", false),
                        tuple("requirements/base.txt", false),
                        tuple("requirements/common.txt", false),
                        tuple("constraints.txt", true));
        assertThat(loaded.files().get(1).content().path()).isEqualTo(Path.of("requirements/base.txt"));

        assertThat(loaded.localRequirements())
                .extracting(l -> l.relativePath().toString(), ResolvedLocalRequirement::projectRoot)
                .containsExactly(
                        tuple("", true),
                        tuple("libs/seed", false));
        assertThat(loaded.localRequirements().get(1).requirement().extras()).containsExactly("postgres");
        assertThat(loaded.installsProject()).isTrue();

        assertThat(loaded.findLinks()).extracting(f -> f.relativePath().toString())
                .containsExactly("wheelhouse", "vendor/wheels", "wheelhouse");
        assertThat(loaded.findLinks()).allSatisfy(f -> assertThat(f.path()).startsWithRaw(loaded.projectRoot()));

        assertThat(loaded.indexOptions()).extracting(GlobalOption::name, o -> o.value().orElseThrow())
                .containsExactly(
                        tuple("--index-url", "https://pypi.org/simple"),
                        tuple("--trusted-host", "internal.example.com"),
                        tuple("--extra-index-url", "https://download.pytorch.org/whl/cpu"));
        assertThat(loaded.remoteIncludes()).extracting(IncludeFile::rawPath)
                .containsExactly("https://example.com/shared/requirements.txt");

        assertThat(loaded.requirements()).extracting(r -> r.requirement().name())
                .containsExactly("gunicorn", "requests", "certifi");
        assertThat(loaded.constraints()).extracting(r -> r.requirement().toString())
                .containsExactly("requests==2.31.0", "urllib3<3");
    }

    @Test
    void acceptsAnAbsoluteFileAndReportsAbsoluteLocations() throws IOException {
        write("requirements/dev.txt", "pytest\nbad name\n");
        Path file = root.resolve("requirements/dev.txt");
        assertThatThrownBy(() -> loader.load(root, file))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).location())
                        .isEqualTo(new SourceLocation(file, 2, 5)));
    }

    @Test
    void errorsInIncludedFilesNameTheIncludedFile() throws IOException {
        write("requirements.txt", "flask\n-r requirements/base.txt\n");
        write("requirements/base.txt", "# base\nrequests>=\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .hasMessage("requirements/base.txt:2:11: invalid requirement: expected a version after '>='");
    }

    @Test
    void reportsAMissingIncludeAtTheIncludeLine() throws IOException {
        write("requirements.txt", "flask\n\n-r requirements/missing.txt\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.location()).isEqualTo(new SourceLocation(Path.of("requirements.txt"), 3, 1));
                    assertThat(ie.problem()).contains("included file 'requirements/missing.txt' not found");
                    assertThat(ie.hint()).hasValueSatisfying(h -> assertThat(h).contains("relative to the directory"));
                });
    }

    @Test
    void includePathsAreRelativeToTheIncludingFile() throws IOException {
        write("requirements/dev.txt", "-r base.txt\npytest\n");
        write("requirements/base.txt", "flask\n");
        write("base.txt", "this file must not be read\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements/dev.txt"));
        assertThat(loaded.files()).extracting(f -> f.relativePath().toString())
                .containsExactly("requirements/dev.txt", "requirements/base.txt");
    }

    @Test
    void reportsAMissingRootFile() {
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .hasMessage("requirements.txt: requirements file not found");
    }

    @Test
    void detectsCyclesAndNamesTheChain() throws IOException {
        write("requirements.txt", "flask\n-r requirements/dev.txt\n");
        write("requirements/dev.txt", "pytest\n-c ../requirements.txt\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.location()).isEqualTo(new SourceLocation(Path.of("requirements/dev.txt"), 2, 1));
                    assertThat(ie.problem()).isEqualTo("requirements files include each other: "
                            + "requirements.txt -> requirements/dev.txt -> requirements.txt");
                });
    }

    @Test
    void detectsAFileIncludingItself() throws IOException {
        write("requirements.txt", "-r ./requirements.txt\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("requirements.txt -> requirements.txt");
    }

    @Test
    void readsAFileIncludedTwiceOnlyOnce() throws IOException {
        write("requirements.txt", "-r a.txt\n-r b.txt\n");
        write("a.txt", "-r common.txt\nalpha\n");
        write("b.txt", "-r common.txt\nbeta\n");
        write("common.txt", "certifi\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements.txt"));
        assertThat(loaded.files()).extracting(f -> f.relativePath().toString())
                .containsExactly("requirements.txt", "a.txt", "common.txt", "b.txt");
        assertThat(loaded.requirements()).hasSize(3);
    }

    @Test
    void resolvesLocalRequirementsAgainstTheProjectRootNotTheFile() throws IOException {
        write("requirements/dev.txt", "-e .\n./libs/tool\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements/dev.txt"));
        assertThat(loaded.localRequirements()).extracting(l -> l.relativePath().toString())
                .containsExactly("", "libs/tool");
        assertThat(loaded.localRequirements().get(0).projectRoot()).isTrue();
    }

    @Test
    void rejectsLocalRequirementsOutsideTheProject() throws IOException {
        write("requirements.txt", "flask\n  -e ../sibling\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.location()).isEqualTo(new SourceLocation(Path.of("requirements.txt"), 2, 3));
                    assertThat(ie.problem()).contains("local requirement '../sibling'", "outside the project directory");
                    assertThat(ie.hint()).hasValueSatisfying(h -> assertThat(h).contains("move it into the project"));
                });
    }

    @Test
    void explainsThatLocalPathsAreNotRelativeToTheFile() throws IOException {
        write("requirements/dev.txt", "-e ../libs/tool\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements/dev.txt")))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).hint()).hasValueSatisfying(
                        h -> assertThat(h).contains("against the project root", "write './libs/tool'")));
    }

    @Test
    void resolvesFindLinksBesideTheFileWhenItExistsThereElseAgainstTheRoot() throws IOException {
        write("requirements/dev.txt", "--find-links wheels\n-f dist\n--find-links=file:./links\n");
        Files.createDirectories(root.resolve("requirements/wheels"));
        Files.createDirectories(root.resolve("dist"));
        LoadedRequirements loaded = loader.load(root, Path.of("requirements/dev.txt"));
        assertThat(loaded.findLinks()).extracting(f -> f.relativePath().toString())
                .containsExactly("requirements/wheels", "dist", "links");
        assertThat(loaded.indexOptions()).isEmpty();
    }

    @Test
    void keepsRemoteFindLinksWithTheIndexes() throws IOException {
        write("requirements.txt", "-f https://download.example.com/wheels/\n--index-url https://mirror/simple\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements.txt"));
        assertThat(loaded.findLinks()).isEmpty();
        assertThat(loaded.indexOptions()).extracting(GlobalOption::name).containsExactly("--find-links", "--index-url");
    }

    @Test
    void rejectsFindLinksOutsideTheProject() throws IOException {
        write("requirements.txt", "flask\n--find-links /opt/wheels\n");
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .satisfies(e -> {
                    InputException ie = (InputException) e;
                    assertThat(ie.location()).isEqualTo(new SourceLocation(Path.of("requirements.txt"), 2, 1));
                    assertThat(ie.problem()).contains("--find-links location '/opt/wheels'", "outside the project");
                });
    }

    @Test
    void rejectsIncludedFilesOutsideTheProject() throws IOException {
        Path project = Files.createDirectories(root.resolve("project"));
        Files.writeString(root.resolve("shared.txt"), "flask\n");
        Files.writeString(project.resolve("requirements.txt"), "-r ../shared.txt\n");
        assertThatThrownBy(() -> loader.load(project, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("requirements.txt:1:1: included file '../shared.txt' is outside the project");
    }

    @Test
    void keepsRemoteIncludesWithoutFollowingThem() throws IOException {
        write("requirements.txt", "-r https://example.com/r.txt\n-c http://example.com/c.txt\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements.txt"));
        assertThat(loaded.files()).hasSize(1);
        assertThat(loaded.remoteIncludes()).extracting(IncludeFile::kind)
                .containsExactly(IncludeFile.Kind.REQUIREMENTS, IncludeFile.Kind.CONSTRAINTS);
    }

    @Test
    void readsUtf8WithAByteOrderMark() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "\uFEFFcafe-lib==1.0 ; os_name == 'posix'\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements.txt"));
        assertThat(loaded.requirements()).singleElement()
                .satisfies(r -> assertThat(r.location()).isEqualTo(new SourceLocation(Path.of("requirements.txt"), 1, 1)));
    }

    @Test
    void rejectsTextThatIsNotUtf8() throws IOException {
        Files.write(root.resolve("requirements.txt"), new byte[] {'f', 'o', 'o', (byte) 0xff, '\n'});
        assertThatThrownBy(() -> loader.load(root, Path.of("requirements.txt")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void constraintFilesIncludedWithDashRAreRequirements() throws IOException {
        write("requirements.txt", "-c constraints.txt\n");
        write("constraints.txt", "-r more.txt\nurllib3<3\n");
        write("more.txt", "idna\n");
        LoadedRequirements loaded = loader.load(root, Path.of("requirements.txt"));
        assertThat(loaded.files()).extracting(LoadedFile::constraints).containsExactly(false, true, false);
        assertThat(loaded.requirements()).extracting(r -> r.requirement().name()).containsExactly("idna");
    }

    private void write(String relative, String content) throws IOException {
        Path path = root.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private void copyProject(String resource) throws IOException, URISyntaxException {
        Path source = Path.of(RequirementsLoaderTest.class.getResource(resource).toURI());
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = root.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
