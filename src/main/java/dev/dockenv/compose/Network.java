package dev.dockenv.compose;

import java.util.Optional;

/**
 * A network declared at the top level of the file. Without options compose names it
 * {@code PROJECT_KEY}; {@code name} fixes the engine's name instead, so that a container started
 * outside compose ({@code docker run --network NAME}) can join it.
 */
public record Network(Optional<String> name, boolean attachable) {
    /** A network compose names after the project and its key. */
    public static final Network DEFAULT = new Network(Optional.empty());

    public Network {
        name.ifPresent(n -> ComposeChecks.name("a network's name", n));
    }

    /** A network that only the file's services join. */
    public Network(Optional<String> name) {
        this(name, false);
    }

    /**
     * The same network, which containers started outside the stack may join too
     * ({@code attachable: true}: a Swarm stack's overlay network refuses them otherwise).
     */
    public Network asAttachable() {
        return new Network(name, true);
    }

    /** A network the engine knows by this name, whatever the project. */
    public static Network named(String name) {
        return new Network(Optional.of(name));
    }
}
