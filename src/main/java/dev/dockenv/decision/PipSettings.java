package dev.dockenv.decision;

import dev.dockenv.io.Sha256;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The package index settings of a build as pip's own variables ({@link PackageIndex#buildArgs()}),
 * and the same as a pip.conf that dockenv's BuildKit builds mount as a secret instead of passing
 * build arguments: BuildKit writes the arguments a RUN sees into the image's history, a secret leaves
 * no trace. The secret's id carries a digest of the settings, so that a build step's cache (keyed by
 * its mounts, not by a secret's content) is not reused for another index.
 */
public record PipSettings(Map<String, String> variables) {

    public PipSettings {
        variables = Map.copyOf(new TreeMap<>(variables));
        variables.forEach((name, value) -> {
            if (!name.startsWith("PIP_") || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("not a pip setting for pip.conf: " + name);
            }
        });
    }

    public boolean isEmpty() {
        return variables.isEmpty();
    }

    /** {@code [global]} with one line per variable: PIP_INDEX_URL becomes index-url, and so on. */
    public String pipConf() {
        StringBuilder text = new StringBuilder("[global]\n");
        new TreeMap<>(variables).forEach((name, value) -> text
                .append(name.substring(4).toLowerCase(Locale.ROOT).replace('_', '-')).append(" = ").append(value)
                .append('\n'));
        return text.toString();
    }

    /** The build secret's id: {@code pipconf-} and 12 hex digits of the pip.conf's digest. */
    public String secretId() {
        return "pipconf-" + HexFormat.of().formatHex(Sha256.of(pipConf()), 0, 6);
    }
}
