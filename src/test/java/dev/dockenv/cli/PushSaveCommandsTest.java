package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.engine.ImageSummary;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.engine.PushedImage;
import dev.dockenv.engine.RegistryRefusal;
import dev.dockenv.engine.RegistryRefusedException;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push and save of a release's references, over the in-memory engine. */
class PushSaveCommandsTest {
    private static final String IMAGE_ID = "sha256:" + "ab".repeat(32);
    private static final String REPOSITORY = "registry.example.com/team/shop";
    private static final ReleaseReferences RELEASE = new ReleaseReferences(REPOSITORY,
            List.of("1.4.0", "sha-0a1b2c3", "latest"), IMAGE_ID);

    @TempDir
    Path tmp;

    private final FakeEngine engine = new FakeEngine();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Session session;

    @BeforeEach
    void setUp() {
        engine.images.put("dockenv-shop:prod-123", new ImageSummary(IMAGE_ID, 1234, "2026-11-21T00:00:00Z", Map.of()));
        session = new Session(tmp, Map.of(), new PrintWriter(out), new PrintWriter(err), new LocalProcessRunner(),
                false, () -> engine);
    }

    @Test
    void everyTagIsGivenToTheImageAndPushedInOrder() {
        List<PushedImage> pushed = new ReleasePush(session, false).push(RELEASE);

        assertThat(engine.pushes).containsExactly(REPOSITORY + ":1.4.0", REPOSITORY + ":sha-0a1b2c3",
                REPOSITORY + ":latest");
        assertThat(pushed).extracting(PushedImage::digest).containsOnly(pushed.get(0).digest());
        assertThat(out.toString().lines()).containsExactly(REPOSITORY + ":1.4.0@" + pushed.get(0).digest(),
                REPOSITORY + ":sha-0a1b2c3@" + pushed.get(0).digest(), REPOSITORY + ":latest@" + pushed.get(0).digest());
        assertThat(err.toString()).contains("dockenv: pushing " + REPOSITORY + ":1.4.0\n",
                "  The push refers to repository [" + REPOSITORY + "]");
    }

    @Test
    void quietPrintsOnlyTheDigests() {
        new ReleasePush(session, true).push(RELEASE);

        assertThat(err.toString()).isEmpty();
        assertThat(out.toString().lines()).hasSize(3);
    }

    @Test
    void aRefusalStopsThePushWithExitTwelve() {
        engine.refusals.put("registry.example.com", new RegistryRefusal.NotLoggedIn("registry.example.com",
                "no basic auth credentials"));

        RegistryRefusedException e = catchThrowableOfType(() -> new ReleasePush(session, false).push(RELEASE),
                RegistryRefusedException.class);

        assertThat(e.exitCode().code()).isEqualTo(12);
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("docker login registry.example.com"));
        assertThat(engine.pushes).isEmpty();
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aReferenceDockerWouldRefuseIsAUsageError() {
        DockenvException e = catchThrowableOfType(() -> new ReleaseReferences("Registry.example.com/Team/Shop",
                List.of("1.4.0"), IMAGE_ID), DockenvException.class);
        DockenvException option = catchThrowableOfType(() -> new ReleaseReferences(REPOSITORY, List.of("-all"),
                IMAGE_ID), DockenvException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(e.getMessage()).isEqualTo("'Registry.example.com/Team/Shop:1.4.0' is not an image reference");
        assertThat(option.exitCode()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void saveWritesOneArchiveNamedForTheFirstTagThatLoadsBackWithEveryTag() throws Exception {
        Path archive = new ReleaseArchive(session).save(RELEASE, Optional.empty());

        assertThat(archive).isEqualTo(tmp.resolve("shop-1.4.0.tar.gz"));
        assertThat(out.toString()).isEqualTo(archive + "\n");
        assertThat(err.toString()).contains("`docker load -i " + archive + "` restores them");
        FakeEngine elsewhere = new FakeEngine();
        assertThat(elsewhere.load(archive)).containsExactly(REPOSITORY + ":1.4.0", REPOSITORY + ":sha-0a1b2c3",
                REPOSITORY + ":latest");
        assertThat(elsewhere.images.get(REPOSITORY + ":latest").id()).isEqualTo(IMAGE_ID);
    }

    @Test
    void saveWritesWhereOutputSaysRelativeToTheStartFolder() {
        Path archive = new ReleaseArchive(session).save(RELEASE, Optional.of(Path.of("dist/shop.tar.gz")));

        assertThat(archive).isEqualTo(tmp.resolve("dist/shop.tar.gz"));
        assertThat(Files.isRegularFile(archive)).isTrue();
    }

    @Test
    void saveIntoAFileAsFolderIsAFileErrorNamingIt() throws Exception {
        Files.writeString(tmp.resolve("dist"), "a file");

        FileAccessException e = catchThrowableOfType(() -> new ReleaseArchive(session).save(RELEASE,
                Optional.of(Path.of("dist/shop.tar.gz"))), FileAccessException.class);

        assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
        assertThat(e.getMessage()).contains(tmp.resolve("dist").toString()).contains("Not a directory");
    }
}
