package dev.dockenv.engine;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubectl} program, run through the {@link ProcessRunner} like docker: {@code $DOCKENV_KUBECTL}
 * (a path or a command name, taken whole) or {@code kubectl} on PATH, with the caller's environment
 * (KUBECONFIG, the current context: the cluster is kubectl's choice, never dockenv's).
 */
public final class Kubectl {
    private final ProcessRunner processes;
    private final Map<String, String> environment;

    public Kubectl(ProcessRunner processes, Map<String, String> environment) {
        this.processes = processes;
        this.environment = Map.copyOf(environment);
    }

    /** The program run: DOCKENV_KUBECTL, else kubectl. */
    public String program() {
        String configured = environment.getOrDefault("DOCKENV_KUBECTL", "").trim();
        return configured.isEmpty() ? "kubectl" : configured;
    }

    /**
     * {@code kubectl apply -f FOLDER}: what kubectl printed (one line per object, {@code
     * deployment.apps/shop configured}).
     *
     * @throws DockenvException {@link ExitCode#DEPLOY_FAILED} when kubectl cannot be started or
     *         exits non-zero, with kubectl's own message (its first lines) and a hint
     */
    public String apply(Path folder) {
        List<String> command = List.of(program(), "apply", "-f", folder.toString());
        ProcessRunner.Result result;
        try {
            result = processes.run(command, environment, null);
        } catch (IOException e) {
            throw new DockenvException(ExitCode.DEPLOY_FAILED, "cannot run " + program() + ": " + e.getMessage(),
                    "install kubectl (or set DOCKENV_KUBECTL to it), or apply the manifests yourself: kubectl apply -f "
                            + folder);
        }
        if (!result.ok()) {
            throw new DockenvException(ExitCode.DEPLOY_FAILED, "kubectl apply -f " + folder + " failed (exit "
                    + result.exitCode() + "): " + firstLines(result.stderr().isBlank() ? result.stdout()
                            : result.stderr()),
                    "the manifests are written in " + folder + "; check kubectl's cluster (kubectl config "
                            + "current-context, KUBECONFIG) and apply them again");
        }
        return result.stdout();
    }

    /** The message's first three non-blank lines, joined: kubectl repeats itself on long failures. */
    static String firstLines(String text) {
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).toList();
        return lines.isEmpty() ? "(kubectl printed nothing)" : String.join(" / ", lines);
    }
}
