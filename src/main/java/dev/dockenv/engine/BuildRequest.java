package dev.dockenv.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One image build: a context written on demand, as a tar or a folder (the Dockerfile inside it), a target stage,
 * tags, labels and options. Build arguments never carry secrets: those are files passed as BuildKit
 * secrets (id to a private file), mounted only while a step runs.
 */
public record BuildRequest(
        ContextWriter context,
        String dockerfilePath,
        Optional<String> target,
        List<String> tags,
        Map<String, String> labels,
        Map<String, String> buildArgs,
        boolean hostNetwork,
        boolean noCache,
        boolean pull,
        boolean useBuildKit,
        Map<String, java.nio.file.Path> secrets) {

    public BuildRequest {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
        buildArgs = Map.copyOf(buildArgs);
        secrets = Map.copyOf(secrets);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("a build needs a tag");
        }
    }

    /**
     * Streams the build context as a tar; a context that can also be written as a folder says how
     * many bytes its files hold (a builder that reads a folder, BuildKit, starts sooner from one than
     * from a streamed tar, which it must unpack before a step can mount it).
     */
    @FunctionalInterface
    public interface ContextWriter {
        void writeTo(OutputStream out) throws IOException;

        /** The bytes of the files {@link #writeToDirectory} would write; -1 when it can only be streamed. */
        default long directoryBytes() {
            return -1;
        }

        /** How many files, folders and links {@link #writeToDirectory} would write. */
        default int directoryEntries() {
            return 0;
        }

        /** Writes the context's entries under {@code dir}, an empty folder. */
        default void writeToDirectory(java.nio.file.Path dir) throws IOException {
            throw new UnsupportedOperationException("this build context can only be streamed");
        }
    }
}
