package dev.dockenv.lock.conda;

import dev.dockenv.io.Utf8File;
import dev.dockenv.deps.RequirementsFile;
import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.python.PythonVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import dev.dockenv.python.DeclaredPython;

/**
 * Reads a conda environment file ({@code environment.yml} / {@code environment.yaml}) as conda
 * and micromamba do: {@code name}, {@code channels}, {@code dependencies} (conda MatchSpecs and
 * one {@code pip:} list of requirements-file lines), {@code variables}; {@code prefix} is ignored,
 * other tools' keys are collected, not rejected. The file is YAML 1.2. Every malformed input is an
 * {@link InputException} at file:line:column.
 */
public final class CondaEnvironmentReader {
    private static final List<String> KEYS = List.of("name", "channels", "dependencies", "prefix", "variables");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int TYPO_MIN_LENGTH = 5;

    private final YamlDocument doc;
    private Optional<String> name = Optional.empty();
    private final List<CondaChannel> channels = new ArrayList<>();
    private final List<MatchSpec> dependencies = new ArrayList<>();
    private final List<PipLine> pipLines = new ArrayList<>();
    private final List<PipSection.Item> pipItems = new ArrayList<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final Map<String, SourceLocation> ignoredKeys = new LinkedHashMap<>();

    private CondaEnvironmentReader(YamlDocument doc) {
        this.doc = doc;
    }

    public static CondaEnvironment read(Path file) {
        return parse(file, Utf8File.read(file));
    }

    /** Parses {@code content}; {@code file} names it in locations (and is the result's file). */
    public static CondaEnvironment parse(Path file, String content) {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return new CondaEnvironmentReader(YamlDocument.compose(file, text)).read();
    }

