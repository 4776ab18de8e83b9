package dev.dockenv.it.support;

import java.util.List;

/**
 * The compose projects dockenv starts for test projects (dockenv-NAME-HASH): finding their
 * containers, volumes and networks by compose's labels, and removing everything they left.
 */
public final class Stacks {
    private Stacks() {
    }

    /** The compose project names on the engine that belong to the test project {@code name}. */
    public static List<String> projects(String name) {
        String prefix = "dockenv-" + name.toLowerCase(java.util.Locale.ROOT) + "-";
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (List<String> listing : List.of(
                List.of("ps", "-a", "--filter", "label=com.docker.compose.project", "--format",
                        "{{.Label \"com.docker.compose.project\"}}"),
                List.of("volume", "ls", "--filter", "label=com.docker.compose.project", "--format",
                        "{{.Label \"com.docker.compose.project\"}}"),
                List.of("network", "ls", "--filter", "label=com.docker.compose.project", "--format",
                        "{{.Label \"com.docker.compose.project\"}}"))) {
            Docker.run(listing).stdout().lines().map(String::strip).filter(l -> l.startsWith(prefix)).forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** The containers of a compose project (running or not), as SERVICE STATE lines. */
    public static List<String> containers(String project) {
        return Docker.run("ps", "-a", "--filter", "label=com.docker.compose.project=" + project, "--format",
                "{{.Label \"com.docker.compose.service\"}} {{.State}}").stdout().lines().sorted().toList();
    }

    /** The running containers of a compose project's services. */
    public static List<String> running(String project) {
        return containers(project).stream().filter(l -> l.endsWith(" running")).toList();
    }

    public static List<String> volumes(String project) {
        return Docker.run("volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + project).stdout()
                .lines().sorted().toList();
    }

    /** Removes what the test project's stacks left: containers, volumes, networks. */
    public static void remove(String name) {
        projects(name).forEach(Stacks::removeComposeProject);
    }

    /** Removes the containers, volumes and networks of one compose project. */
    public static void removeComposeProject(String project) {
        {
            String filter = "label=com.docker.compose.project=" + project;
            Docker.run("ps", "-aq", "--filter", filter).stdout().lines().filter(l -> !l.isBlank())
                    .forEach(id -> Docker.run("rm", "-f", "-v", id));
            Docker.run("volume", "ls", "-q", "--filter", filter).stdout().lines().filter(l -> !l.isBlank())
                    .forEach(v -> Docker.run("volume", "rm", "-f", v));
            Docker.run("network", "ls", "-q", "--filter", filter).stdout().lines().filter(l -> !l.isBlank())
                    .forEach(n -> Docker.run("network", "rm", n));
        }
    }
}
