package dev.dockenv.it.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for something the engine does asynchronously (a container starting, a server listening).
 * The limit only bounds a hang: assertions check the state reached, never how long it took.
 */
public final class Poll {
    private Poll() {
    }

    /** True as soon as {@code condition} holds; false when it still does not after {@code limit}. */
    public static boolean until(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
