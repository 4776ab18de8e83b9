package dev.dockenv.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {
    @Test
    void splitsLikeAShell() {
        assertThat(ShellWords.split("python -m  http.server 'a b' \"c \\\"d\\\"\" e\\ f"))
                .containsExactly("python", "-m", "http.server", "a b", "c \"d\"", "e f");
        assertThat(ShellWords.split("  ")).isEmpty();
        assertThat(ShellWords.split("''")).containsExactly("");
    }

    @Test
    void unclosedQuoteIsAnError() {
        assertThatThrownBy(() -> ShellWords.split("echo 'oops")).hasMessageContaining("unclosed");
    }

    @Test
    void quotesOnlyWhatNeedsIt() {
        assertThat(ShellWords.quote("requirements.txt")).isEqualTo("requirements.txt");
        assertThat(ShellWords.quote("requests>=2")).isEqualTo("'requests>=2'");
        assertThat(ShellWords.quote("it's")).isEqualTo("'it'\"'\"'s'");
        assertThat(ShellWords.split(String.join(" ", List.of(ShellWords.quote("a b"), ShellWords.quote("it's")))))
                .containsExactly("a b", "it's");
    }
}
