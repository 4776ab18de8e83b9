package dev.dockenv.cli;

import java.util.Set;

/** What dockenv must answer for the generated kinds, where that depends on the format. */
final class CorpusExpectations {
    private CorpusExpectations() {
    }

    /**
     * tomlj 2.2.0's error recovery looks ahead over every blank or comment line at each of them
     * (LineRecoveryStrategy.unterminatedValue): a run of n such lines costs n^3 (2,000 lines: 45 s).
     */
    static final String TOML_TRIVIA_RUNS = "tomlj parses a run of blank or comment lines in cubic time "
            + "(2,000 lines: 45 s): not fixed yet";

    static boolean isToml(CorpusSeed seed) {
        return seed.file().endsWith(".toml") || seed.file().equals("Pipfile")
                || (seed.file().endsWith(".lock") && !seed.file().equals("Pipfile.lock"));
    }

    /** An empty (or blank) file of the seed's kind. */
    static Set<Integer> emptyExits(CorpusSeed seed) {
        return Set.of(0, 3, 4);
    }

    /** Whether a file cut right after the first quote of {@code line} is certainly malformed. */
    static boolean cuttable(CorpusSeed seed, String line) {
        return true;
    }

    /**
     * A file cut inside a string: an error at that line, except in setup.py, which dockenv reads
     * statically for what it can and leaves to setuptools otherwise.
     */
    static Integer[] cutExits(CorpusSeed seed) {
        return seed.file().equals("setup.py") ? new Integer[] {0, 4} : new Integer[] {4};
    }

    /** A key of a TOML seed given a value of another type. */
    static BadInput wrongType(CorpusSeed seed, String key, String value, BadInput c) {
        return c.exits(0, 4);
    }
}
