package dev.dockenv.context;

import java.util.List;

/**
 * The files dockenv's deploy commands write into the project by default: the server's compose file
 * and the Swarm stack file ({@code deploy/compose.yaml}, {@code deploy/stack.yaml}, and
 * {@code deploy/APP.compose.yaml}, {@code deploy/APP.stack.yaml} for an app), and the Kubernetes
 * manifests' folder ({@code k8s}). They describe where the release runs, not what it is: they stay
 * out of every image's build context, and a change to them does not make a release's tree dirty,
 * so that deploying twice needs no commit in between. Patterns relative to the project's root, in
 * a syntax .dockerignore and git's glob pathspecs read alike ({@code *} within one folder).
 */
public final class DeployOutputs {
    private static final List<String> PATTERNS = List.of(
            "deploy/compose.yaml",
            "deploy/*.compose.yaml",
            "deploy/stack.yaml",
            "deploy/*.stack.yaml",
            "k8s");

    private DeployOutputs() {
    }

    public static List<String> patterns() {
        return PATTERNS;
    }
}
