package dev.dockenv.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountFilesTest {
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
            appuser:x:10001:10001::/nonexistent:/usr/sbin/nologin
            """;
    private static final String GROUP = """
            root:x:0:
            daemon:x:1:
            users:x:100:
            appuser:x:10001:
            """;

    @Test
    void addsTheHostUserAndItsGroupKeepingTheImagesEntries() {
        AccountFiles files = AccountFiles.forUser(PASSWD, GROUP, new HostUser(1000, 1000, "ada"));
        assertThat(files.passwd()).startsWith(PASSWD.strip())
                .endsWith("ada:x:1000:1000:dockenv host user:/home/ada:/bin/bash\n");
        assertThat(files.group()).endsWith("ada:x:1000:\n").contains("users:x:100:");
    }

    @Test
    void aUidTheImageAlreadyUsesGetsTheHostNameAndAWritableHome() {
        AccountFiles files = AccountFiles.forUser(PASSWD, GROUP, new HostUser(10001, 100, "ada"));
        assertThat(files.passwd()).contains("ada:x:10001:100::/home/ada:/usr/sbin/nologin")
                .doesNotContain("appuser");
        assertThat(files.group()).doesNotContain("ada:x:100:").contains("users:x:100:");
    }

    @Test
    void oddUserNamesAreMadeSafe() {
        assertThat(new HostUser(1001, 1001, "DOMAIN\\ada lovelace").safeName()).isEqualTo("DOMAINadalovelace");
        assertThat(new HostUser(1001, 1001, "").safeName()).isEqualTo("user1001");
        assertThat(AccountFiles.homeOf(new HostUser(0, 0, "root"))).isEqualTo("/root");
    }
}
