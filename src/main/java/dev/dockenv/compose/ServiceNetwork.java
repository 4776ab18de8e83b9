package dev.dockenv.compose;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A network a service joins (a key of the file's {@code networks}), with more host names for it there. */
public record ServiceNetwork(String network, List<String> aliases) {
    public ServiceNetwork {
        ComposeChecks.name("a service's network", network);
        aliases = List.copyOf(aliases);
        Set<String> seen = new HashSet<>();
        for (String alias : aliases) {
            ComposeChecks.name("a network alias", alias);
            if (!seen.add(alias)) {
                throw new IllegalArgumentException("the network alias '" + alias + "' is given twice on " + network);
            }
        }
    }

    public static ServiceNetwork of(String network, String... aliases) {
        return new ServiceNetwork(network, List.of(aliases));
    }
}
