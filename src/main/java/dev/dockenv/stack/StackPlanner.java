package dev.dockenv.stack;

import dev.dockenv.config.NameReference;
import dev.dockenv.config.PortMapping;
import dev.dockenv.config.ServiceSetting;
import dev.dockenv.config.StackSettings;
import dev.dockenv.io.Sha256;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans the dev stack from the settings: each service over its preset, the compose project and
 * network named for the project (and its folder, so two checkouts never share a database), and the
 * variables the app gets for the services it depends on. Pure: reads no file, starts nothing.
 */
public final class StackPlanner {
    /**
     * The timings of the presets' health checks, and of a user's check written without them
     * (compose's defaults are 30 s apart).
     */
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int RETRIES = 30;

    private StackPlanner() {
    }

    /**
     * @param projectName the project's name
     * @param root the project's root folder (relative binds start there; its path names the stack)
     * @param appVariables the variables the user sets for the app ({@code env} of the settings): the
     *     app keeps those, a service's variable of the same name is not given
     */
    public static StackPlan plan(String projectName, Path root, StackSettings settings, Set<String> appVariables) {
        String project = composeProject(projectName, root);
        // two services of one kind the app depends on: their variables are told apart by the services' names
        Map<ServiceKind, Integer> kinds = new HashMap<>();
        for (ServiceSetting s : settings.appDependencies()) {
            ServiceKind.of(s.image()).ifPresent(k -> kinds.merge(k, 1, Integer::sum));
        }
        List<PlannedService> services = new ArrayList<>();
        Map<String, Map<String, StackValue>> appVariablesByService = new HashMap<>();
        for (ServiceSetting s : settings.services()) {
            Optional<ServiceKind> kind = ServiceKind.of(s.image());
            Optional<ServicePreset> preset = kind.map(k -> ServicePreset.of(k, s.name(), s.environment(), secretName(s)));
            Map<String, StackValue> env = new LinkedHashMap<>(preset.map(ServicePreset::environment).orElse(Map.of()));
            s.environment().forEach((k, v) -> env.put(k, StackValue.text(v)));
            List<PlannedService.Mount> mounts = new ArrayList<>();
            for (ServiceSetting.VolumeSetting v : s.volumes()) {
                mounts.add(v instanceof ServiceSetting.VolumeSetting.Named n
                        ? new PlannedService.Mount.Volume(n.volume(), n.target(), n.readOnly())
                        : new PlannedService.Mount.Bind(root.resolve(((ServiceSetting.VolumeSetting.Bind) v).source())
                                .normalize(), v.target(), v.readOnly()));
            }
            kind.flatMap(ServiceKind::dataPath).ifPresent(data -> {
                if (mounts.stream().noneMatch(m -> m.target().equals(data))) {
                    mounts.add(new PlannedService.Mount.Volume(s.name() + "-data", data, false));
                }
            });
            Optional<PlannedService.Healthcheck> health = s.healthcheck().isPresent()
                    ? healthcheck(s.healthcheck().get()) : preset.flatMap(ServicePreset::healthcheck);
            boolean disabled = s.healthcheck().orElse(null) instanceof ServiceSetting.HealthcheckSetting.Disabled;
            services.add(new PlannedService(s.name(), s.location(), s.image(), kind, s.command(), env,
                    s.ports().stream().map(p -> PortMapping.parse(p).orElseThrow()).toList(), mounts, health, disabled,
                    s.dependsOn().stream().map(NameReference::name).toList()));
            preset.ifPresent(p -> {
                boolean alone = kinds.getOrDefault(kind.get(), 0) <= 1;
                Map<String, StackValue> vars = new LinkedHashMap<>();
                p.app().forEach((k, v) -> vars.put(alone ? k : s.variableName() + "_" + k, v));
                appVariablesByService.put(s.name(), vars);
            });
        }
        List<String> direct = settings.appDependencies().stream().map(ServiceSetting::name).toList();
        StackPlan partial = new StackPlan(project, project, services, direct, Map.of());
        List<String> dependencies = partial.withDependencies(direct);
        Map<String, StackValue> appEnv = new LinkedHashMap<>();
        for (String name : direct) {
            appVariablesByService.getOrDefault(name, Map.of()).forEach((k, v) -> {
                if (!appVariables.contains(k)) {
                    appEnv.put(k, v);
                }
            });
        }
        return new StackPlan(project, project, services, dependencies, appEnv);
    }

    /** The variable holding a service's generated password: DOCKENV_SECRET_ and its name in capitals. */
    static String secretName(ServiceSetting service) {
        return "DOCKENV_SECRET_" + service.variableName();
    }


    /**
     * The compose project of a project's stack: dockenv-NAME-HASH, HASH from the root's path (both
     * compose v1 and v2 take lower-case letters, digits, '-' and '_').
     */
    public static String composeProject(String projectName, Path root) {
        String name = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-")
                .replaceAll("^[_-]+", "").replaceAll("[_-]+$", "");
        if (name.length() > 40) {
            name = name.substring(0, 40).replaceAll("[_-]+$", "");
        }
        String hash = HexFormat.of().formatHex(Sha256.of(root.toAbsolutePath().normalize().toString()), 0, 4);
        return "dockenv-" + (name.isEmpty() ? "project" : name) + "-" + hash;
    }

    private static Optional<PlannedService.Healthcheck> healthcheck(ServiceSetting.HealthcheckSetting setting) {
        if (setting instanceof ServiceSetting.HealthcheckSetting.Check c) {
            return Optional.of(new PlannedService.Healthcheck(c.test(), c.shell(),
                    c.interval().orElse(INTERVAL),
                    c.timeout().orElse(TIMEOUT), c.retries().orElse(RETRIES),
                    c.startPeriod().orElse(Duration.ZERO)));
        }
        return Optional.empty();
    }
}
