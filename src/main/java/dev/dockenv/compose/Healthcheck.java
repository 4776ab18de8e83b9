package dev.dockenv.compose;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A service's health check: the check and its timing, unset parts left to the engine's defaults.
 * There is no {@code start_interval}: docker-compose 1.29 refuses it.
 *
 * <pre>{@code
 * Healthcheck.cmd("pg_isready", "-U", "postgres").interval(Duration.ofSeconds(2)).retries(30).build()
 * Healthcheck.cmdShell("redis-cli ping | grep PONG").build()
 * }</pre>
 */
public record Healthcheck(Check check, Optional<Duration> interval, Optional<Duration> timeout, OptionalInt retries,
        Optional<Duration> startPeriod) {

    public Healthcheck {
        Objects.requireNonNull(check, "a health check's check");
        interval.ifPresent(d -> positive("a health check's interval", d));
        timeout.ifPresent(d -> positive("a health check's timeout", d));
        startPeriod.ifPresent(d -> ComposeDurations.check("a health check's start period", d));
        retries.ifPresent(r -> {
            if (r < 1) {
                throw new IllegalArgumentException("a health check's retries must be at least 1: " + r);
            }
        });
    }

    /** What the engine runs to check: {@code ["CMD", ...]} or {@code ["CMD-SHELL", "..."]}. */
    public sealed interface Check {
    }

    /** A program and its arguments, run without a shell: {@code ["CMD", program, args...]}. */
    public record Cmd(List<ComposeString> command) implements Check {
        public Cmd {
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("a health check's command cannot be empty");
            }
            ComposeChecks.notBlank("a health check's program", command.get(0).text());
            command.forEach(c -> ComposeChecks.text("a health check's argument", c.text()));
        }
    }

    /** No health check, not even the image's own ({@code HEALTHCHECK} of its Dockerfile): {@code ["NONE"]}. */
    public record Disabled() implements Check {
    }

    /** The image's health check turned off. */
    public static Healthcheck disabled() {
        return new Healthcheck(new Disabled(), Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    /** A shell command line, run by the image's {@code /bin/sh -c}: {@code ["CMD-SHELL", line]}. */
    public record CmdShell(ComposeString commandLine) implements Check {
        public CmdShell {
            if (ComposeChecks.text("a health check's shell command", commandLine.text()).isBlank()) {
                throw new IllegalArgumentException("a health check's shell command cannot be empty");
            }
        }
    }

    public static Builder cmd(String... command) {
        return new Builder(new Cmd(ComposeString.literals(List.of(command))));
    }

    public static Builder cmd(List<ComposeString> command) {
        return new Builder(new Cmd(command));
    }

    public static Builder cmdShell(String commandLine) {
        return new Builder(new CmdShell(ComposeString.literal(commandLine)));
    }

    public static Builder cmdShell(ComposeString commandLine) {
        return new Builder(new CmdShell(commandLine));
    }

    private static void positive(String what, Duration d) {
        ComposeDurations.check(what, d);
        if (d.isZero()) {
            throw new IllegalArgumentException(what + " must be longer than 0s (0s means the engine's default: "
                    + "leave it unset)");
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

        public Healthcheck build() {
            return new Healthcheck(check, Optional.ofNullable(interval), Optional.ofNullable(timeout),
                    retries == null ? OptionalInt.empty() : OptionalInt.of(retries), Optional.ofNullable(startPeriod));
        }
    }
}
