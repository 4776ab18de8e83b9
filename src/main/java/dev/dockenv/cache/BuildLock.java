package dev.dockenv.cache;

import dev.dockenv.io.Sha256;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One build of an image at a time, across dockenv processes: an exclusive lock on a file of the
 * cache ({@code locks/HASH.lock}, one per image reference), held while the image is built. Ten
 * first runs started at once make one build; the others wait for it and then find the image. The
 * operating system releases the lock when its holder exits, however it exits. A cache where the
 * lock file cannot be made only loses this coordination (each process builds, as before).
 */
public final class BuildLock implements AutoCloseable {
    private final Optional<FileChannel> channel;
    private final boolean waited;

    private BuildLock(Optional<FileChannel> channel, boolean waited) {
        this.channel = channel;
        this.waited = waited;
    }

    /**
     * Takes the lock of {@code imageReference}, waiting for another process that holds it.
     *
     * @param onWait called once, before waiting, when another process holds the lock
     */
    public static BuildLock acquire(Path cacheDirectory, String imageReference, Runnable onWait) {
        Path file = cacheDirectory.resolve("locks")
                .resolve(HexFormat.of().formatHex(Sha256.of(imageReference), 0, 12) + ".lock");
        FileChannel channel;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return new BuildLock(Optional.empty(), false);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new BuildLock(Optional.of(channel), false);
            }
            onWait.run();
            channel.lock();
            return new BuildLock(Optional.of(channel), true);
        } catch (IOException e) {
            closeQuietly(channel);
            return new BuildLock(Optional.empty(), false);
        }
    }

    /** Whether another process held the lock when this one asked for it. */
    public boolean waited() {
        return waited;
    }

    /** Releases the lock (closing the channel releases it). */
    @Override
    public void close() {
        channel.ifPresent(BuildLock::closeQuietly);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // the lock goes with the process at the latest
        }
    }
}
