package dev.dockenv.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a requirements file as pip does: backslash continuations, comments, options on their own
 * lines, per-requirement options ({@code --hash}) after a requirement. Errors are
 * {@link dev.dockenv.errors.InputException}s at the physical line and column of the problem.
 * Environment variables ({@code ${VAR}}) are left as written.
 */
public final class RequirementsFileParser {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private RequirementsFileParser() {
    }

    /** Parses {@code content}; {@code file} is only used in locations. */
    public static RequirementsFile parse(Path file, String content) {
        String text = !content.isEmpty() && content.charAt(0) == BYTE_ORDER_MARK ? content.substring(1) : content;
        List<RequirementsEntry> entries = new ArrayList<>();
        for (LogicalLine line : LogicalLines.split(text)) {
            entries.addAll(new RequirementLineParser(file, line).parse());
        }
        return new RequirementsFile(file, entries);
    }
}
