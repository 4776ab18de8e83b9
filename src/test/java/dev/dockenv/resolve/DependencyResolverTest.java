package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.pep.Requirement;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The resolver's choices on an index held in memory: what pip would choose, and when to stop. */
class DependencyResolverTest {
    private static final TargetPlatform CPYTHON_311 = new TargetPlatform(MarkerEnvironment.forLinux("3.11.2"),
            Optional.of("2.36"), Optional.empty());

    /** An index in memory: files by project, metadata by file name; counts metadata reads. */
    private static final class FakeIndex implements IndexProjects {
        final Map<String, List<ProjectPage.ProjectFile>> files = new LinkedHashMap<>();
        final Map<String, String> metadata = new HashMap<>();
        final List<String> read = new ArrayList<>();

        FakeIndex wheel(String name, String version, String requires, String... extra) {
            return file(name + "-" + version + "-py3-none-any.whl", name, version, requires, Optional.empty(), false, extra);
        }

        FakeIndex file(String fileName, String name, String version, String requires, Optional<String> requiresPython,
                boolean yanked, String... extra) {
            files.computeIfAbsent(name, k -> new ArrayList<>()).add(new ProjectPage.ProjectFile(fileName,
                    "http://index/files/" + fileName, List.of("sha256:" + "0".repeat(64)), requiresPython, yanked, false));
            StringBuilder m = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
            for (String r : requires.isEmpty() ? new String[0] : requires.split(";;")) {
                m.append("Requires-Dist: ").append(r).append('\n');
            }
            for (String e : extra) {
                m.append(e).append('\n');
            }
            metadata.put(fileName, m.append("\nThe description.\nRequires-Dist: not-a-header\n").toString());
            return this;
        }

        @Override
        public List<ProjectPage.ProjectFile> files(String project) {
            return files.getOrDefault(project, List.of());
        }

        @Override
        public Optional<CoreMetadata> metadata(ProjectPage.ProjectFile file) {
            read.add(file.fileName());
            return file.isWheel() ? Optional.of(CoreMetadata.parse(metadata.get(file.fileName()))) : Optional.empty();
        }
    }

    private static List<Requirement> reqs(String... texts) throws Exception {
        List<Requirement> out = new ArrayList<>();
        for (String t : texts) {
            out.add(Requirement.parse(t));
        }
        return out;
    }

    private static List<String> pins(DependencyResolver.Outcome outcome) {
        assertThat(outcome).isInstanceOf(DependencyResolver.Outcome.Resolved.class);
        return ((DependencyResolver.Outcome.Resolved) outcome).pins().stream()
                .map(p -> p.name() + "==" + p.versionText()).toList();
    }

    private static DependencyResolver resolver(FakeIndex index) {
        return new DependencyResolver(index, CPYTHON_311, false, Map.of());
    }

    @Test
    void theNewestAllowedVersionsWithTheirDependenciesForTheTargetsMarkers() throws Exception {
        FakeIndex index = new FakeIndex().wheel("flask", "2.2.2", "click>=8.0;;colorama; platform_system == \"Windows\""
                        + ";;importlib-metadata>=3.6; python_version < \"3.10\"")
                .wheel("flask", "2.3.0", "click>=8.1").wheel("click", "7.0", "").wheel("click", "8.1.3", "")
                .wheel("colorama", "0.4.6", "").wheel("importlib-metadata", "6.0", "");
        assertThat(pins(resolver(index).resolve(reqs("flask<2.3"), List.of()))).containsExactly("flask==2.2.2",
                "click==8.1.3");
        assertThat(index.read).as("the description's lines are no headers").doesNotContain("colorama-0.4.6-py3-none-any.whl");
    }

    @Test
    void extrasAddTheirDependenciesOnceAskedEvenAfterThePin() throws Exception {
        FakeIndex index = new FakeIndex().wheel("app", "1.0", "web").wheel("web", "1.0",
                "base;;asgi>=2; extra == \"async\";;base; extra == \"async\"", "Provides-Extra: async")
                .wheel("base", "1.0", "").wheel("asgi", "1.0", "").wheel("asgi", "2.0", "").wheel("other", "1.0", "web[async]");
        assertThat(pins(resolver(index).resolve(reqs("app", "other"), List.of())))
                .containsExactly("app==1.0", "other==1.0", "web==1.0", "base==1.0", "asgi==2.0");
        assertThat(pins(resolver(index).resolve(reqs("web"), List.of()))).containsExactly("web==1.0", "base==1.0");
    }

