package dev.dockenv.lock.poetry;

import dev.dockenv.io.Sha256;
import dev.dockenv.lock.PythonJson;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tomlj.TomlTable;

/**
 * The {@code content-hash} poetry writes into poetry.lock's [metadata], as poetry's
 * {@code Locker._get_content_hash} computes it, so that a stale lock can be told:
 * the sha256 of {@code json.dumps(relevant, sort_keys=True)}, where {@code relevant} holds the
 * [tool.poetry] keys "dependencies", "source", "extras" and "dev-dependencies" (null when
 * missing) and "group" (when present). Poetry 2 also hashes [project] "requires-python",
 * "dependencies" and "optional-dependencies": when one of them is present, {@code relevant} is
 * {@code {"project": {...}, "tool": {"poetry": {...}}}} and missing keys are left out instead.
 * (Poetry 1.x ignores [project], so its hash of a project that has those keys differs.)
 */
public final class PoetryContentHash {
    private static final List<String> LEGACY_KEYS = List.of("dependencies", "source", "extras", "dev-dependencies");
    private static final List<String> RELEVANT_KEYS = List.of("dependencies", "source", "extras", "dev-dependencies",
            "group");
    private static final List<String> PROJECT_KEYS = List.of("requires-python", "dependencies",
            "optional-dependencies");

    private PoetryContentHash() {
    }

    /** The lower-case hex sha256 poetry would write for this pyproject.toml. */
    public static String of(Path pyproject) {
        return of(TomlDocument.read(pyproject));
    }

    public static String of(TomlDocument doc) {
        Optional<TomlTable> poetry = doc.table(List.of("tool", "poetry"));
        if (poetry.isEmpty() && doc.contains(List.of("tool", "poetry"))) {
            throw doc.wrongType(List.of("tool", "poetry"), "a table");
        }
        Map<String, Object> project = new LinkedHashMap<>();
        doc.table(List.of("project")).ifPresent(p -> {
            for (String key : PROJECT_KEYS) {
                Object value = p.get(List.of(key));
                if (value != null) {
                    project.put(key, value);
                }
            }
        });
        Map<String, Object> tool = new LinkedHashMap<>();
        for (String key : RELEVANT_KEYS) {
            Object value = poetry.map(t -> t.get(List.of(key))).orElse(null);
            if (value == null && (!LEGACY_KEYS.contains(key) || !project.isEmpty())) {
                continue;
            }
            tool.put(key, value);
        }
        Object relevant = project.isEmpty() ? tool : Map.of("project", project, "tool", Map.of("poetry", tool));
        String json;
        try {
            json = PythonJson.dumps(relevant);
        } catch (IllegalArgumentException e) {
            throw new InputException(SourceLocation.of(doc.file()), "poetry cannot hash this pyproject.toml: "
                    + e.getMessage());
        }
        return sha256(json);
    }

    private static String sha256(String text) {
        return Sha256.hex(text);
    }
}
