package dev.dockenv.deps;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A parsed requirements file: its entries in the order written. */
public record RequirementsFile(Path path, List<RequirementsEntry> entries) {

    public RequirementsFile {
        Objects.requireNonNull(path);
        entries = List.copyOf(entries);
    }

    /** The entries of one kind, such as {@code entriesOf(PackageRequirement.class)}. */
    public <T extends RequirementsEntry> List<T> entriesOf(Class<T> kind) {
        return entries.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