    @Test
    void aConflictGoesBackToAnOlderVersion() throws Exception {
        FakeIndex index = new FakeIndex().wheel("a", "2.0", "b>=2").wheel("a", "1.0", "b<2").wheel("b", "2.0", "")
                .wheel("b", "1.0", "").wheel("c", "1.0", "b<2");
        assertThat(pins(resolver(index).resolve(reqs("a", "c"), List.of()))).containsExactly("a==1.0", "c==1.0", "b==1.0");
        DependencyResolver.Outcome none = resolver(index).resolve(reqs("a>=2", "c"), List.of());
        assertThat(none).isInstanceOfSatisfying(DependencyResolver.Outcome.Unresolvable.class,
                u -> assertThat(u.reason()).contains("b"));
    }

    @Test
    void constraintsLimitWithoutAddingAndPreferredVersionsComeFirst() throws Exception {
        FakeIndex index = new FakeIndex().wheel("a", "1.0", "").wheel("a", "1.1", "").wheel("a", "2.0", "")
                .wheel("z", "1.0", "");
        assertThat(pins(resolver(index).resolve(reqs("a"), reqs("a<2", "z==1.0")))).containsExactly("a==1.1");
        DependencyResolver preferring = new DependencyResolver(index, CPYTHON_311, false,
                Map.of("a", Version.parse("1.0")));
        assertThat(pins(preferring.resolve(reqs("a"), List.of()))).as("the lock's version, still allowed").containsExactly("a==1.0");
        assertThat(pins(preferring.resolve(reqs("a>1.0"), List.of()))).as("no longer allowed: the newest").containsExactly("a==2.0");
    }

    @Test
    void preReleasesOnlyWhenAskedOrAloneAndYankedFilesOnlyWhenPinned() throws Exception {
        FakeIndex index = new FakeIndex().wheel("a", "1.0", "").wheel("a", "2.0b1", "").wheel("s", "1.8.1b0", "")
                .file("y-2.0-py3-none-any.whl", "y", "2.0", "", Optional.empty(), true).wheel("y", "1.0", "");
        assertThat(pins(resolver(index).resolve(reqs("a", "s", "y"), List.of()))).containsExactly("a==1.0", "s==1.8.1b0",
                "y==1.0");
        assertThat(pins(resolver(index).resolve(reqs("a>=2.0b1", "y==2.0"), List.of()))).containsExactly("a==2.0b1", "y==2.0");
        assertThat(pins(new DependencyResolver(index, CPYTHON_311, true, Map.of()).resolve(reqs("a"), List.of())))
                .as("--pre").containsExactly("a==2.0b1");
    }

    @Test
    void filesTheTargetCannotInstallAreNotCandidates() throws Exception {
        FakeIndex index = new FakeIndex()
                .file("n-2.0-cp312-cp312-manylinux_2_17_x86_64.whl", "n", "2.0", "", Optional.empty(), false)
                .file("n-1.9-cp311-cp311-musllinux_1_1_x86_64.whl", "n", "1.9", "", Optional.empty(), false)
                .file("n-1.8-cp311-cp311-manylinux_2_39_x86_64.whl", "n", "1.8", "", Optional.empty(), false)
                .file("n-1.7-cp39-abi3-manylinux2014_x86_64.whl", "n", "1.7", "", Optional.empty(), false)
                .file("n-1.7-cp311-cp311-win_amd64.whl", "n", "1.7", "", Optional.empty(), false)
                .file("p-3.0-py3-none-any.whl", "p", "3.0", "", Optional.of(">=3.12"), false)
                .file("p-2.0-py3-none-any.whl", "p", "2.0", "", Optional.empty(), false, "Requires-Python: >=3.12")
                .wheel("p", "1.0", "");
        DependencyResolver.Outcome outcome = resolver(index).resolve(reqs("n", "p"), List.of());
        assertThat(pins(outcome)).containsExactly("n==1.7", "p==1.0");
        assertThat(((DependencyResolver.Outcome.Resolved) outcome).pins().get(0).file().fileName())
                .isEqualTo("n-1.7-cp39-abi3-manylinux2014_x86_64.whl");
    }

    @Test
    void aVersionOnlyASourceDistributionProvidesNeedsABuild() throws Exception {
        FakeIndex index = new FakeIndex().wheel("a", "1.0", "b")
                .file("b-2.0.tar.gz", "b", "2.0", "", Optional.empty(), false);
        assertThat(resolver(index).resolve(reqs("a"), List.of()))
                .isEqualTo(new DependencyResolver.Outcome.NeedsBuild("b", "2.0"));
    }

    @Test
    void markersOfTheRequirementsThemselvesAreEvaluated() throws Exception {
        FakeIndex index = new FakeIndex().wheel("a", "1.0", "").wheel("w", "1.0", "");
        assertThat(pins(resolver(index).resolve(reqs("a; python_version >= \"3.8\"", "w; sys_platform == \"win32\""),
                List.of()))).containsExactly("a==1.0");
    }
}
