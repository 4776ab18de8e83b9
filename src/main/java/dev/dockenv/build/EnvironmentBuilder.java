package dev.dockenv.build;

import dev.dockenv.context.ContextEntry;
import dev.dockenv.context.ContextTar;
import dev.dockenv.context.FileDigestCache;
import dev.dockenv.context.IgnoreRules;
import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.decision.PipSettings;
import dev.dockenv.engine.BuildFailedException;
import dev.dockenv.engine.BuildProgress;
import dev.dockenv.engine.BuildRequest;
import dev.dockenv.engine.Engine;
import dev.dockenv.engine.EngineException;
import dev.dockenv.engine.EngineInfo.BuilderKind;
import dev.dockenv.project.Project;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.FolderTree;
import dev.dockenv.plan.DependencyFolder;
import dev.dockenv.plan.EnvironmentDockerfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dockenv.plan.ImageNames;

/**
 * Identifies a project's environment image by its inputs and builds it only when no image with
 * that identity exists. The build context is a tar dockenv writes itself: only what the build
 * reads (ignored files never leave the machine), reproducible.
 */
public final class EnvironmentBuilder {
    /**
     * In the contexts dockenv assembles for its generated Dockerfile, the project sits under this
     * folder and the Dockerfile beside it: copying the project never copies the Dockerfile (a
     * .dockerignore would not help: BuildKit does not apply it to a context sent as a tar).
     */
    public static final String PROJECT_IN_CONTEXT = "project/";
    private static final String GENERATED_DOCKERFILE = "Dockerfile";

    public static final String LABEL_PROJECT = "dev.dockenv.project";
    public static final String LABEL_TARGET = "dev.dockenv.target";
    public static final String LABEL_INPUTS = "dev.dockenv.inputs";
    public static final String LABEL_VERSION = "dev.dockenv.version";

    private final Engine engine;
    private final String dockenvVersion;
    private final Optional<IndexCredentials> credentials;

    public EnvironmentBuilder(Engine engine, String dockenvVersion) {
        this(engine, dockenvVersion, Optional.empty());
    }

    public EnvironmentBuilder(Engine engine, String dockenvVersion, Optional<IndexCredentials> credentials) {
        this.engine = engine;
        this.dockenvVersion = dockenvVersion;
        this.credentials = credentials;
    }

    /** Computes the image's identity; reads (or, with a cache, re-hashes only changed) context files. */
    public static EnvironmentImage identify(Project project, BuildDefinition definition, FileDigestCache cache) {
        List<ContextEntry> entries = contextEntries(project, definition);
        String hash = ImageIdentity.hash(definition, entries, cache);
        return new EnvironmentImage(ImageNames.repositoryFor(project.name()), hash, definition, entries);
    }

    /**
     * The image {@code identified}, built from another definition of the same inputs (the same
     * tag): its project files those this definition's build reads.
     */
    public static EnvironmentImage rebased(EnvironmentImage identified, Project project, BuildDefinition definition) {
        return new EnvironmentImage(identified.repository(), identified.inputsHash(), definition,
                contextEntries(project, definition));
    }

    /** The project files a definition's build reads (.dockerignore and its exclusions applied). */
    private static List<ContextEntry> contextEntries(Project project, BuildDefinition definition) {
        IgnoreRules rules = ContextSelection.ignoreRules(project.root());
        return ContextSelection.without(definition.contextPaths()
                .map(paths -> ContextSelection.matching(project.root(), paths, rules))
                .orElseGet(() -> ContextSelection.everything(project.root(), rules)), definition.contextExclusions());
    }

    /** The existing image, or a fresh build when missing (or when options ask for a rebuild). */
    public Result ensure(Project project, EnvironmentImage image, BuildOptions options, BuildProgress progress) {
        if (!options.rebuild()) {
            Optional<String> existing = engine.imageId(image.reference());
            if (existing.isPresent()) {
                return new Result(existing.get(), false);
            }
        }
        build(project, image, options, progress);
        String built = engine.imageId(image.reference()).orElseThrow(() -> new EngineException(
                "the build reported success but " + image.reference() + " does not exist", null));
        return new Result(built, true);
    }

