package dev.dockenv.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An app's lock keeps the versions the shared lock pins: its stages install over the shared base. */
class AppLockPinsTest {
    private static final Path APP_LOCK = Path.of("pylock.api.toml");

    private static LockedPackage pkg(String name, String version) {
        return new LockedPackage(name, Optional.of(version), Optional.empty(), List.of(),
                new PackageSource.Registry(Optional.empty()), Set.of("main"), SourceLocation.of(APP_LOCK));
    }

    private static LockFile lock(Path file, LockedPackage... packages) {
        return new LockFile(file, "test", List.of(packages), Optional.empty(), List.of(), Optional.empty());
    }

    @Test
    void anAppLockWithTheSharedVersionsAndPackagesOfItsOwnPasses() {
        LockFile shared = lock(Path.of("pylock.toml"), pkg("idna", "3.6"));
        LockFile app = lock(APP_LOCK, pkg("IDNA", "3.6"), pkg("itsdangerous", "2.1.2"));
        assertThatCode(() -> LockCommand.requireSharedPins(APP_LOCK, app, Optional.of(shared))).doesNotThrowAnyException();
        assertThatCode(() -> LockCommand.requireSharedPins(APP_LOCK, app, Optional.empty()))
                .as("no shared lock: nothing to keep").doesNotThrowAnyException();
    }

    @Test
    void anotherVersionOfASharedPackageIsAnErrorNamingBoth() {
        LockFile shared = lock(Path.of("pylock.toml"), pkg("idna", "3.6"));
        LockFile app = lock(APP_LOCK, pkg("idna", "3.7"));
        DockenvException e = catchThrowableOfType(DockenvException.class,
                () -> LockCommand.requireSharedPins(APP_LOCK, app, Optional.of(shared)));
        assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(e.getMessage()).contains("pylock.api.toml: idna resolves to 3.7", "pylock.toml pins 3.6");
        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("pin idna in the shared requirements"));
    }
}
