package dev.dockenv.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComposeStringTest {

    @Test
    void aLiteralIsEscapedForCompose() {
        assertThat(ComposeString.literal("pa$$word $HOME ${X}").composeText()).isEqualTo("pa$$$$word $$HOME $${X}");
        assertThat(ComposeString.literal("no dollar").composeText()).isEqualTo("no dollar");
        assertThat(ComposeString.literal("$").text()).isEqualTo("$");
    }

    @Test
    void anInterpolatedStringIsWrittenAsGivenAndKnowsItsVariables() {
        ComposeString.Interpolated url = ComposeString.interpolated(
                "postgresql://${DB_USER:-app}:${DB_PASSWORD:?set it}@${DB_HOST-db}:5432/${DB?}?x=$$1&y=${DB_USER}");
        assertThat(url.composeText()).isEqualTo(url.template());
        assertThat(url.variables()).containsExactly("DB_USER", "DB_PASSWORD", "DB_HOST", "DB", "DB_USER");
        assertThat(ComposeString.interpolated("plain text").variables()).isEmpty();
        assertThat(ComposeString.interpolated("").variables()).isEmpty();
    }

    @Test
    void factoriesWriteTheBracedForms() {
        assertThat(ComposeString.variable("DOCKENV_DB_PASSWORD").template()).isEqualTo("${DOCKENV_DB_PASSWORD}");
        assertThat(ComposeString.withDefault("UID", "1000").template()).isEqualTo("${UID:-1000}");
        assertThat(ComposeString.required("PW", "run dockenv up").template()).isEqualTo("${PW:?run dockenv up}");
    }

    /** Only the forms 1.29 and v2 read alike: anything else is refused when the value is made. */
    @Test
    void otherDollarsAreRefused() {
        for (String template : new String[] {"$HOME", "cost $5", "trailing $", "${}", "${1X}", "${A:+alt}",
                "${A+alt}", "${A:-$B}", "${A:-${B}}", "${A", "${A B}", "${A:=x}", "$(id -u)", "${A:-x$$}"}) {
            assertThatThrownBy(() -> ComposeString.interpolated(template)).as(template)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("that is not a variable compose 1.29 and v2 both read")
                    .hasMessageContaining("$$ for a literal '$'");
        }
        assertThatThrownBy(() -> ComposeString.variable("MY-VAR")).hasMessageContaining("'MY-VAR' is not a variable name");
        assertThatThrownBy(() -> ComposeString.withDefault("A", "}")).hasMessageContaining("the default of ${A:-...} cannot hold");
        assertThatThrownBy(() -> ComposeString.required("A", "costs $5")).hasMessageContaining("the message of ${A:?...}");
    }
}
