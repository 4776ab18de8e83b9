package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;

/** One meaningful line (or part of a line) of a requirements file. */
public sealed interface RequirementsEntry
        permits PackageRequirement, LocalRequirement, UrlRequirement, IncludeFile, GlobalOption {

    /** Where the entry starts: file, physical line and column. */
    SourceLocation location();
}
