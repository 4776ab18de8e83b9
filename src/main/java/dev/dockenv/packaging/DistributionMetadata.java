package dev.dockenv.packaging;

import dev.dockenv.errors.SourceLocation;
import java.util.Optional;

/**
 * What a project says about itself as a distribution, for release tags and image labels: its
 * version (normalized, PEP 440), a one-line description and its license. Each may be absent.
 *
 * @param version       the normalized version, when the project states one statically
 * @param versionSource where it was read ("pyproject.toml [project] version"), or why there is none
 * @param versionAt     the place it was read, for messages
 * @param description   the summary ([project] description, setup.cfg description, ...)
 * @param license       an SPDX expression or the license's text when it is one short line
 */
public record DistributionMetadata(
        Optional<String> version,
        String versionSource,
        Optional<SourceLocation> versionAt,
        Optional<String> description,
        Optional<String> license) {

    /** A project that states none of it. */
    public static DistributionMetadata none(String why) {
        return new DistributionMetadata(Optional.empty(), why, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
