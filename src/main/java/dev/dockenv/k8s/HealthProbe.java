package dev.dockenv.k8s;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The app's health check, which becomes the container's readiness and liveness probes (the same
 * check and timing for both), and a startup probe when it has a start period.
 *
 * <p>Timing as a compose health check says it: {@code interval} is the probes' {@code periodSeconds},
 * {@code timeout} their {@code timeoutSeconds}, {@code retries} their {@code failureThreshold};
 * during {@code startPeriod} failures do not count, which Kubernetes says with a startup probe
 * (liveness and readiness start once it succeeds) of {@code failureThreshold = ceil(startPeriod /
 * period) + retries}: the start period, then as many failures as later. Kubernetes counts whole seconds: each duration is rounded up to whole seconds, at least 1.
 * What is not given is left to Kubernetes' defaults (period 10s, timeout 1s, 3 failures).
 */
public record HealthProbe(Check check, Optional<Duration> interval, Optional<Duration> timeout, OptionalInt retries,
        Optional<Duration> startPeriod) {

    public HealthProbe {
        Objects.requireNonNull(check, "a health check's check");
        interval.ifPresent(d -> positive("a health check's interval", d));
        timeout.ifPresent(d -> positive("a health check's timeout", d));
        startPeriod.ifPresent(d -> {
            if (d.isNegative()) {
                throw new IllegalArgumentException("a health check's start period cannot be negative: " + d);
            }
        });
        retries.ifPresent(r -> {
            if (r < 1) {
                throw new IllegalArgumentException("a health check's retries must be at least 1: " + r);
            }
        });
    }

    /** What the kubelet checks. */
    public sealed interface Check {
    }

    /** An HTTP GET of {@code path} on {@code port}: healthy on a status from 200 to 399. */
    public record HttpGet(String path, int port) implements Check {
        public HttpGet {
            Objects.requireNonNull(path, "a health check's path");
            if (!path.startsWith("/") || path.codePoints().anyMatch(c -> c <= 0x20 || c == 0x7f)) {
                throw new IllegalArgumentException("a health check's HTTP path begins with '/' and holds no space "
                        + "or control character: '" + KubernetesNames.printable(path) + "'");
            }
            ContainerPort.requireNumber(port);
        }
    }

    /** A TCP connection to {@code port}: healthy when it opens. */
    public record TcpSocket(int port) implements Check {
        public TcpSocket {
            ContainerPort.requireNumber(port);
        }
    }

    /** A command run in the container, without a shell: healthy when it exits 0. */
    public record Exec(List<String> command) implements Check {
        public Exec {
            command = List.copyOf(command);
            if (command.isEmpty() || command.get(0).isBlank()) {
                throw new IllegalArgumentException("a health check's command needs a program");
            }
            command.forEach(a -> {
                if (a.indexOf('\0') >= 0) {
                    throw new IllegalArgumentException("a health check's command cannot hold a NUL character");
                }
            });
        }
    }

    public static Builder httpGet(String path, int port) {
        return new Builder(new HttpGet(path, port));
    }

    public static Builder tcpSocket(int port) {
        return new Builder(new TcpSocket(port));
    }

    public static Builder exec(String... command) {
        return new Builder(new Exec(List.of(command)));
    }

    /** {@code duration} in whole seconds, rounded up, at least 1: how a probe counts time. */
    static int seconds(Duration duration) {
        long seconds = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, seconds));
    }

    private static void positive(String what, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than 0s: " + d);
        }
    }

    public static final class Builder {
        private final Check check;
        private Duration interval;
        private Duration timeout;
        private Integer retries;
        private Duration startPeriod;

        private Builder(Check check) {
            this.check = check;
        }

        public Builder interval(Duration interval) {
            this.interval = Objects.requireNonNull(interval);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout);
            return this;
        }

        public Builder retries(int retries) {
            this.retries = retries;
            return this;
        }

        public Builder startPeriod(Duration startPeriod) {
            this.startPeriod = Objects.requireNonNull(startPeriod);
            return this;
        }

        public HealthProbe build() {
            return new HealthProbe(check, Optional.ofNullable(interval), Optional.ofNullable(timeout),
                    retries == null ? OptionalInt.empty() : OptionalInt.of(retries), Optional.ofNullable(startPeriod));
        }
    }
}
