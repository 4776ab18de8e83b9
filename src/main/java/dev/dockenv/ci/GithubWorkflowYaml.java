package dev.dockenv.ci;

import dev.dockenv.yaml.BlockYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A {@link GithubWorkflow} as YAML: keys in the order GitHub documents them, scripts as literal
 * blocks, an action's version as a comment after its pinned commit ({@code uses: a/b@SHA # v4.2.2}).
 */
public final class GithubWorkflowYaml {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./-][A-Za-z0-9_./*@-]*");

    private GithubWorkflowYaml() {
    }

    public static String render(GithubWorkflow w) {
        List<NodeTuple> root = new ArrayList<>();
        put(root, "name", string(w.name()));
        List<NodeTuple> on = new ArrayList<>();
        List<NodeTuple> push = new ArrayList<>();
        if (!w.pushBranches().isEmpty()) {
            put(push, "branches", strings(w.pushBranches()));
        }
        if (!w.pushTags().isEmpty()) {
            put(push, "tags", strings(w.pushTags()));
        }
        put(on, "push", map(push));
        if (w.pullRequests()) {
            put(on, "pull_request", map(List.of()));
        }
        put(root, "on", map(on));
        if (!w.permissions().isEmpty()) {
            put(root, "permissions", stringMap(w.permissions()));
        }
        // bash with pipefail (GitHub's `shell: bash`), not the default's bash -e alone
        List<NodeTuple> run = new ArrayList<>();
        put(run, "shell", string("bash"));
        List<NodeTuple> defaults = new ArrayList<>();
        put(defaults, "run", map(run));
        put(root, "defaults", map(defaults));
        List<NodeTuple> jobs = new ArrayList<>();
        for (GithubWorkflow.Job job : w.jobs()) {
            List<NodeTuple> j = new ArrayList<>();
            put(j, "name", string(job.name()));
            put(j, "runs-on", string(job.runsOn()));
            if (!job.env().isEmpty()) {
                put(j, "env", stringMap(job.env()));
            }
            List<Node> steps = new ArrayList<>();
            for (GithubWorkflow.Step step : job.steps()) {
                steps.add(step(step));
            }
            put(j, "steps", new SequenceNode(Tag.SEQ, steps, FlowStyle.BLOCK));
            put(jobs, job.id(), map(j));
        }
        put(root, "jobs", map(jobs));
        String yaml = BlockYaml.dump(map(root));
        // the version an action's commit is: a comment people read, which a YAML tree cannot hold
        for (GithubWorkflow.Job job : w.jobs()) {
            for (GithubWorkflow.Step step : job.steps()) {
                if (step instanceof GithubWorkflow.Uses u) {
                    String ref = u.action() + "@" + u.commit();
                    yaml = yaml.replace("uses: " + ref + "\n", "uses: " + ref + " # " + u.version() + "\n");
                }
            }
        }
        return yaml;
    }

    private static Node step(GithubWorkflow.Step step) {
        List<NodeTuple> s = new ArrayList<>();
        put(s, "name", string(step.name()));
        step.id().ifPresent(id -> put(s, "id", string(id)));
        step.condition().ifPresent(c -> put(s, "if", BlockYaml.string(c, Pattern.compile("(?!)"))));
        if (step instanceof GithubWorkflow.Uses u) {
            put(s, "uses", string(u.action() + "@" + u.commit()));
            if (!u.with().isEmpty()) {
                put(s, "with", stringMap(u.with()));
            }
        } else if (step instanceof GithubWorkflow.Run r) {
            if (!r.env().isEmpty()) {
                put(s, "env", stringMap(r.env()));
            }
            put(s, "run", BlockYaml.literal(r.script()));
        }
        return map(s);
    }

    private static Node string(String value) {
        return BlockYaml.string(value, PLAIN);
    }

    private static Node strings(List<String> values) {
        List<Node> nodes = values.stream().map(GithubWorkflowYaml::string).toList();
        return new SequenceNode(Tag.SEQ, nodes, FlowStyle.BLOCK);
    }

    private static Node stringMap(Map<String, String> values) {
        List<NodeTuple> t = new ArrayList<>();
        values.forEach((k, v) -> put(t, k, string(v)));
        return map(t);
    }

    private static MappingNode map(List<NodeTuple> tuples) {
        return new MappingNode(Tag.MAP, tuples, tuples.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }

    private static void put(List<NodeTuple> tuples, String key, Node value) {
        tuples.add(new NodeTuple(BlockYaml.string(key, PLAIN), value));
    }
}
