package dev.dockenv.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.engine.DockerCli;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.ImageReference;
import dev.dockenv.engine.LocalProcessRunner;
import dev.dockenv.engine.PushedImage;
import dev.dockenv.engine.RegistryRefusal;
import dev.dockenv.engine.RegistryRefusedException;
import dev.dockenv.engine.TransferProgress;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.FileAccessException;
import dev.dockenv.it.support.Docker;
import dev.dockenv.it.support.Exec;
import dev.dockenv.it.support.TestRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's push, pull, tag, save and load against the real engine and the real registry
 * scripts/ensure-registry.sh starts (Debian's docker-registry on 127.0.0.1 with htpasswd auth):
 * docker logs in with a DOCKER_CONFIG of the test's own (root's ~/.docker is never touched), what
 * was pushed is read back through the registry's v2 API, the local images are deleted and pulled
 * back, and every refusal is its typed failure with exit code 12.
 */
class RegistryIT {
    private static final Duration PUSH_LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    private TestRegistry registry;
    private final List<String> localImages = new ArrayList<>();
    private Path mount;

    @BeforeEach
    void setUp() {
        Docker.requireEngine();
        registry = TestRegistry.require();
    }

    @AfterEach
    void cleanUp() {
        if (mount != null) {
            Exec.of("umount", mount.toString()).run();
        }
        Docker.removeImages(localImages.toArray(String[]::new));
    }

