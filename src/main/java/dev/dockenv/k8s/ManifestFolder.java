package dev.dockenv.k8s;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes apps' manifests into a folder ({@code -o k8s/}), one multi-document file per app
 * ({@code NAME.yaml}): {@code kubectl apply -f k8s/} applies every app, {@code kubectl apply -f
 * k8s/shop.yaml} (or {@code delete -f}) one, and two apps never write the same file. Within a file
 * the documents come in the order they must be created: the ConfigMap the pods read, the Service,
 * the Deployment.
 *
 * <p>Each file is written whole or not at all ({@link AtomicFiles}). A file dockenv did not write
 * (its first line is not {@link KubernetesManifests#MARKER}) is never overwritten without
 * {@code force}: then nothing at all is written and the error ({@link ExitCode#WOULD_OVERWRITE})
 * names every such file. A file dockenv wrote is replaced (its first line says so), and left alone
 * when its content is already the same.
 */
public final class ManifestFolder {
    private static final byte[] MARKER = KubernetesManifests.MARKER.getBytes(StandardCharsets.UTF_8);

    /** What happened to one file. */
    public enum Outcome {
        CREATED, REPLACED, UNCHANGED
    }

    /** A file of the folder and what happened to it. */
    public record Written(Path file, Outcome outcome) {
    }

    private final Path folder;

    public ManifestFolder(Path folder) {
        this.folder = Objects.requireNonNull(folder);
    }

    /**
     * Writes each app's file, in the order given.
     *
     * @throws DockenvException {@link ExitCode#WOULD_OVERWRITE} when, without {@code force}, a file
     *         to write exists and dockenv did not write it (nothing is written then); or
     *         {@link ExitCode#USAGE} when two of the apps have the same file name
     * @throws IOException when a file cannot be read or written (naming it, see {@link AtomicFiles})
     */
    public List<Written> write(List<Manifests> manifests, boolean force) throws IOException {
        Set<String> names = new HashSet<>();
        for (Manifests m : manifests) {
            if (!names.add(m.fileName())) {
                throw new DockenvException(ExitCode.USAGE, "two apps would be written to the same file "
                        + folder.resolve(m.fileName()) + " (their names give the same Kubernetes name '"
                        + m.names().base() + "')", "rename one of the apps");
            }
        }
        List<String> foreign = new ArrayList<>();
        for (Manifests m : manifests) {
            Path file = folder.resolve(m.fileName());
            if (Files.exists(file) && !writtenByDockenv(file)) {
                foreign.add(file.toString());
            }
        }
        if (!force && !foreign.isEmpty()) {
            throw new DockenvException(ExitCode.WOULD_OVERWRITE, String.join(", ", foreign)
                    + (foreign.size() == 1 ? " exists and was not" : " exist and were not")
                    + " written by dockenv; nothing was written",
                    "dockenv deploy k8s --force overwrites " + (foreign.size() == 1 ? "it" : "them")
                            + ", -o FOLDER writes elsewhere");
        }
        List<Written> written = new ArrayList<>();
        for (Manifests m : manifests) {
            Path file = folder.resolve(m.fileName());
            byte[] content = m.yaml().getBytes(StandardCharsets.UTF_8);
            boolean exists = Files.exists(file);
            if (exists && Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                written.add(new Written(file, Outcome.UNCHANGED));
                continue;
            }
            AtomicFiles.write(file, content);
            written.add(new Written(file, exists ? Outcome.REPLACED : Outcome.CREATED));
        }
        return written;
    }

    /** Whether the file begins with dockenv's first line (a folder or an unreadable file is not dockenv's). */
    static boolean writtenByDockenv(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MARKER.length), MARKER);
        }
    }
}
