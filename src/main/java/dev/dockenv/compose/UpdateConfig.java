package dev.dockenv.compose;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How Swarm replaces a service's tasks ({@code deploy.update_config}), or puts the old ones back
 * ({@code deploy.rollback_config}, same keys): how many at a time, the pause between batches, what
 * a failed batch does, how long a new task is watched before it counts as started, and whether the
 * new task starts before the old one stops ({@code start-first}: the service keeps answering while
 * a replica is replaced). Unset parts are left to Swarm's defaults.
 *
 * <pre>{@code
 * UpdateConfig.builder().parallelism(1).delay(Duration.ofSeconds(2)).order(UpdateConfig.Order.START_FIRST)
 *         .failureAction(UpdateConfig.FailureAction.ROLLBACK).monitor(Duration.ofSeconds(10)).build()
 * }</pre>
 *
 * @param parallelism tasks replaced at once, 0 for all at once
 */
public record UpdateConfig(OptionalInt parallelism, Optional<Duration> delay, Optional<FailureAction> failureAction,
        Optional<Duration> monitor, Optional<Order> order) {

    public UpdateConfig {
        parallelism.ifPresent(p -> {
            if (p < 0) {
                throw new IllegalArgumentException("an update's parallelism cannot be negative (0 means all at once): " + p);
            }
        });
        delay.ifPresent(d -> ComposeDurations.check("an update's delay", d));
        Objects.requireNonNull(failureAction, "failureAction");
        monitor.ifPresent(d -> ComposeDurations.check("an update's monitor period", d));
        Objects.requireNonNull(order, "order");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether the new task starts before the old one stops. */
    public enum Order {
        START_FIRST("start-first"),
        STOP_FIRST("stop-first");

        private final String composeName;

        Order(String composeName) {
            this.composeName = composeName;
        }

        public String composeName() {
            return composeName;
        }
    }

    /** What Swarm does when a batch fails; a rollback can only pause or continue. */
    public enum FailureAction {
        CONTINUE("continue"),
        PAUSE("pause"),
        ROLLBACK("rollback");

        private final String composeName;

        FailureAction(String composeName) {
            this.composeName = composeName;
        }

        public String composeName() {
            return composeName;
        }
    }

    public static final class Builder {
        private Integer parallelism;
        private Duration delay;
        private FailureAction failureAction;
        private Duration monitor;
        private Order order;

        private Builder() {
        }

        public Builder parallelism(int parallelism) {
            this.parallelism = parallelism;
            return this;
        }

        public Builder delay(Duration delay) {
            this.delay = Objects.requireNonNull(delay);
            return this;
        }

        public Builder failureAction(FailureAction failureAction) {
            this.failureAction = Objects.requireNonNull(failureAction);
            return this;
        }

        public Builder monitor(Duration monitor) {
            this.monitor = Objects.requireNonNull(monitor);
            return this;
        }

        public Builder order(Order order) {
            this.order = Objects.requireNonNull(order);
            return this;
        }

        public UpdateConfig build() {
            return new UpdateConfig(parallelism == null ? OptionalInt.empty() : OptionalInt.of(parallelism),
                    Optional.ofNullable(delay), Optional.ofNullable(failureAction), Optional.ofNullable(monitor),
                    Optional.ofNullable(order));
        }
    }
}
