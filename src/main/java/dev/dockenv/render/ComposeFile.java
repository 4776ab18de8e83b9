package dev.dockenv.render;

import dev.dockenv.plan.ImageNames;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.EnvironmentPlan;
import dev.dockenv.config.PortMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;

/**
 * The compose.yaml dockenv init writes: the dev environment as a compose service, built from the
 * Dockerfile beside it, the project mounted, ports on 127.0.0.1.
 */
public final class ComposeFile {
    private ComposeFile() {
    }

    public static String render(EnvironmentPlan plan) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("context", ".");
        build.put("target", EnvironmentDockerfile.DEV);
        if (plan.index().hostNetwork()) {
            build.put("network", "host");
        }
        if (!plan.index().buildArgs().isEmpty()) {
            Map<String, Object> args = new LinkedHashMap<>();
            plan.index().buildArgs().forEach((k, v) -> args.put(k, new Quoted(escape(v))));
            build.put("args", args);
        }
        Map<String, Object> app = new LinkedHashMap<>();
        app.put("build", build);
        app.put("image", ImageNames.repositoryFor(plan.projectName()) + ":" + EnvironmentDockerfile.DEV);
        app.put("init", true);
        app.put("user", new Quoted("${DOCKENV_UID:-1000}:${DOCKENV_GID:-1000}"));
        app.put("working_dir", ContainerPaths.PROJECT);
        app.put("volumes", List.of(new Quoted(".:" + ContainerPaths.PROJECT)));
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("HOME", new Quoted("/tmp"));
        new TreeMap<>(plan.environment()).forEach((k, v) -> env.put(k, new Quoted(escape(v))));
        app.put("environment", env);
        List<Object> ports = new ArrayList<>();
        for (PortMapping port : plan.ports()) {
            ports.add(new Quoted(port.publishArgument()));
        }
        if (!ports.isEmpty()) {
            app.put("ports", ports);
        }
        if (!plan.command().isEmpty()) {
            app.put("command", plan.command().stream().map(c -> (Object) new Quoted(escape(c))).toList());
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("services", Map.of("app", app));

        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndentWithIndicator(true).setIndicatorIndent(2).build();
        String yaml = new Dump(settings, new QuotingRepresenter(settings)).dumpToString(root);
        return "# Written by dockenv init: the environment of `dockenv run` for docker compose.\n"
                + "# Run as yourself: export DOCKENV_UID=$(id -u) DOCKENV_GID=$(id -g)\n"
                + "#   then: docker compose run --rm app python --version\n"
                + yaml;
    }

    /** Compose interpolates ${...}: a literal $ is written $$. */
    private static String escape(String value) {
        return value.replace("$", "$$");
    }

    /** A string always written double-quoted (ports like 8000:8000 are numbers to YAML 1.1 readers). */
    record Quoted(String value) {
    }

    private static final class QuotingRepresenter extends StandardRepresenter {
        QuotingRepresenter(DumpSettings settings) {
            super(settings);
            this.representers.put(Quoted.class,
                    data -> representScalar(Tag.STR, ((Quoted) data).value(), ScalarStyle.DOUBLE_QUOTED));
        }
    }
}
