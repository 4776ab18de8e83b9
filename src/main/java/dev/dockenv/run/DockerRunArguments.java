package dev.dockenv.run;

import dev.dockenv.config.PortMapping;
import dev.dockenv.plan.ContainerPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a {@link RunSpec} into the arguments of {@code docker run}. */
public final class DockerRunArguments {
    private DockerRunArguments() {
    }

    public static List<String> of(RunSpec spec) {
        return of(spec, List.of());
    }

    /**
     * @param engineOptions what the engine needs to run as the spec's user (the engine's
     *        {@code runOptions}: {@code --userns=keep-id} for rootless Podman), after {@code -i}
     */
    public static List<String> of(RunSpec spec, List<String> engineOptions) {
        List<String> a = new ArrayList<>(List.of("run", "--rm", "--init", "-i"));
        a.addAll(engineOptions);
        if (spec.tty()) {
            a.add("-t");
        }
        a.addAll(List.of("--hostname", spec.hostname()));
        spec.network().ifPresent(n -> a.addAll(List.of("--network", n)));
        a.addAll(List.of("--user", spec.user().ids()));
        a.addAll(List.of("--mount", bind(spec.projectRoot(), ContainerPaths.PROJECT, false)));
        a.addAll(List.of("--workdir", spec.containerWorkdir()));
        String home = AccountFiles.homeOf(spec.user());
        spec.userMounts().ifPresent(m -> {
            a.addAll(List.of("--mount", bind(m.passwd(), "/etc/passwd", true)));
            a.addAll(List.of("--mount", bind(m.group(), "/etc/group", true)));
            a.addAll(List.of("--mount", bind(m.home(), home, false)));
        });
        a.addAll(List.of("--env", "HOME=" + home));
        a.addAll(List.of("--env", "USER=" + spec.user().accountName()));
        for (PortMapping port : spec.ports()) {
            a.addAll(List.of("--publish", port.publishArgument()));
        }
        for (Path envFile : spec.envFiles()) {
            a.addAll(List.of("--env-file", envFile.toString()));
        }
        for (String env : spec.environment()) {
            a.addAll(List.of("--env", env));
        }
        spec.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(l -> a.addAll(List.of("--label", l.getKey() + "=" + l.getValue())));
        a.add(spec.image());
        a.addAll(spec.command());
        return List.copyOf(a);
    }

    /** A --mount value; fields with a comma or quote are CSV-quoted as the docker client expects. */
    static String bind(Path source, String target, boolean readOnly) {
        return "type=bind," + csv("source=" + source) + "," + csv("target=" + target) + (readOnly ? ",readonly" : "");
    }

    private static String csv(String field) {
        if (field.contains(",") || field.contains("\"")) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
