package dev.dockenv.deploy;

import dev.dockenv.compose.ComposeModel;
import dev.dockenv.compose.Condition;
import dev.dockenv.compose.Deploy;
import dev.dockenv.compose.Network;
import dev.dockenv.compose.RestartPolicy;
import dev.dockenv.compose.Service;
import dev.dockenv.compose.UpdateConfig;
import dev.dockenv.stack.StackPlan;
import java.time.Duration;

/**
 * The stack file of {@code dockenv deploy swarm}: the same app and deployed services as the
 * server's compose file ({@link ServerCompose}), in the form {@code docker stack deploy} takes. The
 * app runs {@code replicas} tasks of its pushed image, replaced one at a time, each new task
 * started and healthy before an old one stops ({@code start-first}), a failed update rolled back;
 * every service is restarted by Swarm ({@code deploy.restart_policy}: Swarm ignores
 * {@code restart:}); {@code depends_on} is a list (Swarm starts everything at once: the app must
 * retry until its database answers, and Swarm restarts it until then). The stack's network is
 * attachable, so that a proxy or a one-off container ({@code docker run --network STACK_default})
 * can reach the services by name.
 */
public final class SwarmStack {
    /** The network every service joins (the file does not name it on a service); Swarm names it {@code STACK_default}. */
    public static final String NETWORK = "default";
    /** The pause between two replaced tasks, and how long a new task is watched for a failure. */
    static final Duration UPDATE_DELAY = Duration.ofSeconds(2);
    static final Duration UPDATE_MONITOR = Duration.ofSeconds(15);
    /**
     * How often a task's health is checked: Swarm replaces the next replica only once the new one is
     * healthy, and the first check comes one interval after the start, so this is most of the time
     * each replica takes (a server's compose file checks every 10 s).
     */
    static final Duration HEALTH_INTERVAL = Duration.ofSeconds(5);
    /** The pause before Swarm restarts a task that stopped. */
    static final Duration RESTART_DELAY = Duration.ofSeconds(5);
    /**
     * What the client says of a password the operator did not set. Without a '-': the 20.10 client's
     * interpolation tries {@code ${NAME-default}} before {@code ${NAME:?message}}, and so takes
     * everything after a '-' of the message for the value (checked against docker stack deploy).
     */
    static final String UNSET = "is not set: give it in the env file of dockenv deploy swarm";

    private SwarmStack() {
    }

    /**
     * @param services the stack of the deployed services only, as the app sees it; an empty plan for none
     */
    public static ComposeModel model(SwarmApp app, StackPlan services) {
        ComposeModel.Builder model = ComposeModel.builder()
                .header("Written by dockenv deploy swarm: the release as a Swarm stack (docker stack deploy "
                        + "--with-registry-auth -c THIS_FILE STACK).", "Every node pulls the image from its registry; "
                        + "nothing is built here.");
        ServerCompose.withServices(model, app.service(), appService(app, services), services, s -> {
            Service.Builder b = ServerCompose.deployedService(s, UNSET, "deploy = true")
                    .deploy(Deploy.builder().restartPolicy(restartPolicy()).build());
            s.dependsOn().forEach(d -> b.dependsOn(d, Condition.SERVICE_STARTED));
            return b.build();
        });
        model.network(NETWORK, Network.DEFAULT.asAttachable());
        return model.build();
    }

    private static Service appService(SwarmApp app, StackPlan services) {
        Service.Builder b = ServerCompose.appBase(app.image(), app.envFile(), app.health(), HEALTH_INTERVAL, services,
                UNSET);
        if (app.endpointMode() == Deploy.EndpointMode.VIP) {
            app.containerPorts().forEach(port -> b.port(port + ":" + port));
        }
        services.appDependencies().forEach(d -> b.dependsOn(d, Condition.SERVICE_STARTED));
        Deploy.Builder deploy = Deploy.builder()
                .replicas(app.replicas())
                .updateConfig(UpdateConfig.builder().parallelism(1).delay(UPDATE_DELAY)
                        .order(UpdateConfig.Order.START_FIRST).failureAction(UpdateConfig.FailureAction.ROLLBACK)
                        .monitor(UPDATE_MONITOR).build())
                .rollbackConfig(UpdateConfig.builder().parallelism(1).order(UpdateConfig.Order.START_FIRST)
                        .failureAction(UpdateConfig.FailureAction.PAUSE).build())
                .restartPolicy(restartPolicy());
        if (app.endpointMode() == Deploy.EndpointMode.DNSRR) {
            deploy.endpointMode(Deploy.EndpointMode.DNSRR);
        }
        return b.deploy(deploy.build()).build();
    }

    /** Swarm's equivalent of {@code restart: unless-stopped}: any stop, after a pause, without a limit. */
    private static RestartPolicy restartPolicy() {
        return RestartPolicy.builder(RestartPolicy.Condition.ANY).delay(RESTART_DELAY).build();
    }
}
