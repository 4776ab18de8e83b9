package dev.dockenv.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stamp of the files dockenv writes for the user to keep: untouched, edited or foreign, from the text alone. */
class StampedTextTest {
    private static final String BODY = "services:\n  app:\n    image: \"x\"\n";

    @Test
    void aStampedTextIsUntouchedUntilItsBodyChanges() {
        String text = StampedText.stamp("#", "dockenv ide pycharm", BODY);
        assertThat(text).startsWith("# Written by dockenv ide pycharm. Edit it and dockenv leaves it alone; untouched, "
                + "`dockenv ide pycharm` refreshes it (dockenv-digest: ").endsWith(")\n" + BODY);
        assertThat(StampedText.state(Optional.of(text))).isEqualTo(StampedText.State.UNTOUCHED);
        assertThat(StampedText.state(Optional.of(text.replace("\"x\"", "\"y\"")))).isEqualTo(StampedText.State.EDITED);
        assertThat(StampedText.state(Optional.of(text + "# mine\n"))).isEqualTo(StampedText.State.EDITED);
    }

    @Test
    void carriageReturnsOfACheckoutDoNotCountAsAnEdit() {
        String text = StampedText.stamp("//", "dockenv ide vscode", "{\n  \"a\": 1\n}\n");
        assertThat(StampedText.state(Optional.of(text.replace("\n", "\r\n")))).isEqualTo(StampedText.State.UNTOUCHED);
    }

    @Test
    void aFileWithoutTheStampIsTheUsersAndNoFileIsMissing() {
        assertThat(StampedText.state(Optional.of(BODY))).isEqualTo(StampedText.State.FOREIGN);
        assertThat(StampedText.state(Optional.of(""))).isEqualTo(StampedText.State.FOREIGN);
        assertThat(StampedText.state(Optional.of("# Written by me (dockenv-digest: 0123456789abcdef)")))
                .as("a stamp whose digest is not the body's").isEqualTo(StampedText.State.EDITED);
        assertThat(StampedText.state(Optional.empty())).isEqualTo(StampedText.State.MISSING);
    }
}
