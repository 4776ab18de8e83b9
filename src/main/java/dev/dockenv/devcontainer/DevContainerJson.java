package dev.dockenv.devcontainer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * devcontainer.json from a {@link DevContainer}: properties in the specification's order, two spaces
 * of indentation, one value per line, a final newline. Jackson writes it, so every string is escaped
 * as JSON requires.
 */
public final class DevContainerJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
            .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));

    private DevContainerJson() {
    }

    public static String render(DevContainer c) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", c.name());
        if (!c.initializeCommand().isEmpty()) {
            root.set("initializeCommand", strings(c.initializeCommand()));
        }
        root.set("dockerComposeFile", strings(c.composeFiles()));
        root.put("service", c.service());
        if (!c.runServices().isEmpty()) {
            root.set("runServices", strings(c.runServices()));
        }
        root.put("workspaceFolder", c.workspaceFolder());
        root.put("shutdownAction", c.shutdownAction());
        root.put("overrideCommand", c.overrideCommand());
        root.put("updateRemoteUserUID", c.updateRemoteUserUid());
        if (!c.forwardPorts().isEmpty()) {
            ArrayNode ports = root.putArray("forwardPorts");
            c.forwardPorts().keySet().forEach(ports::add);
            ObjectNode attributes = root.putObject("portsAttributes");
            c.forwardPorts().forEach((port, label) -> {
                ObjectNode a = attributes.putObject(Integer.toString(port));
                if (!label.isEmpty()) {
                    a.put("label", label);
                }
                a.put("onAutoForward", "notify");
            });
        }
        if (!c.extensions().isEmpty() || !c.settings().isEmpty()) {
            ObjectNode vscode = root.putObject("customizations").putObject("vscode");
            if (!c.extensions().isEmpty()) {
                vscode.set("extensions", strings(c.extensions()));
            }
            if (!c.settings().isEmpty()) {
                ObjectNode settings = vscode.putObject("settings");
                for (Map.Entry<String, Object> s : c.settings().entrySet()) {
                    if (s.getValue() instanceof Boolean b) {
                        settings.put(s.getKey(), b);
                    } else {
                        settings.put(s.getKey(), (String) s.getValue());
                    }
                }
            }
        }
        try {
            return JSON.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always writes", e);
        }
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        values.forEach(a::add);
        return a;
    }
}