    private CondaEnvironment read() {
        Node root = doc.root().orElseThrow(() -> new InputException(SourceLocation.of(doc.file()),
                "the environment file is empty", "list the environment's packages under dependencies:"));
        if (!(root instanceof MappingNode mapping)) {
            throw new InputException(doc.at(root), "expected a mapping with name, channels and dependencies at the "
                    + "top level, found " + YamlDocument.describe(root));
        }
        Map<String, SourceLocation> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw new InputException(doc.at(tuple.getKeyNode()), "expected a key such as dependencies, found "
                        + YamlDocument.describe(tuple.getKeyNode()));
            }
            String key = keyNode.getValue();
            SourceLocation first = seen.putIfAbsent(key, doc.at(keyNode));
            if (first != null) {
                throw new InputException(doc.at(keyNode), "'" + key + "' appears twice (first on line "
                        + first.line() + ")", "merge the two into one");
            }
            Node value = tuple.getValueNode();
            switch (key) {
                case "name" -> name = optionalString(key, value);
                case "channels" -> channels(value);
                case "dependencies" -> dependencies(value);
                case "variables" -> variables(value);
                case "prefix" -> {
                    // the build decides where the environment lives
                }
                default -> unknownKey(key, keyNode);
            }
        }
        RequirementsFile pip = PipSection.parse(doc.file(), pipItems);
        return new CondaEnvironment(doc.file(), name, channels, dependencies, pipLines, pip, variables, python(),
                ignoredKeys);
    }

    private void unknownKey(String key, ScalarNode keyNode) {
        Optional<String> close = DidYouMean.closest(key, KEYS);
        if (close.isPresent() && (key.length() >= TYPO_MIN_LENGTH || close.get().equalsIgnoreCase(key))) {
            throw new InputException(doc.at(keyNode), "unknown key '" + key + "'", "did you mean '" + close.get() + "'?");
        }
        ignoredKeys.put(key, doc.at(keyNode));
    }

    private Optional<String> optionalString(String key, Node value) {
        if (YamlDocument.isNull(value)) {
            return Optional.empty();
        }
        if (!(value instanceof ScalarNode scalar)) {
            throw new InputException(doc.at(value), key + ": expected a string, found " + YamlDocument.describe(value));
        }
        return Optional.of(scalar.getValue());
    }

    private void channels(Node value) {
        for (Node item : list("channels", value, "channels:\n  - conda-forge")) {
            if (!(item instanceof ScalarNode scalar) || YamlDocument.isNull(item) || scalar.getValue().isBlank()) {
                throw new InputException(doc.at(item), "channels: expected a channel name or URL, found "
                        + YamlDocument.describe(item));
            }
            String channel = scalar.getValue().strip();
            for (int i = 0; i < channel.length(); i++) {
                if (Character.isWhitespace(channel.charAt(i))) {
                    throw new InputException(offset(scalar, scalar.getValue().indexOf(channel) + i),
                            "channels: a channel name cannot contain blanks ('" + channel + "')",
                            "list one channel per line");
                }
            }
            channels.add(new CondaChannel(channel, doc.contentStart(scalar)));
        }
    }

    private void dependencies(Node value) {
        boolean pipSeen = false;
        for (Node item : list("dependencies", value, "dependencies:\n  - python=3.12\n  - numpy")) {
            if (item instanceof ScalarNode scalar && !YamlDocument.isNull(item)) {
                SourceLocation at = doc.columnsExact(scalar) ? doc.contentStart(scalar) : doc.at(scalar);
                dependencies.add(MatchSpec.parse(scalar.getValue(), at));
            } else if (item instanceof MappingNode mapping) {
                pipSeen = pip(mapping, pipSeen);
            } else {
                throw new InputException(doc.at(item), "dependencies: expected a conda package such as numpy=1.26, "
                        + "or a pip: list, found " + YamlDocument.describe(item));
            }
        }
    }

    /** {@code - pip: [...]} inside dependencies; returns true (a pip list has been seen). */
    private boolean pip(MappingNode mapping, boolean pipSeen) {
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            String key = keyNode instanceof ScalarNode k ? k.getValue() : YamlDocument.describe(keyNode);
            if (!key.equals("pip")) {
                throw new InputException(doc.at(keyNode), "dependencies: only 'pip:' can hold a list here, found '"
                        + key + ":'", key.equalsIgnoreCase("pip") ? "write it in lower case: pip:"
                        : "conda installs the packages listed directly under dependencies:, and pip those under pip:");
            }
            if (pipSeen) {
                throw new InputException(doc.at(keyNode), "dependencies: a second 'pip:' list",
                        "merge the pip: lists into one");
            }
            pipSeen = true;
            Node value = tuple.getValueNode();
            if (!(value instanceof SequenceNode sequence)) {
                throw new InputException(doc.at(value), "pip: expected a list of pip requirement lines, found "
                        + YamlDocument.describe(value), "write one requirement per line:\n  - pip:\n      - requests>=2.31");
            }
            for (Node line : sequence.getValue()) {
                if (!(line instanceof ScalarNode scalar) || YamlDocument.isNull(line)) {
                    throw new InputException(doc.at(line), "pip: expected a requirement line such as requests>=2.31, found "
                            + YamlDocument.describe(line));
                }
                SourceLocation start = doc.contentStart(scalar);
                pipLines.add(new PipLine(scalar.getValue(), start));
                pipItems.add(new PipSection.Item(scalar.getValue(), start, doc.columnsExact(scalar)));
            }
        }
        return pipSeen;
    }

    private void variables(Node value) {
        if (YamlDocument.isNull(value)) {
            return;
        }
        if (!(value instanceof MappingNode mapping)) {
            throw new InputException(doc.at(value), "variables: expected a mapping of NAME: value, found "
                    + YamlDocument.describe(value), "variables:\n  MY_SETTING: value");
        }
        Map<String, SourceLocation> seen = new HashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key) || !VARIABLE_NAME.matcher(key.getValue()).matches()) {
                throw new InputException(doc.at(keyNode), "variables: " + YamlDocument.describe(keyNode)
                        + " is not an environment variable name", "use letters, digits and '_', not starting with a digit");
            }
            SourceLocation first = seen.putIfAbsent(key.getValue(), doc.at(key));
            if (first != null) {
                throw new InputException(doc.at(key), "variables: '" + key.getValue() + "' appears twice (first on line "
                        + first.line() + ")");
            }
            Node v = tuple.getValueNode();
            if (!(v instanceof ScalarNode scalar) || YamlDocument.isNull(v)) {
                throw new InputException(YamlDocument.isNull(v) ? doc.at(key) : doc.at(v), "variables: "
                        + key.getValue() + " needs a value, found " + YamlDocument.describe(v),
                        "write a string; quote it if it looks like a number or is empty: \"\"");
            }
            String text = scalar.getValue();
            if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
                boolean lineBreak = text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
                throw new InputException(doc.at(v), "variables: " + key.getValue() + " holds a "
                        + (lineBreak ? "line break" : "control character")
                        + ", which an environment variable of the image cannot carry (a Dockerfile ENV value is one line)",
                        "write the value on one line; a block scalar (| or >) ends with a line break, '>-' does not");
            }
            variables.put(key.getValue(), text);
        }
    }

    private List<Node> list(String key, Node value, String example) {
        if (YamlDocument.isNull(value)) {
            return List.of();
        }
        if (!(value instanceof SequenceNode sequence)) {
            throw new InputException(doc.at(value), key + ": expected a list, found " + YamlDocument.describe(value),
                    "write one entry per line:\n" + example);
        }
        return sequence.getValue();
    }

    /** The first {@code python} dependency with a version, as the Python resolver reads it. */
    private Optional<DeclaredPython> python() {
        for (MatchSpec spec : dependencies) {
            if (!spec.isPython() || spec.version().isEmpty()) {
                continue;
            }
            Optional<String> text;
            try {
                text = CondaVersionSpec.toPython(spec.version().get());
            } catch (CondaSyntaxException e) {
                throw new InputException(spec.location(), "cannot read the Python version of '" + spec.text().strip()
                        + "': " + e.getMessage(), "write python=3.12 or 'python>=3.10,<3.13'");
            }
            if (text.isEmpty()) {
                continue;
            }
            if (PythonVersion.parse(text.get()).isEmpty()) {
                try {
                    SpecifierSet.parse(text.get());
                } catch (PepSyntaxException e) {
                    throw new InputException(spec.location(), "cannot read the Python version of '"
                            + spec.text().strip() + "' as a Python version range: " + e.getMessage(),
                            "write python=3.12 or 'python>=3.10,<3.13'");
                }
            }
            return Optional.of(new DeclaredPython(text.get(), spec.location()));
        }
        return Optional.empty();
    }

    /** The position {@code index} characters into a scalar's value (its start when columns do not map). */
    private SourceLocation offset(ScalarNode scalar, int index) {
        SourceLocation start = doc.contentStart(scalar);
        if (!doc.columnsExact(scalar) || start.column() == 0) {
            return start;
        }
        return new SourceLocation(start.file(), start.line(), start.column() + index);
    }
}
