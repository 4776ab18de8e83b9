package dev.dockenv.compose;

import java.time.Duration;

/**
 * Durations as compose writes them, Go's {@code time.ParseDuration} format that docker-compose 1.29
 * imitates: units largest first, {@code h m s ms us ns}, zero parts left out ({@code 2s},
 * {@code 1m30s}, {@code 1s500ms}, {@code 0s}).
 */
final class ComposeDurations {
    private ComposeDurations() {
    }

    static Duration check(String what, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException(what + " cannot be negative: " + duration);
        }
        return duration;
    }

    static String format(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        part(out, duration.toHours(), "h");
        part(out, duration.toMinutesPart(), "m");
        part(out, duration.toSecondsPart(), "s");
        int nanos = duration.toNanosPart();
        part(out, nanos / 1_000_000, "ms");
        part(out, nanos / 1_000 % 1_000, "us");
        part(out, nanos % 1_000, "ns");
        return out.toString();
    }

    private static void part(StringBuilder out, long value, String unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }
}
