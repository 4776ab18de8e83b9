package dev.dockenv.it.support;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on a finished dockenv or docker command that several IT classes make. */
public final class ResultAssertions {
    private ResultAssertions() {
    }

    /** Exit 0 and exactly this standard output. */
    public static void assertPrints(ProcessResult r, String stdout) {
        assertThat(r.exitCode()).as(r.describe()).isZero();
        assertThat(r.stdout()).as(r.describe()).isEqualTo(stdout);
    }

    /** A Python import that failed because the module is not installed. */
    public static void assertModuleMissing(ProcessResult r, String module) {
        assertThat(r.exitCode()).as(r.describe()).isNotZero();
        assertThat(r.stderr()).as(r.describe()).contains("No module named '" + module + "'");
    }
}