    private void build(Project project, EnvironmentImage image, BuildOptions options, BuildProgress progress) {
        BuilderKind builder = engine.info().builder();
        Dialect dialect = builder == BuilderKind.BUILDKIT ? Dialect.BUILDKIT : Dialect.LEGACY;
        BuildDefinition definition = image.definition();
        String dockerfile = BuildDefinitions.textFor(definition, dialect);
        ContextTar.Builder tar = ContextTar.builder();
        String dockerfilePath;
        if (definition.origin() == BuildDefinition.Origin.GENERATED) {
            for (ContextEntry e : image.hashedEntries()) {
                tar.add(new ContextEntry(PROJECT_IN_CONTEXT + e.path(), e.source(), e.kind(), e.size(),
                        e.executable(), e.linkTarget()));
            }
            addDependencyFolders(tar, definition, image.hashedEntries());
            for (var generated : definition.generatedFiles()) {
                tar.addBytes(PROJECT_IN_CONTEXT + generated.path(), generated.content().getBytes(StandardCharsets.UTF_8));
            }
            tar.addBytes(GENERATED_DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8));
            dockerfilePath = GENERATED_DOCKERFILE;
        } else {
            // a user's Dockerfile: the whole (filtered) project, the Dockerfile at its own place in it,
            // as plain docker build sends it
            tar.addAll(definition.contextPaths().isEmpty() ? image.hashedEntries() // identify walked it all already
                    : ContextSelection.everything(project.root(), ContextSelection.ignoreRules(project.root())));
            dockerfilePath = project.relative(definition.userDockerfile().orElseThrow());
            tar.addBytes(dockerfilePath, dockerfile.getBytes(StandardCharsets.UTF_8));
        }
        ContextTar context = tar.build();
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_PROJECT, project.name());
        labels.put(LABEL_TARGET, definition.targetLabel());
        labels.put(LABEL_INPUTS, image.inputsHash());
        labels.put(LABEL_VERSION, dockenvVersion);
        labels.put("org.opencontainers.image.title", project.name());
        if (credentials.isPresent() && dialect != Dialect.BUILDKIT) {
            throw new EngineException("the package index needs credentials, and only BuildKit keeps them out of the "
                    + "image (the legacy builder has no build secrets)", "install the buildx plugin, or set "
                    + "DOCKENV_DOCKER to a docker client with BuildKit");
        }
        // a generated Dockerfile's build arguments are the package index settings: BuildKit gets them as a
        // pip.conf secret, so no index URL is written into the image's history
        boolean indexAsSecret = dialect == Dialect.BUILDKIT && definition.origin() == BuildDefinition.Origin.GENERATED
                && !definition.buildArgs().isEmpty();
        Path secretDir = null;
        try {
            Map<String, Path> secrets = new LinkedHashMap<>();
            if (credentials.isPresent() || indexAsSecret) {
                secretDir = Files.createTempDirectory("dockenv-secret-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            if (credentials.isPresent()) {
                Path netrc = secretDir.resolve("netrc");
                Files.writeString(netrc, credentials.get().netrc());
                secrets.put(EnvironmentDockerfile.NETRC_SECRET, netrc);
            }
            if (indexAsSecret) {
                Path pipConf = secretDir.resolve("pip.conf");
                PipSettings settings = new PipSettings(definition.buildArgs());
                Files.writeString(pipConf, settings.pipConf());
                secrets.put(settings.secretId(), pipConf);
            }
            BuildRequest.ContextWriter writer = definition.origin() == BuildDefinition.Origin.GENERATED
                    ? new GeneratedContext(context) : context::writeTo;
            BuildRequest request = new BuildRequest(writer, dockerfilePath, definition.target(),
                    List.of(image.reference(), image.alias()), labels, indexAsSecret ? Map.of() : definition.buildArgs(),
                    definition.hostNetwork(), options.noCache(), options.pull(), dialect == Dialect.BUILDKIT, secrets);
            try {
                engine.build(request, progress);
            } catch (BuildFailedException failure) {
                if (definition.origin() != BuildDefinition.Origin.GENERATED) {
                    throw failure;
                }
                throw BuildStepHint.of(project, failure).map(failure::withHint).orElse(failure);
            }
        } catch (IOException e) {
            Path where = secretDir != null ? secretDir : Path.of(System.getProperty("java.io.tmpdir"));
            throw new UncheckedIOException("cannot write the package index's settings for the build to " + where, e);
        } finally {
            if (secretDir != null) {
                FolderTree.deleteQuietly(secretDir);
            }
        }
    }

    /**
     * The project files each {@link DependencyFolder} holds, a second time at their paths under it
     * (a link's file as a file, so that the folder holds what the link leads to).
     */
    private static void addDependencyFolders(ContextTar.Builder tar, BuildDefinition definition,
            List<ContextEntry> entries) {
        Map<String, ContextEntry> byPath = new LinkedHashMap<>();
        entries.forEach(e -> byPath.put(e.path(), e));
        for (DependencyFolder folder : definition.dependencyFolders()) {
            for (String file : folder.files()) {
                ContextEntry e = byPath.get(file);
                if (e == null || e.kind() == ContextEntry.Kind.DIRECTORY) {
                    continue; // not in the context (the build reports the missing file, as for any COPY)
                }
                long size = e.size();
                if (e.kind() == ContextEntry.Kind.SYMLINK) {
                    try {
                        size = Files.size(e.source());
                    } catch (IOException x) {
                        throw IoFailures.reading(e.source(), x);
                    }
                }
                tar.add(ContextEntry.file(folder.path() + "/" + file, e.source(), size, false));
            }
        }
    }

    /**
     * A generated Dockerfile's context, streamed or written out as a folder: its root holds only the
     * Dockerfile and project/, so no .dockerignore of the project's applies to the folder again.
     */
    private record GeneratedContext(ContextTar tar) implements BuildRequest.ContextWriter {
        @Override
        public void writeTo(java.io.OutputStream out) throws IOException {
            tar.writeTo(out);
        }

        @Override
        public long directoryBytes() {
            return tar.fileBytes();
        }

        @Override
        public int directoryEntries() {
            return tar.paths().size();
        }

        @Override
        public void writeToDirectory(Path dir) throws IOException {
            tar.writeToDirectory(dir);
        }
    }

    /**
     * An image ready to run (its ID, asked of the engine's socket where the client would be
     * slower: nothing else of the image is needed), and whether this call built it.
     */
    public record Result(String imageId, boolean built) {
    }
}
