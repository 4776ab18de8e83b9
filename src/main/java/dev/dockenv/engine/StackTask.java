package dev.dockenv.engine;

import java.util.Locale;

/**
 * One task of a Swarm stack, as {@code docker stack ps} lists it: a replica of a service at one
 * moment (an update leaves the old tasks listed as shut down beside the new ones).
 *
 * @param name the service and the replica's slot ({@code shop_web.1})
 * @param desiredState what Swarm wants of it ({@code running}, {@code shutdown}), lower case
 * @param currentState what it is ({@code running}, {@code starting}, {@code preparing}, {@code failed}...),
 *        lower case, without the client's "5 seconds ago"
 * @param error why it failed, empty when it did not
 */
public record StackTask(String id, String name, String image, String desiredState, String currentState, String error) {

    /** The service's name: the task's without its slot. */
    public String service() {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Swarm wants it running and it runs. */
    public boolean running() {
        return desiredState.equals("running") && currentState.equals("running");
    }

    /** It ended for good: failed, rejected, or given up. */
    public boolean failed() {
        return currentState.equals("failed") || currentState.equals("rejected");
    }

    /** The state word of the client's "Running 5 seconds ago", lower case. */
    static String stateWord(String state) {
        String s = state.strip();
        int space = s.indexOf(' ');
        return (space < 0 ? s : s.substring(0, space)).toLowerCase(Locale.ROOT);
    }
}
