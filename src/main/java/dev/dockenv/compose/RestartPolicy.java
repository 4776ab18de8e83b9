package dev.dockenv.compose;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * When Swarm restarts a service's task ({@code deploy.restart_policy}; Swarm ignores a service's
 * {@code restart:}): on which exit, after what pause, how often at most within which window.
 *
 * <pre>{@code
 * RestartPolicy.builder(RestartPolicy.Condition.ON_FAILURE).delay(Duration.ofSeconds(5)).maxAttempts(3).build()
 * }</pre>
 *
 * @param maxAttempts attempts before Swarm gives up; unset for no limit
 */
public record RestartPolicy(Condition condition, Optional<Duration> delay, OptionalInt maxAttempts,
        Optional<Duration> window) {

    public RestartPolicy {
        Objects.requireNonNull(condition, "a restart policy's condition");
        delay.ifPresent(d -> ComposeDurations.check("a restart policy's delay", d));
        maxAttempts.ifPresent(m -> {
            if (m < 0) {
                throw new IllegalArgumentException("a restart policy's max_attempts cannot be negative: " + m);
            }
        });
        window.ifPresent(d -> ComposeDurations.check("a restart policy's window", d));
    }

    public static Builder builder(Condition condition) {
        return new Builder(condition);
    }

    /** On which exit a task is restarted. */
    public enum Condition {
        NONE("none"),
        ON_FAILURE("on-failure"),
        ANY("any");

        private final String composeName;

        Condition(String composeName) {
            this.composeName = composeName;
        }

        public String composeName() {
            return composeName;
        }
    }

    public static final class Builder {
        private final Condition condition;
        private Duration delay;
        private Integer maxAttempts;
        private Duration window;

        private Builder(Condition condition) {
            this.condition = Objects.requireNonNull(condition);
        }

        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay);
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder window(Duration window) {
            this.window = Objects.requireNonNull(window);
            return this;
        }

        public RestartPolicy build() {
            return new RestartPolicy(condition, Optional.ofNullable(delay),
                    maxAttempts == null ? OptionalInt.empty() : OptionalInt.of(maxAttempts), Optional.ofNullable(window));
        }
    }
}
