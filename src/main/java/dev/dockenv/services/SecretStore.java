package dev.dockenv.services;

import dev.dockenv.errors.IoFailures;
import dev.dockenv.io.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The passwords dockenv generates for a project's services, one per service, in the project's
 * {@code .dockenv/stack/secrets.env} (rw------- , never in git: the folder gets a {@code .gitignore} of
 * {@code *}; never in an image: dockenv's build context leaves {@code .dockenv/stack} out). Compose
 * reads the file for interpolation ({@code --env-file}); a password is made once and kept, since
 * the service's data volume remembers it.
 */
public final class SecretStore {
    /** The file, relative to the project root. */
    public static final String FILE = StackFolder.PATH + "/secrets.env";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 24;

    private final Path root;
    private final Path file;
    private final SecureRandom random;

    public SecretStore(Path root, SecureRandom random) {
        this.root = root;
        this.file = root.resolve(FILE);
        this.random = random;
    }

    public static SecretStore of(Path root) {
        return new SecretStore(root, new SecureRandom());
    }

    public Path file() {
        return file;
    }

    /**
     * The secrets of these names: those in the file, the others generated and added to it. Two
     * dockenv processes starting one project's services at once agree on them: the file is read
     * and completed under an exclusive lock ({@code .dockenv/stack/secrets.lock}).
     */
    public Map<String, String> ensure(List<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Path lockFile = file.resolveSibling("secrets.lock");
        try {
            StackFolder.create(root);
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                return ensureLocked(names);
            }
        } catch (IOException e) {
            throw IoFailures.writing(lockFile, e);
        }
    }

    private Map<String, String> ensureLocked(List<String> names) {
        Map<String, String> all = read();
        boolean added = false;
        for (String name : names) {
            if (!all.containsKey(name)) {
                all.put(name, generate());
                added = true;
            }
        }
        if (added || !Files.isRegularFile(file)) {
            write(all);
        }
        Map<String, String> out = new TreeMap<>();
        names.forEach(n -> out.put(n, all.get(n)));
        return out;
    }

    /** Whether the file exists (a project whose services ran before). */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** Forgets every password (with the data volumes that knew them). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }

    private Map<String, String> read() {
        if (!Files.isRegularFile(file)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(ComposeEnvFile.variables(Files.readString(file)));
        } catch (IOException e) {
            throw IoFailures.reading(file, e);
        }
    }

    private void write(Map<String, String> all) {
        StringBuilder b = new StringBuilder("# Passwords dockenv generated for this project's services (dockenv down "
                + "--volumes forgets them with the data).\n# Keep this file out of version control and images.\n");
        all.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        try {
            AtomicFiles.writePrivate(file, b.toString());
        } catch (IOException e) {
            throw IoFailures.writing(file, e);
        }
    }

    private String generate() {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
