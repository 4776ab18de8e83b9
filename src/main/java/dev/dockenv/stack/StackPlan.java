package dev.dockenv.stack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dev stack of a project: its services (in the order written), the compose project and
 * network they run in, the services the app depends on and the variables the app gets to reach
 * them ({@code DATABASE_URL} ...). Holds secret references, never secret values.
 *
 * @param project the compose project name (lower-case letters, digits, '-' and '_')
 * @param network the name of the network the services and the app's containers share
 * @param appDependencies the services the app needs started, in start order
 */
public record StackPlan(
        String project,
        String network,
        List<PlannedService> services,
        List<String> appDependencies,
        Map<String, StackValue> appEnvironment) {

    public StackPlan {
        services = List.copyOf(services);
        appDependencies = List.copyOf(appDependencies);
        appEnvironment = Map.copyOf(appEnvironment);
    }

    public boolean isEmpty() {
        return services.isEmpty();
    }

    public Optional<PlannedService> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public List<String> serviceNames() {
        return services.stream().map(PlannedService::name).toList();
    }

    /** Every secret the stack names, sorted. */
    public List<String> secrets() {
        Set<String> names = new java.util.TreeSet<>();
        for (PlannedService s : services) {
            s.environment().values().forEach(v -> names.addAll(v.secrets()));
        }
        appEnvironment.values().forEach(v -> names.addAll(v.secrets()));
        return List.copyOf(names);
    }

    /** The named services and everything they depend on, dependencies first. */
    public List<String> withDependencies(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String name : names) {
            add(name, out);
        }
        return new ArrayList<>(out);
    }

    private void add(String name, Set<String> out) {
        if (out.contains(name)) {
            return;
        }
        service(name).ifPresent(s -> s.dependsOn().forEach(d -> add(d, out)));
        out.add(name);
    }
}
