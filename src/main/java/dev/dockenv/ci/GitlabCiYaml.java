package dev.dockenv.ci;

import dev.dockenv.yaml.BlockYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** A {@link GitlabCi} as YAML: one mapping per job, keys in GitLab's usual order, scripts of several lines as literal blocks. */
public final class GitlabCiYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*|\\.[A-Za-z0-9_-]+");

    private GitlabCiYaml() {
    }

    public static String render(GitlabCi ci) {
        List<NodeTuple> root = new ArrayList<>();
        for (GitlabCi.Job job : ci.jobs()) {
            List<NodeTuple> j = new ArrayList<>();
            job.extendsJob().ifPresent(e -> put(j, "extends", string(e)));
            job.stage().ifPresent(s -> put(j, "stage", string(s)));
            if (!job.needs().isEmpty()) {
                put(j, "needs", list(job.needs().stream().map(GitlabCiYaml::string).toList()));
            }
            if (!job.rules().isEmpty()) {
                List<Node> rules = new ArrayList<>();
                for (String rule : job.rules()) {
                    List<NodeTuple> r = new ArrayList<>();
                    put(r, "if", BlockYaml.string(rule, Pattern.compile("(?!)")));
                    rules.add(new MappingNode(Tag.MAP, r, FlowStyle.BLOCK));
                }
                put(j, "rules", list(rules));
            }
            if (!job.beforeScript().isEmpty()) {
                put(j, "before_script", lines(job.beforeScript()));
            }
            if (!job.script().isEmpty()) {
                put(j, "script", lines(job.script()));
            }
            if (!job.afterScript().isEmpty()) {
                put(j, "after_script", lines(job.afterScript()));
            }
            put(root, job.name(), new MappingNode(Tag.MAP, j, FlowStyle.BLOCK));
        }
        return BlockYaml.dump(new MappingNode(Tag.MAP, root, FlowStyle.BLOCK));
    }

    private static Node lines(List<String> lines) {
        return list(lines.stream().map(l -> l.contains("\n") ? BlockYaml.literal(l.endsWith("\n") ? l : l + "\n")
                : BlockYaml.string(l, Pattern.compile("(?!)"))).map(n -> (Node) n).toList());
    }

    private static Node string(String value) {
        return BlockYaml.string(value, PLAIN);
    }

    private static Node list(List<Node> nodes) {
        return new SequenceNode(Tag.SEQ, nodes, FlowStyle.BLOCK);
    }

    private static void put(List<NodeTuple> tuples, String key, Node value) {
        tuples.add(new NodeTuple(BlockYaml.string(key, PLAIN), value));
    }
}
