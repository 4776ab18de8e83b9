package dev.dockenv.script;

import dev.dockenv.config.DockenvConfig;
import dev.dockenv.python.DeclaredPython;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What dockenv reads from a script's PEP 723 metadata: {@code dependencies} (PEP 508 strings),
 * {@code requires-python} and {@code [tool.dockenv]} (the settings of dockenv.toml), each with
 * where it is written in the script.
 */
public record InlineScript(Path file, ScriptBlock block, List<DeclaredRequirement> dependencies,
        Optional<DeclaredPython> requiresPython, DockenvConfig config) {

    public InlineScript {
        dependencies = List.copyOf(dependencies);
    }

    /** The script's file name ({@code fetch.py}). */
    public String fileName() {
        return file.getFileName().toString();
    }

    /** The script's name without {@code .py}: the environment's name. */
    public String name() {
        String name = fileName();
        return name.endsWith(".py") && name.length() > 3 ? name.substring(0, name.length() - 3) : name;
    }

    /** The metadata's digest ({@link ScriptBlock#digest()}). */
    public String metadataDigest() {
        return block.digest();
    }
}
