package dev.dockenv.compose;

import java.util.Optional;

/**
 * A named volume declared at the top level of the file. Without options compose names it
 * {@code PROJECT_KEY}; {@code name} fixes the engine's name instead.
 */
public record Volume(Optional<String> name) {
    /** A volume compose names after the project and its key. */
    public static final Volume DEFAULT = new Volume(Optional.empty());

    public Volume {
        name.ifPresent(n -> ComposeChecks.name("a volume's name", n));
    }

    /** A volume the engine knows by this name, whatever the project. */
    public static Volume named(String name) {
        return new Volume(Optional.of(name));
    }
}
