package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A constraint on the Python version as PEP 508 markers, as poetry-core writes them: two-part
 * versions compare {@code python_version}, longer ones (and {@code >}, {@code <=}, {@code !=},
 * which need the patch level) {@code python_full_version}.
 */
final class PythonMarkers {
    private PythonMarkers() {
    }

    /** The marker for one comparison; empty for any version. */
    static Optional<String> of(ConstraintTerm term) {
        if (term instanceof ConstraintTerm.Range range) {
            return Optional.of(range(range.bounds()));
        }
        if (term instanceof ConstraintTerm.Exact exact) {
            return Optional.of(isShort(exact.version())
                    ? compare("python_version", "==", exact.version().toString())
                    : compare("python_full_version", "==", exact.version().toString()));
        }
        if (term instanceof ConstraintTerm.NotEqual ne) {
            return Optional.of(compare("python_full_version", "!=", full(ne.version())));
        }
        if (term instanceof ConstraintTerm.Wildcard w) {
            return Optional.of(wildcard(w));
        }
        return Optional.empty();
    }

    private static String range(VersionInterval bounds) {
        List<String> parts = new ArrayList<>();
        bounds.min().ifPresent(v -> parts.add(bounds.includeMin() && isShort(v)
                ? compare("python_version", ">=", v.toString())
                : compare("python_full_version", bounds.includeMin() ? ">=" : ">", full(v))));
        bounds.max().ifPresent(v -> parts.add(!bounds.includeMax() && isShort(v)
                ? compare("python_version", "<", v.toString())
                : compare("python_full_version", bounds.includeMax() ? "<=" : "<", full(v))));
        return String.join(" and ", parts);
    }

    private static String wildcard(ConstraintTerm.Wildcard w) {
        Version prefix = w.prefix();
        Version next = ReleaseBumps.nextAtPrecision(prefix);
        return switch (prefix.release().size()) {
            case 1 -> w.negated()
                    ? compare("python_version", "<", prefix.toString()) + " or "
                            + compare("python_version", ">=", next.toString())
                    : compare("python_version", ">=", prefix.toString()) + " and "
                            + compare("python_version", "<", next.toString());
            case 2 -> w.negated()
                    ? compare("python_version", "<", prefix.toString()) + " or "
                            + compare("python_version", ">=", next.toString())
                    : compare("python_version", "==", prefix.toString());
            default -> compare("python_full_version", w.negated() ? "!=" : "==", prefix + ".*");
        };
    }

    /** A plain major or major.minor version, which python_version can compare. */
    private static boolean isShort(Version v) {
        return v.release().size() <= 2 && ReleaseBumps.isFinal(v) && v.epoch() == 0;
    }

    /** Padded to three parts: {@code 3.8} gives {@code 3.8.0}. */
    private static String full(Version v) {
        if (v.release().size() >= 3 || !ReleaseBumps.isFinal(v)) {
            return v.toString();
        }
        List<Long> r = new ArrayList<>(v.release());
        while (r.size() < 3) {
            r.add(0L);
        }
        return new Version(v.epoch(), r, Optional.empty(), Optional.empty(), Optional.empty(), List.of()).toString();
    }

    private static String compare(String variable, String op, String value) {
        return variable + " " + op + " \"" + value + "\"";
    }
}
