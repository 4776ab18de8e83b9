package dev.dockenv.vcs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.engine.LocalProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against the real git program, in a repository of the test's own. */
class GitReaderTest {
    @TempDir
    Path repo;

    private final Map<String, String> env = environment();

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "t");
        env.put("GIT_AUTHOR_EMAIL", "t@example.com");
        env.put("GIT_COMMITTER_NAME", "t");
        env.put("GIT_COMMITTER_EMAIL", "t@example.com");
        env.put("GIT_COMMITTER_DATE", "2026-11-30T12:00:00Z");
        env.put("GIT_AUTHOR_DATE", "2026-11-30T12:00:00Z");
        return env;
    }

    private void git(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        var r = new LocalProcessRunner().run(command, env, null);
        assertThat(r.exitCode()).as(r.stderr()).isZero();
    }

    private GitReader.Result read() {
        return new GitReader(new LocalProcessRunner(), env).read(repo);
    }

    private void committed() throws IOException {
        git("init", "-q");
        Files.writeString(repo.resolve("app.py"), "print(1)\n");
        Files.writeString(repo.resolve(".gitignore"), "*.log\n");
        git("add", "-A");
        git("commit", "-q", "-m", "first");
    }

    @Test
    void aFolderOutsideAnyRepositoryHasNoRevision() {
        assertThat(read()).isInstanceOfSatisfying(GitReader.Result.None.class,
                n -> assertThat(n.why()).contains("is not in a git repository"));
    }

    @Test
    void aRepositoryWithoutCommitHasNone() throws IOException {
        git("init", "-q");
        assertThat(read()).isInstanceOfSatisfying(GitReader.Result.None.class,
                n -> assertThat(n.why()).isEqualTo("the git repository has no commit yet"));
    }

    @Test
    void aCleanCommitWithItsTime() throws IOException {
        committed();
        GitRevision r = ((GitReader.Result.Found) read()).revision();
        assertThat(r.commit()).matches("[0-9a-f]{40}");
        assertThat(r.dirty()).isFalse();
        assertThat(r.commitTime()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
        assertThat(r.source()).isEmpty();
    }

    @Test
    void changedAndUntrackedFilesAreDirtyIgnoredOnesAreNot() throws IOException {
        committed();
        Files.writeString(repo.resolve("debug.log"), "x");
        assertThat(((GitReader.Result.Found) read()).revision().dirty()).isFalse();
        Files.writeString(repo.resolve("new.py"), "x");
        assertThat(((GitReader.Result.Found) read()).revision().dirty()).isTrue();
        Files.delete(repo.resolve("new.py"));
        Files.writeString(repo.resolve("app.py"), "print(2)\n");
        assertThat(((GitReader.Result.Found) read()).revision().dirty()).isTrue();
    }

    @Test
    void theRemotesAddressLosesItsCredentials() throws IOException {
        committed();
        git("remote", "add", "origin", "https://ci:s3cr3t@example.com/team/shop.git");
        assertThat(((GitReader.Result.Found) read()).revision().source())
                .isEqualTo(Optional.of("https://example.com/team/shop.git"));
        assertThat(RepositoryAddress.withoutCredentials("git@example.com:team/shop.git"))
                .isEqualTo("git@example.com:team/shop.git");
    }

    @Test
    void aChangeOnlyToWhatIsNotReleasedIsNoChangeEvenInASubfolderOfTheRepository() throws IOException {
        committed();
        Path project = Files.createDirectories(repo.resolve("services/shop"));
        Files.writeString(project.resolve("main.py"), "print(1)\n");
        git("add", "-A");
        git("commit", "-q", "-m", "shop");
        List<String> notReleased = List.of("deploy/stack.yaml", "deploy/*.stack.yaml", "k8s");
        for (Path folder : List.of(repo, project)) {
            Files.createDirectories(folder.resolve("deploy"));
            Files.createDirectories(folder.resolve("k8s"));
            Files.writeString(folder.resolve("deploy/stack.yaml"), "version: \"3.9\"\n");
            Files.writeString(folder.resolve("deploy/web.stack.yaml"), "version: \"3.9\"\n");
            Files.writeString(folder.resolve("k8s/deployment.yaml"), "kind: Deployment\n");
            GitReader reader = new GitReader(new LocalProcessRunner(), env);

            assertThat(((GitReader.Result.Found) reader.read(folder, notReleased)).revision().dirty()).as(folder.toString())
                    .isFalse();
            assertThat(((GitReader.Result.Found) reader.read(folder)).revision().dirty()).isTrue();
            Files.writeString(folder.resolve("deploy/notes.txt"), "x");
            assertThat(((GitReader.Result.Found) reader.read(folder, notReleased)).revision().dirty()).isTrue();
            Files.delete(folder.resolve("deploy/notes.txt"));
        }
        // the project's own folder: what the repository's root has outside it does not count either
        Files.writeString(repo.resolve("deploy/notes.txt"), "x");
        assertThat(((GitReader.Result.Found) new GitReader(new LocalProcessRunner(), env).read(project, notReleased))
                .revision().dirty()).isFalse();
    }
}
