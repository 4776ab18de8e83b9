package dev.dockenv.io;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Work started on a daemon thread of its own while the caller goes on (a question to the engine
 * asked ahead of need): never blocks the exit, and its failure is the future's. Not the common
 * pool, whose one thread on a two-core machine would run two such tasks one after the other.
 */
public final class BackgroundTask {
    private BackgroundTask() {
    }

    /** Starts {@code work} on a daemon thread named {@code name}; its value or its exception completes the future. */
    public static <T> CompletableFuture<T> start(String name, Supplier<T> work) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(work.get());
            } catch (RuntimeException | Error e) {
                future.completeExceptionally(e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return future;
    }
}
