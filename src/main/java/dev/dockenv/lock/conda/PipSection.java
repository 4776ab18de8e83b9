package dev.dockenv.lock.conda;

import dev.dockenv.deps.GlobalOption;
import dev.dockenv.deps.IncludeFile;
import dev.dockenv.deps.LocalRequirement;
import dev.dockenv.deps.PackageRequirement;
import dev.dockenv.deps.RequirementsEntry;
import dev.dockenv.deps.RequirementsFile;
import dev.dockenv.deps.RequirementsFileParser;
import dev.dockenv.deps.UrlRequirement;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the lines of a {@code pip:} list with dockenv's requirements-file parser, one line at a
 * time (conda writes each entry as one line of a requirements file), and moves the positions of
 * entries and errors from the line into the environment file.
 */
final class PipSection {

    /** One pip entry: its text, where the text starts in the file, and whether columns map one to one. */
    record Item(String text, SourceLocation start, boolean columnsExact) {
    }

    private PipSection() {
    }

    static RequirementsFile parse(Path file, List<Item> items) {
        List<RequirementsEntry> entries = new ArrayList<>();
        for (Item item : items) {
            RequirementsFile one;
            try {
                one = RequirementsFileParser.parse(file, item.text());
            } catch (InputException e) {
                throw new InputException(relocate(e.location(), item), "invalid pip line: " + e.problem(),
                        e.hint().orElse(null));
            }
            for (RequirementsEntry entry : one.entries()) {
                entries.add(relocate(entry, relocate(entry.location(), item)));
            }
        }
        return new RequirementsFile(file, entries);
    }

    /** A position inside the item's text (line 1, column c) as a position in the environment file. */
    private static SourceLocation relocate(SourceLocation inItem, Item item) {
        SourceLocation start = item.start();
        if (!item.columnsExact() || inItem.line() != 1 || start.column() == 0 || inItem.column() == 0) {
            return start;
        }
        return new SourceLocation(start.file(), start.line(), start.column() + inItem.column() - 1);
    }

    private static RequirementsEntry relocate(RequirementsEntry entry, SourceLocation at) {
        if (entry instanceof PackageRequirement p) {
            return new PackageRequirement(p.requirement(), p.hashes(), at);
        } else if (entry instanceof LocalRequirement l) {
            return new LocalRequirement(l.rawPath(), l.editable(), l.extras(), l.marker(), l.hashes(), at);
        } else if (entry instanceof UrlRequirement u) {
            return new UrlRequirement(u.url(), u.editable(), u.marker(), u.hashes(), at);
        } else if (entry instanceof IncludeFile i) {
            return new IncludeFile(i.kind(), i.rawPath(), at);
        } else if (entry instanceof GlobalOption g) {
            return new GlobalOption(g.name(), g.value(), at);
        }
        throw new IllegalArgumentException("unknown requirements entry " + entry);
    }
}
