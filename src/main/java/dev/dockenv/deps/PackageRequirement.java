package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Requirement;
import java.util.List;
import java.util.Objects;

/**
 * A PEP 508 requirement line, such as {@code requests[socks]>=2.31 ; python_version >= "3.8"},
 * with its {@code --hash} options.
 *
 * @param hashes normalized as {@code sha256:<lowercase hex>}, in the order written
 */
public record PackageRequirement(Requirement requirement, List<String> hashes, SourceLocation location)
        implements RequirementsEntry {

    public PackageRequirement {
        Objects.requireNonNull(requirement);
        Objects.requireNonNull(location);
        hashes = List.copyOf(hashes);
    }
}
