package dev.dockenv.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One value for a pip command: the same arguments as argv and as shell text. */
class PipCommandTest {

    @Test
    void shellTextQuotesOnlyWhatNeedsIt() {
        PipCommand pip = PipCommand.install("-c", "constraints.txt", "-r", "requirements files/base.txt",
                "rich; python_version >= \"3.8\"", "it's");
        assertThat(pip.shellText()).isEqualTo("pip install -c constraints.txt -r 'requirements files/base.txt' "
                + "'rich; python_version >= \"3.8\"' 'it'\"'\"'s'");
        assertThat(pip.arguments()).containsExactly("-c", "constraints.txt", "-r", "requirements files/base.txt",
                "rich; python_version >= \"3.8\"", "it's");
    }

    @Test
    void anotherPipAndAPatternTheShellExpands() {
        assertThat(PipCommand.install("-U", "-r", "x.txt").shellText("python -m pip"))
                .isEqualTo("python -m pip install -U -r x.txt");
        PipCommand wheels = PipCommand.installMatching(List.of("--no-deps"), "/tmp/dockenv-wheels/*.whl");
        assertThat(wheels.shellText()).isEqualTo("pip install --no-deps /tmp/dockenv-wheels/*.whl");
        assertThat(PipCommand.wheel(List.of("--no-deps", "/build/project")).shellText())
                .isEqualTo("pip wheel --no-deps /build/project");
    }

    @Test
    void plusAppendsArgumentsAndKeepsThePattern() {
        PipCommand report = PipCommand.install("--dry-run", "--report", "/tmp/main.json").plus(List.of("-r", "a b.txt"));
        assertThat(report.arguments()).containsExactly("--dry-run", "--report", "/tmp/main.json", "-r", "a b.txt");
        assertThat(report.shellText("/tmp/v/bin/pip"))
                .isEqualTo("/tmp/v/bin/pip install --dry-run --report /tmp/main.json -r 'a b.txt'");
    }

    @Test
    void aLockedInstallRunsItsInPlaceListsAndALayerItsOwnPrefix() {
        GeneratedFile seeded = new GeneratedFile(".dockenv/main.lock.txt", "pip==24.0\n");
        GeneratedFile unhashed = new GeneratedFile(".dockenv/main.unhashed.txt", "-e ./libs/seed\n");
        GeneratedFile layerList = new GeneratedFile(".dockenv/main.layer-1.lock.txt", "idna==3.6\n");
        StageInstall.Locked locked = new StageInstall.Locked("pylock.toml [main]", List.of("libs/seed"),
                List.of(new LockLayer.Pip("deps-main-1", layerList)), java.util.Optional.of(seeded),
                java.util.Optional.of(unhashed));
        assertThat(locked.pipCommands()).extracting(PipCommand::shellText).containsExactly(
                "pip install --require-hashes --no-deps -r .dockenv/main.lock.txt",
                "pip install --no-deps -r .dockenv/main.unhashed.txt");
        assertThat(locked.generatedFiles()).containsExactly(layerList, seeded, unhashed);
        assertThat(locked.layers().get(0).command()).isEqualTo("pip install --require-hashes --no-deps "
                + "--ignore-installed --no-warn-script-location --prefix /opt/dockenv-layer -r "
                + ".dockenv/main.layer-1.lock.txt");
    }
}
