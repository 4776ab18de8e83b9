package dev.dockenv.lock.poetry;

import dev.dockenv.pep.Version;
import java.util.Optional;

/**
 * One comparison of a poetry constraint, as poetry-core's {@code parse_single_constraint} reads
 * it: {@code ^1.2}, {@code ~1.2}, {@code 1.2.*}, {@code >=1.2}, {@code !=1.5}, {@code 1.2.3} ...
 */
sealed interface ConstraintTerm {

    /** As a PEP 440 specifier (or two, comma-separated); "" for any version. */
    String pep440();

    boolean allows(Version v);

    /** The versions it admits as one interval, when they form one. */
    Optional<VersionInterval> interval();

    /** {@code *}: every version. */
    record Any() implements ConstraintTerm {
        @Override
        public String pep440() {
            return "";
        }

        @Override
        public boolean allows(Version v) {
            return true;
        }

        @Override
        public Optional<VersionInterval> interval() {
            return Optional.of(VersionInterval.ALL);
        }
    }

    /** Caret, tilde and comparison constraints. */
    record Range(VersionInterval bounds) implements ConstraintTerm {
        @Override
        public String pep440() {
            return bounds.pep440();
        }

        @Override
        public boolean allows(Version v) {
            return bounds.contains(v);
        }

        @Override
        public Optional<VersionInterval> interval() {
            return Optional.of(bounds);
        }
    }

    /** {@code 1.2.3}, {@code ==1.2.3}, {@code =1.2.3}. */
    record Exact(Version version) implements ConstraintTerm {
        @Override
        public String pep440() {
            return "==" + version;
        }

        @Override
        public boolean allows(Version v) {
            return v.equals(version);
        }

        @Override
        public Optional<VersionInterval> interval() {
            return Optional.of(VersionInterval.exactly(version));
        }
    }

    /** {@code 1.2.*} or {@code !=1.2.*}: every version that starts with the prefix, or none of them. */
    record Wildcard(Version prefix, boolean negated) implements ConstraintTerm {
        @Override
        public String pep440() {
            return (negated ? "!=" : "==") + prefix + ".*";
        }

        @Override
        public boolean allows(Version v) {
            boolean match = v.epoch() == prefix.epoch();
            for (int i = 0; match && i < prefix.release().size(); i++) {
                match = v.releasePart(i) == prefix.release().get(i);
            }
            return match != negated;
        }

        @Override
        public Optional<VersionInterval> interval() {
            if (negated) {
                return Optional.empty();
            }
            return Optional.of(new VersionInterval(Optional.of(prefix), true,
                    Optional.of(ReleaseBumps.nextAtPrecision(prefix)), false));
        }
    }

    /** {@code !=1.5}. */
    record NotEqual(Version version) implements ConstraintTerm {
        @Override
        public String pep440() {
            return "!=" + version;
        }

        @Override
        public boolean allows(Version v) {
            return !v.equals(version);
        }

        @Override
        public Optional<VersionInterval> interval() {
            return Optional.empty();
        }
    }
}
