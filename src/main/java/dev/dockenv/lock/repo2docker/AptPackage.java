package dev.dockenv.lock.repo2docker;

import dev.dockenv.errors.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * A Debian package named in {@code apt.txt}: {@code name}, {@code name=version} or
 * {@code name/release}, as {@code apt-get install} takes them.
 *
 * @param version  the exact version after {@code =} ({@code 1:2.39.2-1ubuntu1})
 * @param release  the release (suite or codename) after {@code /} ({@code bookworm-backports})
 * @param location where the name starts
 */
public record AptPackage(String name, Optional<String> version, Optional<String> release, SourceLocation location) {

    public AptPackage {
        Objects.requireNonNull(name);
        Objects.requireNonNull(version);
        Objects.requireNonNull(release);
        Objects.requireNonNull(location);
        if (version.isPresent() && release.isPresent()) {
            throw new IllegalArgumentException("apt-get takes a version or a release, not both");
        }
    }

    /** The {@code apt-get install} argument: {@code name}, {@code name=version} or {@code name/release}. */
    public String argument() {
        return name + version.map(v -> "=" + v).orElse("") + release.map(r -> "/" + r).orElse("");
    }

    @Override
    public String toString() {
        return argument();
    }
}
