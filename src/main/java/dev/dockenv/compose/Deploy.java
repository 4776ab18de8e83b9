package dev.dockenv.compose;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How a Swarm stack runs a service ({@code deploy:}): how many replicas, how clients find them
 * ({@code endpoint_mode}), how a new version replaces them ({@code update_config}) and how a failed
 * update goes back ({@code rollback_config}), when a task restarts ({@code restart_policy}), and the
 * limits of each task ({@code resources.limits}). Unset parts are left to Swarm's defaults.
 *
 * <pre>{@code
 * Deploy.builder().replicas(2)
 *         .updateConfig(UpdateConfig.builder().parallelism(1).order(UpdateConfig.Order.START_FIRST).build())
 *         .restartPolicy(RestartPolicy.builder(RestartPolicy.Condition.ANY).build())
 *         .cpuLimit(new BigDecimal("0.5")).memoryLimit(256L << 20)
 *         .build()
 * }</pre>
 *
 * @param cpuLimit CPUs a task may use at most ({@code 0.5}: half of one), at most 3 decimals
 * @param memoryLimit bytes a task may use at most, at least 6 MiB (the engine's smallest)
 */
public record Deploy(OptionalInt replicas, Optional<EndpointMode> endpointMode, Optional<UpdateConfig> updateConfig,
        Optional<UpdateConfig> rollbackConfig, Optional<RestartPolicy> restartPolicy, Optional<BigDecimal> cpuLimit,
        OptionalLong memoryLimit) {

    /** The engine refuses a memory limit below 6 MiB. */
    public static final long SMALLEST_MEMORY_LIMIT = 6L << 20;

    public Deploy {
        replicas.ifPresent(r -> {
            if (r < 0) {
                throw new IllegalArgumentException("a service's replicas cannot be negative: " + r);
            }
        });
        Objects.requireNonNull(endpointMode, "endpointMode");
        Objects.requireNonNull(updateConfig, "updateConfig");
        Objects.requireNonNull(rollbackConfig, "rollbackConfig");
        rollbackConfig.flatMap(UpdateConfig::failureAction).ifPresent(action -> {
            if (action == UpdateConfig.FailureAction.ROLLBACK) {
                throw new IllegalArgumentException("a rollback's failure_action can be pause or continue, not rollback");
            }
        });
        Objects.requireNonNull(restartPolicy, "restartPolicy");
        cpuLimit.ifPresent(c -> {
            if (c.signum() <= 0 || c.stripTrailingZeros().scale() > 3) {
                throw new IllegalArgumentException("a CPU limit must be above 0 with at most 3 decimals: "
                        + c.toPlainString());
            }
        });
        memoryLimit.ifPresent(m -> {
            if (m < SMALLEST_MEMORY_LIMIT) {
                throw new IllegalArgumentException("a memory limit must be at least 6 MiB (" + SMALLEST_MEMORY_LIMIT
                        + " bytes): " + m);
            }
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Clients reach the replicas through one virtual IP ({@code vip}), or by the DNS names of them all ({@code dnsrr}). */
    public enum EndpointMode {
        VIP("vip"),
        DNSRR("dnsrr");

        private final String composeName;

        EndpointMode(String composeName) {
            this.composeName = composeName;
        }

        public String composeName() {
            return composeName;
        }
    }

    public static final class Builder {
        private Integer replicas;
        private EndpointMode endpointMode;
        private UpdateConfig updateConfig;
        private UpdateConfig rollbackConfig;
        private RestartPolicy restartPolicy;
        private BigDecimal cpuLimit;
        private Long memoryLimit;

        private Builder() {
        }

        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        public Builder endpointMode(EndpointMode endpointMode) {
            this.endpointMode = Objects.requireNonNull(endpointMode);
            return this;
        }

        public Builder updateConfig(UpdateConfig updateConfig) {
            this.updateConfig = Objects.requireNonNull(updateConfig);
            return this;
        }

        public Builder rollbackConfig(UpdateConfig rollbackConfig) {
            this.rollbackConfig = Objects.requireNonNull(rollbackConfig);
            return this;
        }

        public Builder restartPolicy(RestartPolicy restartPolicy) {
            this.restartPolicy = Objects.requireNonNull(restartPolicy);
            return this;
        }

        public Builder cpuLimit(BigDecimal cpus) {
            this.cpuLimit = Objects.requireNonNull(cpus);
            return this;
        }

        public Builder memoryLimit(long bytes) {
            this.memoryLimit = bytes;
            return this;
        }

        public Deploy build() {
            return new Deploy(replicas == null ? OptionalInt.empty() : OptionalInt.of(replicas),
                    Optional.ofNullable(endpointMode), Optional.ofNullable(updateConfig),
                    Optional.ofNullable(rollbackConfig), Optional.ofNullable(restartPolicy),
                    Optional.ofNullable(cpuLimit), memoryLimit == null ? OptionalLong.empty() : OptionalLong.of(memoryLimit));
        }
    }
}
