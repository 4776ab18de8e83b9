package dev.dockenv.config;

import java.util.List;
import java.util.Optional;

/**
 * The settings of the dev stack: the services beside the app ({@code [tool.dockenv.services]}, in
 * the order written) and the services the app depends on ({@code depends-on}; empty when not
 * written, which means every service).
 */
public record StackSettings(List<ServiceSetting> services, Optional<List<NameReference>> dependsOn) {
    public StackSettings {
        services = List.copyOf(services);
        dependsOn = dependsOn.map(List::copyOf);
    }

    public static StackSettings none() {
        return new StackSettings(List.of(), Optional.empty());
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }

    /** The services the app depends on: those {@code depends-on} names, else all of them. */
    public List<ServiceSetting> appDependencies() {
        if (dependsOn.isEmpty()) {
            return services;
        }
        List<String> names = dependsOn.get().stream().map(NameReference::name).toList();
        return services.stream().filter(s -> names.contains(s.name())).toList();
    }
}
