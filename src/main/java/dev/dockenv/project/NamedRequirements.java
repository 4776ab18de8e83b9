package dev.dockenv.project;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A requirements set the project has, by the name the configuration calls it, and where it is
 * installed. The name is NAME of {@code requirements_NAME.txt}, {@code requirements-NAME.txt},
 * {@code NAME-requirements.txt} or {@code requirements/NAME.txt}, "requirements" for
 * requirements.txt, and the path for a file the configuration names by its path.
 *
 * @param stage  where it is installed
 * @param reason why, in words: "default", "[tool.dockenv] requirements", "through requirements.txt",
 *               "not chosen"
 */
public record NamedRequirements(String name, Path file, Stage stage, String reason) {

    /** Where a set is installed. */
    public enum Stage {
        /** Installed in the base stage (and so in dev and prod). */
        BASE,
        /** Installed in the dev stage only. */
        DEV,
        /** Installed through another set that includes it with -r, in that set's stage. */
        INCLUDED,
        /** Installed in one app's environment or dev environment (the reason names the app). */
        APP,
        /** Found, not installed unless the configuration names it. */
        NOT_INSTALLED
    }

    public NamedRequirements {
        Objects.requireNonNull(name);
        Objects.requireNonNull(file);
        Objects.requireNonNull(stage);
        Objects.requireNonNull(reason);
    }
}
