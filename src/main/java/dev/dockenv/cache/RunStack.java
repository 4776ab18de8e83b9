package dev.dockenv.cache;

import java.util.List;

/**
 * The services a warm {@code run} needs ready before it starts the app's container, and how the
 * container joins them: the compose project they run in, its network, and the file of the
 * variables the app gets (which holds the passwords: the cache holds its path only).
 */
public record RunStack(String composeProject, String network, List<String> services, String envFile) {
    public RunStack {
        services = List.copyOf(services);
    }
}