    /** The engine as dockenv makes it, with docker's configuration in {@code dockerConfig}. */
    private static Engine engine(Path dockerConfig) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("DOCKER_CONFIG", dockerConfig.toString());
        return DockerCli.fromEnvironment(env, new LocalProcessRunner());
    }

    /**
     * A small image of its own (the base image and one layer with {@code payload} bytes of random
     * data at /payload, a label), tagged {@code name}; returns the payload's sha256.
     */
    private String buildImage(String name, int payload) throws IOException {
        Path context = Files.createDirectories(tmp.resolve("context-" + localImages.size()));
        byte[] data = new byte[payload];
        new Random(name.hashCode()).nextBytes(data);
        Files.write(context.resolve("payload"), data);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + Docker.BASE_IMAGE + "\n"
                + "COPY payload /payload\n"
                + "LABEL dev.dockenv.test=registry-it\n"
                + "CMD [\"python3\", \"-c\", \"import hashlib; print(hashlib.sha256(open('/payload','rb').read())"
                + ".hexdigest())\"]\n");
        Docker.exec("build", "-q", "-t", name, context.toString())
                .timeout(Duration.ofMinutes(5)).run().assertOk();
        localImages.add(name);
        return sha256(data);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImageReference ref(String text) {
        localImages.add(text);
        return ImageReference.of(text);
    }

    private static String runImage(String reference) {
        return Docker.exec("run", "--rm", reference).timeout(Duration.ofMinutes(2)).run().assertOk().stdout().strip();
    }

    @Test
    void pushedTagsAreInTheRegistryAndPullBackToAnEngineWithoutThem() throws IOException {
        Engine engine = engine(registry.login(tmp.resolve("docker-config")));
        String repository = registry.newRepository("push");
        String source = Docker.uniqueName("dockenv-registry-it");
        String payload = buildImage(source, 64 * 1024);
        ImageReference version = ref(repository + ":1.4.0");
        ImageReference latest = ref(repository + ":latest");

        engine.tag(Docker.imageId(source), version);
        engine.tag(source, latest);
        List<String> lines = new CopyOnWriteArrayList<>();
        PushedImage pushedVersion = engine.push(version, lines::add);
        PushedImage pushedLatest = engine.push(latest, TransferProgress.quiet());

        assertThat(lines).anyMatch(l -> l.startsWith("The push refers to repository [" + repository + "]"))
                .anyMatch(l -> l.contains("digest: " + pushedVersion.digest()));
        assertThat(pushedVersion.digest()).matches("sha256:[0-9a-f]{64}").isEqualTo(pushedLatest.digest());
        assertThat(registry.tags(repository)).containsExactly("1.4.0", "latest");
        assertThat(registry.manifestDigest(repository, "1.4.0")).contains(pushedVersion.digest());
        assertThat(registry.labels(repository, pushedVersion.digest())).containsEntry("dev.dockenv.test", "registry-it");

        Docker.runOk("rmi", source, version.text(), latest.text());
        assertThat(Docker.imageExists(version.text())).isFalse();
        engine.pull(ref(pushedVersion.byDigest()), TransferProgress.quiet());
        engine.pull(version, TransferProgress.quiet());

        assertThat(runImage(version.text())).isEqualTo(payload);
    }

    @Test
    void withoutALoginThePushIsRefusedAsNotLoggedInAndNothingIsPushed() throws IOException {
        Engine engine = engine(Files.createDirectories(tmp.resolve("empty-docker-config")));
        String repository = registry.newRepository("nologin");
        String source = Docker.uniqueName("dockenv-registry-it");
        buildImage(source, 1024);
        ImageReference target = ref(repository + ":1");
        engine.tag(source, target);

        RegistryRefusedException e = catchThrowableOfType(() -> engine.push(target, TransferProgress.quiet()),
                RegistryRefusedException.class);

        assertThat(e).as("a push without a login must fail").isNotNull();
        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.NotLoggedIn.class);
        assertThat(e.exitCode()).isEqualTo(ExitCode.REGISTRY_REFUSED);
        assertThat(e.getMessage()).isEqualTo("cannot push " + target + ": not logged in to " + registry.address()
                + " (docker has no credentials for it)");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("`docker login " + registry.address() + "`"));
        assertThat(registry.tags(repository)).isEmpty();
    }

    /**
     * A wrong password: `docker login` itself refuses it; credentials that were right once (a
     * password changed since, written as `docker login` writes them) are rejected at the push.
     */
    @Test
    void aWrongPasswordIsRefusedAsRejectedCredentials() throws IOException {
        Path config = Files.createDirectories(tmp.resolve("wrong-docker-config"));
        var login = Docker.exec("login", "--username", registry.user(), "--password-stdin", registry.address())
                .env("DOCKER_CONFIG", config.toString()).stdin("not-the-password\n").run();
        assertThat(login.exitCode()).isNotZero();
        assertThat(login.stderr()).contains("401 Unauthorized");
        String auth = Base64.getEncoder().encodeToString((registry.user() + ":not-the-password")
                .getBytes(StandardCharsets.UTF_8));
        Files.writeString(config.resolve("config.json"), "{\"auths\": {\"" + registry.address() + "\": {\"auth\": \""
                + auth + "\"}}}\n");
        Engine engine = engine(config);
        String repository = registry.newRepository("wrong");
        String source = Docker.uniqueName("dockenv-registry-it");
        buildImage(source, 1024);
        ImageReference target = ref(repository + ":1");
        engine.tag(source, target);

        RegistryRefusedException e = catchThrowableOfType(() -> engine.push(target, TransferProgress.quiet()),
                RegistryRefusedException.class);

        assertThat(e).as("a push with a wrong password must fail").isNotNull();
        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.Unauthorized.class);
        assertThat(e.exitCode().code()).isEqualTo(12);
        assertThat(e.getMessage()).doesNotContain("not-the-password").doesNotContain(auth);
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("`docker login " + registry.address()
                + "` again"));
        assertThat(registry.tags(repository)).isEmpty();
    }

    @Test
    void aRegistryThatDoesNotListenIsUnreachableNotTheEngine() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Engine engine = engine(registry.login(tmp.resolve("docker-config")));
        String source = Docker.uniqueName("dockenv-registry-it");
        buildImage(source, 1024);
        ImageReference target = ref("127.0.0.1:" + port + "/dockenv-it/closed:1");
        engine.tag(source, target);

        RegistryRefusedException e = catchThrowableOfType(() -> engine.push(target, TransferProgress.quiet()),
                RegistryRefusedException.class);

        assertThat(e).as("a push to a closed port must fail as a registry failure").isNotNull();
        assertThat(e.refusal()).isInstanceOf(RegistryRefusal.Unreachable.class);
        assertThat(e.getMessage()).contains("127.0.0.1:" + port + " cannot be reached").contains("connection refused");
        assertThat(e.exitCode()).isEqualTo(ExitCode.REGISTRY_REFUSED);
    }

    /**
     * A push killed half way (SIGKILL to the docker client while a layer is being uploaded) leaves
     * no manifest in the registry; pushing again finishes it, and what is pulled back runs with the
     * same bytes.
     */
    @Test
    void aPushKilledHalfWayCanBeRepeated() throws Exception {
        Engine engine = engine(registry.login(tmp.resolve("docker-config")));
        String repository = registry.newRepository("killed");
        String source = Docker.uniqueName("dockenv-registry-it");
        String payload = buildImage(source, 150 * 1024 * 1024);
        ImageReference target = ref(repository + ":1");
        engine.tag(source, target);
        Path uploads = registry.uploadsFolder(repository);

        CompletableFuture<PushedImage> first = CompletableFuture.supplyAsync(
                () -> engine.push(target, TransferProgress.quiet()));
        long uploaded = waitForUpload(uploads, 1024 * 1024, first);
        List<ProcessHandle> pushes = ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(target.text())).orElse(false))
                .toList();
        assertThat(pushes).as("the docker push client").hasSize(1);
        pushes.get(0).destroyForcibly();

        Throwable failure = catchThrowableOfType(() -> first.get(PUSH_LIMIT.toSeconds(), TimeUnit.SECONDS),
                java.util.concurrent.ExecutionException.class).getCause();
        assertThat(failure).isInstanceOf(RegistryRefusedException.class);
        assertThat(failure.getMessage()).contains("stopped by signal 9");
        assertThat(uploaded).isPositive();
        assertThat(registry.manifestDigest(repository, "1")).as("no manifest after the killed push").isEmpty();

        PushedImage second = engine.push(target, TransferProgress.quiet());

        assertThat(registry.manifestDigest(repository, "1")).contains(second.digest());
        Docker.runOk("rmi", source, target.text());
        engine.pull(target, TransferProgress.quiet());
        assertThat(runImage(target.text())).isEqualTo(payload);
    }

    /** Waits until an upload of the repository holds {@code bytes}; returns its size. */
    private static long waitForUpload(Path uploads, long bytes, CompletableFuture<?> push) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (push.isDone()) {
                push.get();
                throw new AssertionError("the push ended before an upload of " + bytes + " bytes was seen in " + uploads);
            }
            if (Files.isDirectory(uploads)) {
                try (var files = Files.walk(uploads)) {
                    long largest = files.filter(p -> p.getFileName().toString().equals("data"))
                            .mapToLong(p -> p.toFile().length()).max().orElse(0);
                    if (largest >= bytes) {
                        return largest;
                    }
                } catch (java.io.UncheckedIOException e) {
                    // an upload finished while it was listed: look again
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no upload reached " + bytes + " bytes in " + uploads);
    }

    @Test
    void aSavedArchiveLoadsBackIntoAnEngineWithoutTheImages() throws IOException {
        Engine engine = engine(tmp.resolve("unused-docker-config"));
        String source = Docker.uniqueName("dockenv-registry-it");
        String payload = buildImage(source, 64 * 1024);
        String repository = registry.newRepository("saved");
        ImageReference version = ref(repository + ":1.4.0");
        ImageReference latest = ref(repository + ":latest");
        engine.tag(source, version);
        engine.tag(source, latest);
        Path archive = tmp.resolve("dist/shop-1.4.0.tar.gz");

        engine.save(List.of(version, latest), archive);

        try (InputStream in = Files.newInputStream(archive)) {
            byte[] magic = in.readNBytes(2);
            assertThat(magic).containsExactly(0x1f, 0x8b);
        }
        assertThat(Files.list(archive.getParent())).containsExactly(archive);
        Docker.runOk("rmi", source, version.text(), latest.text());

        List<String> loaded = engine.load(archive);

        assertThat(loaded).containsExactlyInAnyOrder(version.text(), latest.text());
        assertThat(runImage(latest.text())).isEqualTo(payload);
        assertThat(Docker.imageId(version.text())).isEqualTo(Docker.imageId(latest.text()));
    }

    @Test
    void aSaveOntoAFullDiskIsAFileErrorAndLeavesNothing() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a small disk needs root");
        Engine engine = engine(tmp.resolve("unused-docker-config"));
        Path disk = Files.createDirectories(tmp.resolve("small-disk"));
        Exec.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString()).run().assertOk();
        mount = disk;
        Path archive = disk.resolve("base.tar.gz");

        FileAccessException e = catchThrowableOfType(() -> engine.save(List.of(ImageReference.of(Docker.BASE_IMAGE)),
                archive), FileAccessException.class);

        assertThat(e).as("a save onto a 1 MB disk must fail").isNotNull();
        assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
        assertThat(e.getMessage()).isEqualTo("cannot write " + archive + ": No space left on device");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("full"));
        assertThat(Files.list(disk)).isEmpty();
    }

    @Test
    void aSaveIntoAReadOnlyFolderIsAFileErrorNamingIt() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "mounting a read-only disk needs root");
        Engine engine = engine(tmp.resolve("unused-docker-config"));
        Path disk = Files.createDirectories(tmp.resolve("read-only"));
        Exec.of("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", disk.toString()).run().assertOk();
        mount = disk;
        Path archive = disk.resolve("base.tar.gz");

        FileAccessException e = catchThrowableOfType(() -> engine.save(List.of(ImageReference.of(Docker.BASE_IMAGE)),
                archive), FileAccessException.class);

        assertThat(e).as("a save into a read-only folder must fail").isNotNull();
        assertThat(e.getMessage()).isEqualTo("cannot write " + archive + ": Read-only file system");
        assertThat(Files.list(disk)).isEmpty();
    }
}
