package dev.dockenv.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.DockenvException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipReportTest {
    private static final String REPORT = """
            {
              "version": "1",
              "pip_version": "24.0",
              "install": [
                {
                  "download_info": {
                    "url": "http://127.0.0.1:1234/files/colorsay-2.0.0-py3-none-any.whl",
                    "archive_info": {
                      "hash": "sha256=aaaa",
                      "hashes": {"sha256": "AAAA"}
                    }
                  },
                  "is_direct": false,
                  "requested": true,
                  "metadata": {"metadata_version": "2.1", "name": "colorsay", "version": "2.0.0"}
                },
                {
                  "download_info": {
                    "url": "https://example.org/greeting-1.1.0.tar.gz",
                    "archive_info": {"hash": "sha256=bbbb"}
                  },
                  "is_direct": true,
                  "metadata": {"name": "Greeting", "version": "1.1.0"}
                },
                {
                  "download_info": {
                    "url": "https://github.com/o/tool.git",
                    "vcs_info": {"vcs": "git", "commit_id": "0123abc", "requested_revision": "main"}
                  },
                  "is_direct": true,
                  "metadata": {"name": "tool", "version": "0.1"}
                },
                {
                  "download_info": {"url": "file:///project", "dir_info": {"editable": true}},
                  "is_direct": true,
                  "metadata": {"name": "shop", "version": "0.1.0"}
                }
              ],
              "environment": {"python_version": "3.11"}
            }
            """;

    @Test
    void readsNameVersionSourceAndHash() {
        List<PipReport.Resolved> r = PipReport.parse(REPORT);
        assertThat(r).containsExactly(
                new PipReport.Resolved("colorsay", "2.0.0", PipReport.Kind.INDEX,
                        Optional.of("http://127.0.0.1:1234/files/colorsay-2.0.0-py3-none-any.whl"),
                        Optional.of("sha256:aaaa"), Optional.empty(), false),
                new PipReport.Resolved("Greeting", "1.1.0", PipReport.Kind.DIRECT_ARCHIVE,
                        Optional.of("https://example.org/greeting-1.1.0.tar.gz"), Optional.of("sha256:bbbb"),
                        Optional.empty(), false),
                new PipReport.Resolved("tool", "0.1", PipReport.Kind.VCS, Optional.of("git+https://github.com/o/tool.git"),
                        Optional.empty(), Optional.of("0123abc"), false),
                new PipReport.Resolved("shop", "0.1.0", PipReport.Kind.DIRECTORY, Optional.of("file:///project"),
                        Optional.empty(), Optional.empty(), true));
    }

    @Test
    void aDirectoryUnderTheProjectsMountIsAProjectPath() {
        assertThat(LockResolver.projectPath("file:///project")).contains(".");
        assertThat(LockResolver.projectPath("file:///project/")).contains(".");
        assertThat(LockResolver.projectPath("file:///project/libs/seed")).contains("libs/seed");
        assertThat(LockResolver.projectPath("file:///project/libs/my%20pkg/")).contains("libs/my pkg");
        assertThat(LockResolver.projectPath("file:///elsewhere/x")).isEmpty();
        assertThat(LockResolver.projectPath("https://example.org/project/x")).isEmpty();
    }

    @Test
    void anEmptyInstallListIsNoPackages() {
        assertThat(PipReport.parse("{\"version\": \"1\", \"install\": []}")).isEmpty();
    }

    @Test
    void somethingElseIsAnError() {
        assertThat(catchThrowableOfType(DockenvException.class, () -> PipReport.parse("ERROR: no"))).isNotNull();
        assertThat(catchThrowableOfType(DockenvException.class, () -> PipReport.parse("{}"))).isNotNull();
    }
}
