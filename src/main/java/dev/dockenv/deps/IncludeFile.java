package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;
import java.util.Objects;

/**
 * A {@code -r file} or {@code -c file} line. Relative paths are relative to the directory of
 * the file that contains the line.
 */
public record IncludeFile(Kind kind, String rawPath, SourceLocation location) implements RequirementsEntry {

    /** What the included file holds. */
    public enum Kind {
        /** {@code -r} / {@code --requirement}. */
        REQUIREMENTS,
        /** {@code -c} / {@code --constraint}. */
        CONSTRAINTS
    }

    public IncludeFile {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(rawPath);
        Objects.requireNonNull(location);
    }

    /** True for http(s) URLs, which pip downloads. */
    public boolean isRemote() {
        return RequirementForms.isRemoteUrl(rawPath);
    }
}
