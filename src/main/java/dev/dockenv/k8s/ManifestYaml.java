package dev.dockenv.k8s;

import dev.dockenv.yaml.BlockYaml;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Kubernetes object of fabric8's model as a YAML document: the object as fabric8's own Jackson
 * annotations make it JSON (the API's field names, unset fields left out), written in block style,
 * the same bytes for the same object, lines never folded.
 *
 * <p>kubectl reads YAML 1.1 (where {@code yes}, {@code on} and {@code 0755} are not strings), so a
 * string is written plain only when no YAML 1.1 or 1.2 reader can take it for anything else (a
 * name, a path), else double-quoted ({@code "8000"}, {@code "true"}, an image reference).
 */
final class ManifestYaml {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z/][A-Za-z0-9_./-]*");

    private ManifestYaml() {
    }

    static String render(HasMetadata object) {
        return BlockYaml.dump(node(JSON.valueToTree(object)));
    }

    private static Node node(JsonNode json) {
        if (json.isObject()) {
            List<NodeTuple> tuples = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                tuples.add(new NodeTuple(string(field.getKey()), node(field.getValue())));
            }
            return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
        }
        if (json.isArray()) {
            List<Node> items = new ArrayList<>();
            json.values().forEach(item -> items.add(node(item)));
            return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
        }
        if (json.isBoolean()) {
            return new ScalarNode(Tag.BOOL, Boolean.toString(json.booleanValue()), ScalarStyle.PLAIN);
        }
        if (json.isIntegralNumber()) {
            return new ScalarNode(Tag.INT, json.numberValue().toString(), ScalarStyle.PLAIN);
        }
        if (json.isString()) {
            return string(json.stringValue());
        }
        throw new IllegalStateException("a manifest holds no " + json.getNodeType() + " value");
    }

    private static Node string(String value) {
        return BlockYaml.string(value, PLAIN);
    }
}
