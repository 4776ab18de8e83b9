package dev.dockenv.cli;

import dev.dockenv.engine.PushedImage;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.k8s.ContainerPort;
import dev.dockenv.k8s.DeployedApp;
import dev.dockenv.k8s.ImageByDigest;
import dev.dockenv.plan.AppPlan;
import dev.dockenv.release.ReleasePlan;
import dev.dockenv.stack.StackValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code deploy k8s} deploys of a pushed release, as {@link DeployedApp}: the release's name and
 * version, the image by the digest the registry gave it, the prod image's ports and start command,
 * the configured variables (plain, in the ConfigMap), the variables that reach the stack's services:
 * plain when they hold no secret, else a reference to a key of the app's Secret ({@code NAME-secrets},
 * created by the user: no secret value is ever written), the health check and the prod image's user.
 *
 * @param release    the release's plan (name, version)
 * @param pushed     the references pushed, in the release's order (the first's digest is deployed)
 * @param app        the app's plan (ports, start command)
 * @param configured the configured variables ({@code [tool.dockenv] env})
 * @param stack      the variables the app gets to reach the services it depends on (may hold secrets)
 * @param command    whether the manifest states the start command (dockenv's own Dockerfile); a
 *                   project's own Dockerfile keeps its image's CMD
 * @param uid        the user the container runs as
 */
record K8sDeployment(ReleasePlan release, List<PushedImage> pushed, AppPlan app, Map<String, String> configured,
        Map<String, StackValue> stack, boolean command, long uid, int replicas, K8sHealth health) {

    K8sDeployment {
        pushed = List.copyOf(pushed);
        configured = Map.copyOf(configured);
        stack = Map.copyOf(stack);
    }

    /** The image by digest: the first pushed reference (the version's tag when there is one). */
    ImageByDigest image() {
        if (pushed.isEmpty()) {
            throw new IllegalStateException("nothing was pushed");
        }
        PushedImage first = pushed.get(0);
        return ImageByDigest.parse(first.reference().text() + "@" + first.digest());
    }

    /** The model the manifests are rendered from; a value Kubernetes would refuse is a usage error naming it. */
    DeployedApp deployedApp() {
        try {
            DeployedApp.Builder b = DeployedApp.builder(release.name(), image(), uid).runAsGroup(uid).replicas(replicas);
            release.version().ifPresent(b::version);
            List<Integer> ports = app.prodPorts();
            for (int port : ports) {
                boolean udp = app.ports().stream().anyMatch(p -> p.containerPort() == port
                        && "udp".equalsIgnoreCase(p.protocol()));
                b.port(udp ? ContainerPort.udp(port) : ContainerPort.tcp(port));
            }
            if (command) {
                b.args(app.start().argv());
            }
            Map<String, String> plain = new TreeMap<>();
            new TreeMap<>(stack).forEach((name, value) -> {
                if (configured.containsKey(name)) {
                    return; // the configured value wins, as in the dev stack
                }
                if (value.secrets().isEmpty()) {
                    plain.put(name, value.resolve(Map.of()));
                } else {
                    b.secret(name);
                }
            });
            plain.putAll(configured);
            b.env(plain);
            health.probe(ports).ifPresent(b::health);
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new DockenvException(ExitCode.BAD_INPUT, "cannot deploy " + release.name() + " to Kubernetes: "
                    + e.getMessage(), "change the value in the project's dockenv settings");
        }
    }
}
