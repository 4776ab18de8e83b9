package dev.dockenv.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeJournalTest {
    @TempDir
    Path root;

    @Test
    void aCommittedChangeStandsAndLeavesNoJournal() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "a\n");
        ChangeJournal change = ChangeJournal.begin(root, "dockenv add b", List.of(root.resolve("requirements.txt"),
                root.resolve("pylock.toml")));
        Files.writeString(root.resolve("requirements.txt"), "a\nb\n");
        Files.writeString(root.resolve("pylock.toml"), "lock\n");

        change.commit();

        assertThat(Files.readString(root.resolve("requirements.txt"))).isEqualTo("a\nb\n");
        assertThat(Files.readString(root.resolve("pylock.toml"))).isEqualTo("lock\n");
        assertThat(journalFolder()).containsExactly(".gitignore", "lock");
        assertThat(ChangeJournal.recover(root)).isEmpty();
        assertThat(Files.readString(root.resolve("requirements.txt"))).isEqualTo("a\nb\n");
    }

    @Test
    void aRolledBackChangePutsEveryFileBackAndRemovesTheOnesItMade() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "a\n");
        ChangeJournal change = ChangeJournal.begin(root, "dockenv add b", List.of(root.resolve("requirements.txt"),
                root.resolve("pylock.toml")));
        assertThat(change.entries()).containsExactly(new ChangeJournal.Entry("requirements.txt", true),
                new ChangeJournal.Entry("pylock.toml", false));
        Files.writeString(root.resolve("requirements.txt"), "a\nb\n");
        Files.writeString(root.resolve("pylock.toml"), "lock\n");

        change.rollBack();

        assertThat(Files.readString(root.resolve("requirements.txt"))).isEqualTo("a\n");
        assertThat(root.resolve("pylock.toml")).doesNotExist();
        assertThat(journalFolder()).containsExactly(".gitignore", "lock");
    }

    @Test
    void whatAKilledChangeLeftIsUndoneByTheNextRecovery() throws IOException {
        // the state a process killed between writing the manifest and the lock leaves on disk
        Files.writeString(root.resolve("pyproject.toml"), "edited\n");
        Files.writeString(root.resolve("pylock.toml"), "old lock\n");
        Path folder = Files.createDirectories(root.resolve(".dockenv/change"));
        Files.writeString(folder.resolve("1.before"), "original\n");
        Files.writeString(folder.resolve("2.before"), "old lock\n");
        Files.writeString(folder.resolve("journal"),
                "dockenv-change 1 dockenv add requests\npresent pyproject.toml\npresent pylock.toml\n");

        var recovered = ChangeJournal.recover(root);

        assertThat(recovered).contains(new ChangeJournal.Recovered("dockenv add requests",
                List.of("pyproject.toml", "pylock.toml")));
        assertThat(Files.readString(root.resolve("pyproject.toml"))).isEqualTo("original\n");
        assertThat(Files.readString(root.resolve("pylock.toml"))).isEqualTo("old lock\n");
        assertThat(journalFolder()).containsExactly(".gitignore", "lock");
        assertThat(ChangeJournal.recover(root)).isEmpty();
    }

    @Test
    void copiesWithoutAJournalAreAChangeThatNeverStartedOrAlreadyStood() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "now\n");
        Path folder = Files.createDirectories(root.resolve(".dockenv/change"));
        Files.writeString(folder.resolve("1.before"), "then\n");

        assertThat(ChangeJournal.recover(root)).isEmpty();

        assertThat(Files.readString(root.resolve("requirements.txt"))).isEqualTo("now\n");
        assertThat(folder.resolve("1.before")).doesNotExist();
    }

    @Test
    void aJournalNamingAFileOutsideTheProjectIsRefusedAndTouchesNothing() throws IOException {
        Path outside = Files.writeString(root.resolveSibling(root.getFileName() + "-outside.txt"), "keep\n");
        try {
            Path folder = Files.createDirectories(root.resolve(".dockenv/change"));
            Files.writeString(folder.resolve("1.before"), "evil\n");
            Files.writeString(folder.resolve("journal"), "dockenv-change 1 x\npresent ../" + outside.getFileName() + "\n");

            assertThatThrownBy(() -> ChangeJournal.recover(root)).isInstanceOf(IOException.class)
                    .hasMessageContaining("has a line dockenv did not write: present ../");
            assertThat(Files.readString(outside)).isEqualTo("keep\n");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aSecondChangeWhileOneIsOpenIsRefusedAndRecoveryLeavesTheOpenOneAlone() throws IOException {
        Files.writeString(root.resolve("requirements.txt"), "a\n");
        ChangeJournal first = ChangeJournal.begin(root, "dockenv add b", List.of(root.resolve("requirements.txt")));
        Files.writeString(root.resolve("requirements.txt"), "a\nb\n");

        assertThatThrownBy(() -> ChangeJournal.begin(root, "dockenv add c", List.of(root.resolve("requirements.txt"))))
                .isInstanceOf(ChangeJournal.ChangeInProgressException.class);
        assertThat(ChangeJournal.recover(root)).isEmpty();
        assertThat(Files.readString(root.resolve("requirements.txt"))).isEqualTo("a\nb\n");

        first.commit();
        ChangeJournal.begin(root, "dockenv add c", List.of(root.resolve("requirements.txt"))).commit();
    }

    @Test
    void aProjectWithoutJournalIsLeftUntouched() throws IOException {
        assertThat(ChangeJournal.recover(root)).isEmpty();
        assertThat(root.resolve(".dockenv")).doesNotExist();
    }

    private List<String> journalFolder() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve(ChangeJournal.FOLDER))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
