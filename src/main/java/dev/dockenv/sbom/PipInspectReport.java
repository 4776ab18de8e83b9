package dev.dockenv.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.pep.MarkerEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code python -m pip inspect} printed in an image (pip's inspection report, version 1, pip
 * 22.2 and later): the distributions installed in the environment with their core metadata, and
 * the marker values of the interpreter.
 *
 * @param environment the report's marker environment, when it has every PEP 508 variable
 */
public record PipInspectReport(List<Installed> installed, Optional<MarkerEnvironment> environment) {

    /**
     * The command that prints the report for the environment the image's {@code python} runs in:
     * with that environment's own pip, else (dockenv's prod images keep no pip in the venv) with the
     * image's pip, which PIP_PYTHON points at the venv.
     */
    public static final List<String> COMMAND = List.of("sh", "-c",
            "if python -c 'import pip' >/dev/null 2>&1; then exec python -m pip \"$@\"; fi; exec pip \"$@\"", "pip",
            "--disable-pip-version-check", "inspect", "--local");

    /**
     * One installed distribution.
     *
     * @param licenseExpression core metadata 2.4 {@code License-Expression}
     * @param license           the free-text {@code License} field
     * @param classifiers       the trove classifiers (licenses among them)
     * @param requiresDist      {@code Requires-Dist}, PEP 508 strings
     * @param requested         whether it was asked for by name (pip's REQUESTED), not pulled in as a dependency
     */
    public record Installed(String name, String version, Optional<String> licenseExpression, Optional<String> license,
            List<String> classifiers, List<String> requiresDist, boolean requested) {
        public Installed {
            classifiers = List.copyOf(classifiers);
            requiresDist = List.copyOf(requiresDist);
        }
    }

    public PipInspectReport {
        installed = List.copyOf(installed);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the report; anything else (an old pip's usage text, a truncated report) is an error naming the image. */
    public static PipInspectReport parse(String json, String image) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw unreadable(image, "is not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw unreadable(image, "is empty");
        }
        if (!"1".equals(root.path("version").asText())) {
            throw unreadable(image, "has version '" + root.path("version").asText() + "', not 1");
        }
        if (!root.path("installed").isArray()) {
            throw unreadable(image, "has no 'installed' list");
        }
        List<Installed> installed = new ArrayList<>();
        for (JsonNode item : root.path("installed")) {
            JsonNode metadata = item.path("metadata");
            String name = metadata.path("name").asText("");
            String version = metadata.path("version").asText("");
            if (name.isEmpty() || version.isEmpty()) {
                throw unreadable(image, "lists a distribution without name or version (" + item.path("metadata_location")
                        .asText("?") + ")");
            }
            installed.add(new Installed(name, version, text(metadata.path("license_expression")),
                    text(metadata.path("license")), strings(metadata.path("classifier")),
                    strings(metadata.path("requires_dist")), item.path("requested").asBoolean(false)));
        }
        return new PipInspectReport(installed, environment(root.path("environment")));
    }

    private static Optional<MarkerEnvironment> environment(JsonNode env) {
        List<String> values = new ArrayList<>();
        for (String variable : MarkerEnvironment.VARIABLES) {
            if (variable.equals("extra")) {
                values.add("");
            } else if (env.path(variable).isTextual()) {
                values.add(env.path(variable).asText());
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new MarkerEnvironment(values.get(0), values.get(1), values.get(2), values.get(3),
                values.get(4), values.get(5), values.get(6), values.get(7), values.get(8), values.get(9),
                values.get(10), values.get(11)));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isTextual()) {
                    out.add(n.asText());
                }
            });
        }
        return out;
    }

    private static DockenvException unreadable(String image, String why) {
        return new DockenvException(ExitCode.ENGINE_ERROR, "the report of `pip inspect` in " + image + " " + why,
                "the image's pip must be 22.2 or later: `pip inspect` lists what is installed");
    }
}
