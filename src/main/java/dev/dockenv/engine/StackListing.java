package dev.dockenv.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code docker stack ps} and {@code docker stack services} print with {@code --format '{{json .}}'}. */
final class StackListing {
    /** The client's "2/3", perhaps followed by " (max 1 per node)". */
    private static final Pattern REPLICAS = Pattern.compile("(\\d+)/(\\d+).*");

    static final String FORMAT = "{{json .}}";

    private StackListing() {
    }

    static List<StackTask> tasks(String lines) {
        List<StackTask> tasks = new ArrayList<>();
        for (Map<String, String> task : objects(lines)) {
            tasks.add(new StackTask(task.getOrDefault("ID", ""), task.getOrDefault("Name", ""),
                    task.getOrDefault("Image", ""), StackTask.stateWord(task.getOrDefault("DesiredState", "")),
                    StackTask.stateWord(task.getOrDefault("CurrentState", "")), unquoted(task.getOrDefault("Error", ""))));
        }
        return tasks;
    }

    /** The client prints a task's error in quotes ({@code "task: non-zero exit (1)"}). */
    private static String unquoted(String error) {
        String e = error.strip();
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    static List<StackService> services(String lines) {
        List<StackService> services = new ArrayList<>();
        for (Map<String, String> service : objects(lines)) {
            Matcher replicas = REPLICAS.matcher(service.getOrDefault("Replicas", ""));
            if (!replicas.matches()) {
                throw new EngineException("the client listed the service " + service.getOrDefault("Name", "?")
                        + " with replicas '" + service.getOrDefault("Replicas", "") + "', not as RUNNING/DESIRED", null);
            }
            services.add(new StackService(service.getOrDefault("Name", ""), service.getOrDefault("Mode", ""),
                    Integer.parseInt(replicas.group(1)), Integer.parseInt(replicas.group(2)),
                    service.getOrDefault("Image", "")));
        }
        return services;
    }

    private static List<Map<String, String>> objects(String lines) {
        List<Map<String, String>> objects = new ArrayList<>();
        for (String line : lines.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Map<String, String> object = DockerJson.flatObject(line);
            if (object.isEmpty()) {
                throw new EngineException("the client printed '" + line + "' where a JSON object was expected", null);
            }
            objects.add(object);
        }
        return objects;
    }
}
