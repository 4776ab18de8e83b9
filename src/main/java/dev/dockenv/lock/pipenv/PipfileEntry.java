package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.python.DeclaredRequirement;
import java.util.Optional;

/**
 * One package of a Pipfile category, with what its PEP 508 form cannot say.
 *
 * <p>The requirement is always valid PEP 508: {@code name[extras]specifiers; marker} for an index
 * package, {@code name @ url ; marker} otherwise. {@link #source()} tells the kinds apart:
 * <ul>
 * <li>{@link PackageSource.Registry}: from an index; the URL of the named {@code index} when the
 *     entry has one.
 * <li>{@link PackageSource.LocalPath}: {@code path = "..."} (or a {@code file} without a scheme),
 *     relative to the Pipfile's directory as written; the requirement's URL is {@code file:} followed
 *     by that path ({@code file:./libs/x}, {@code file:.}), which is relative, so resolve the path
 *     from here rather than from the URL.
 * <li>{@link PackageSource.DirectUrl}: {@code file = "https://..."}.
 * <li>{@link PackageSource.Vcs}: {@code git}/{@code hg}/{@code svn}/{@code bzr}; the URL carries
 *     the {@code vcs+} prefix and any {@code #subdirectory=}, the revision is {@code ref}; the
 *     requirement's URL is pip's {@code git+https://host/repo@ref#subdirectory=sub}.
 * </ul>
 *
 * @param name        the package name as written (the Pipfile key)
 * @param group       the normalized group: "main", "dev" or the category's PEP 503 name
 * @param requirement the PEP 508 form, located at the package's key
 * @param editable    {@code editable = true} (meaningful for path and VCS entries)
 * @param index       the {@code index = "name"} the entry names, if any
 */
public record PipfileEntry(String name, String group, DeclaredRequirement requirement, PackageSource source,
        boolean editable, Optional<String> index) {

    public SourceLocation location() {
        return requirement.location();
    }
}
