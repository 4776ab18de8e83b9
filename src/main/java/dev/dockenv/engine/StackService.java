package dev.dockenv.engine;

/**
 * One service of a Swarm stack, as {@code docker stack services} lists it.
 *
 * @param mode {@code replicated} or {@code global}
 * @param runningReplicas the tasks that run now
 * @param desiredReplicas the tasks Swarm keeps running
 */
public record StackService(String name, String mode, int runningReplicas, int desiredReplicas, String image) {

    /** Every replica Swarm wants runs. */
    public boolean converged() {
        return runningReplicas == desiredReplicas;
    }
}
