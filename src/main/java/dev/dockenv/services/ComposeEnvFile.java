package dev.dockenv.services;

import dev.dockenv.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project's {@code .env}, which compose reads for interpolation: dockenv init adds the
 * services' passwords there (the names missing, never changing a line the user wrote), so that the
 * compose.yaml it writes runs with plain {@code docker compose up}. A new file is rw-------.
 */
public final class ComposeEnvFile {
    private ComposeEnvFile() {
    }

    /**
     * The variables an env file sets, as compose and docker read them: {@code NAME=value} lines,
     * {@code export } before the name allowed, comments and blank lines skipped; a later line wins.
     */
    public static Map<String, String> variables(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n", -1)) {
            String l = line.strip();
            if (l.startsWith("#")) {
                continue;
            }
            if (l.startsWith("export ")) {
                l = l.substring("export ".length()).strip();
            }
            int eq = l.indexOf('=');
            if (eq > 0) {
                out.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        }
        return out;
    }

    /** Adds the variables the file does not set; whether it wrote anything. */
    public static boolean addMissing(Path link, Map<String, String> variables) throws IOException {
        // a .env that is a link is written where it points, the link kept
        Path file = Files.exists(link) ? link.toRealPath() : link;
        String existing = Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        Map<String, String> missing = new LinkedHashMap<>(variables);
        if (existing != null) {
            missing.keySet().removeAll(variables(existing).keySet());
        }
        if (missing.isEmpty()) {
            return false;
        }
        StringBuilder b = new StringBuilder(existing == null ? "" : existing);
        if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
            b.append('\n');
        }
        b.append("# the passwords of the services in compose.yaml (made by dockenv init for this project)\n");
        missing.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        if (existing == null) {
            AtomicFiles.writePrivate(file, b.toString());
        } else {
            // written private first, then given the permissions the user's file had
            var permissions = Files.getPosixFilePermissions(file);
            AtomicFiles.writePrivate(file, b.toString());
            Files.setPosixFilePermissions(file, permissions);
        }
        return true;
    }
}
