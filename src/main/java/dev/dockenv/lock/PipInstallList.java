package dev.dockenv.lock;

import java.util.List;

/**
 * A lock turned into what pip installs without the lock's tool: {@code hashed} lines for
 * {@code pip install --require-hashes --no-deps -r}, and {@code unhashed} lines (local paths,
 * editable and VCS packages, which cannot carry hashes) for a second {@code --no-deps} run.
 */
public record PipInstallList(List<String> hashed, List<String> unhashed) {
    public PipInstallList {
        hashed = List.copyOf(hashed);
        unhashed = List.copyOf(unhashed);
    }

    /** Requirements-file text of the hashed part (one package per entry, hashes on continuation lines). */
    public String hashedText() {
        return hashed.isEmpty() ? "" : String.join("\n", hashed) + "\n";
    }

    public String unhashedText() {
        return unhashed.isEmpty() ? "" : String.join("\n", unhashed) + "\n";
    }

    public boolean isEmpty() {
        return hashed.isEmpty() && unhashed.isEmpty();
    }
}
