package dev.dockenv.lock.format;

import dev.dockenv.pyproject.PyprojectFile;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What reading a lock and judging its freshness needs besides the lock: the project's root, its
 * pyproject.toml (poetry.lock's groups, uv.lock's recorded metadata, pdm's and poetry's content
 * hashes), and for dockenv's own pylock.toml the digest of the inputs the project would be locked
 * from now (asked only of a lock that records one).
 */
public record LockContext(Path root, Optional<PyprojectFile> pyproject, Supplier<String> dockenvInputsDigest) {
}
