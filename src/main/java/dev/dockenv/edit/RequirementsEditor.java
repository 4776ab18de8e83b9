package dev.dockenv.edit;

import dev.dockenv.deps.PackageRequirement;
import dev.dockenv.deps.RequirementsEntry;
import dev.dockenv.deps.RequirementsFile;
import dev.dockenv.deps.RequirementsFileParser;
import dev.dockenv.deps.UrlRequirement;
import dev.dockenv.errors.InputException;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adds, replaces and removes a requirement in a pip requirements file, one line per requirement:
 * a new one is appended, the same package's line is rewritten in place (keeping its comment), a
 * removed package's line goes (with its backslash continuations). A file whose requirements carry
 * {@code --hash} options is compiled by a tool and is not edited by hand.
 */
public final class RequirementsEditor {
    /** A comment as pip sees it: '#' at the start of a line or after whitespace. */
    private static final Pattern COMMENT = Pattern.compile("(^|\\s)#.*$");

    private final Path file;
    private final String text;
    private final RequirementsFile parsed;

    public RequirementsEditor(Path file, String text) {
        this.file = file;
        this.text = text;
        this.parsed = RequirementsFileParser.parse(file, text);
    }

    /** {@code requirement} appended, or written in place of the same package's line. */
    public DependencyEdit add(Requirement requirement) {
        refuseHashedFile();
        String wanted = requirement.text().strip();
        Optional<Named> existing = find(requirement.normalizedName());
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        if (existing.isPresent()) {
            Named e = existing.get();
            if (e.text().equals(wanted)) {
                return new DependencyEdit(text, EditKind.UNCHANGED, Optional.of(e.text()));
            }
            List<String> lines = lines();
            int first = e.line() - 1;
            int last = lastPhysicalLine(lines, first);
            Matcher comment = COMMENT.matcher(stripEol(lines.get(last)));
            String kept = comment.find() ? "  " + comment.group().strip() : "";
            String replaced = join(lines.subList(0, first)) + wanted + kept + eolOf(lines.get(last))
                    + join(lines.subList(last + 1, lines.size()));
            return checked(replaced, requirement.normalizedName(), true, EditKind.REPLACED, Optional.of(e.text()));
        }
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : nl;
        return checked(text + separator + wanted + nl, requirement.normalizedName(), true, EditKind.ADDED,
                Optional.empty());
    }

    /** The file without the line of the package {@code normalizedName}; empty when it has none. */
    public Optional<DependencyEdit> remove(String normalizedName) {
        Optional<Named> existing = find(normalizedName);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = lines();
        int first = existing.get().line() - 1;
        int last = lastPhysicalLine(lines, first);
        String removed = join(lines.subList(0, first)) + join(lines.subList(last + 1, lines.size()));
        return Optional.of(checked(removed, normalizedName, false, EditKind.REMOVED,
                Optional.of(existing.get().text())));
    }

    /** The names of the packages the file itself requires (not its includes). */
    public List<String> packageNames() {
        List<String> names = new ArrayList<>();
        for (RequirementsEntry entry : parsed.entries()) {
            nameOf(entry).ifPresent(n -> names.add(n.name()));
        }
        return names;
    }

    private record Named(String name, String text, int line) {
    }

    private static Optional<Named> nameOf(RequirementsEntry entry) {
        if (entry instanceof PackageRequirement p) {
            return Optional.of(new Named(p.requirement().normalizedName(), p.requirement().text().strip(),
                    p.location().line()));
        }
        if (entry instanceof UrlRequirement u && u.eggName().isPresent()) {
            return Optional.of(new Named(Pep503.normalize(u.eggName().get()), u.url(), u.location().line()));
        }
        return Optional.empty();
    }

    private Optional<Named> find(String normalizedName) {
        return parsed.entries().stream().map(RequirementsEditor::nameOf).flatMap(Optional::stream)
                .filter(n -> n.name().equals(normalizedName)).findFirst();
    }

    private void refuseHashedFile() {
        for (PackageRequirement p : parsed.entriesOf(PackageRequirement.class)) {
            if (!p.hashes().isEmpty()) {
                throw new InputException(p.location(), "this file pins its requirements with --hash (a compiled "
                        + "file): a line without hashes would make pip refuse all of it",
                        "add the package to the file it is compiled from and compile it again, or let dockenv "
                                + "lock the project (dockenv lock)");
            }
        }
    }

    /** The file's lines, each with its line ending. */
    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** The last physical line of the logical line starting at {@code first} (backslash continuations). */
    private static int lastPhysicalLine(List<String> lines, int first) {
        int last = first;
        while (last < lines.size() - 1 && stripEol(lines.get(last)).endsWith("\\")) {
            last++;
        }
        return last;
    }

    private static String stripEol(String line) {
        return line.endsWith("\r\n") ? line.substring(0, line.length() - 2)
                : line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private String eolOf(String line) {
        String eol = line.substring(stripEol(line).length());
        return eol.isEmpty() ? (text.contains("\r\n") ? "\r\n" : "\n") : eol;
    }

    private static String join(List<String> lines) {
        return String.join("", lines);
    }

    /** The edit, once the new text parses and names the package as asked (a bug otherwise). */
    private DependencyEdit checked(String newText, String name, boolean present, EditKind kind,
            Optional<String> previous) {
        List<String> before = new ArrayList<>(packageNames());
        before.remove(name);
        List<String> after = new ArrayList<>(new RequirementsEditor(file, newText).packageNames());
        boolean has = after.remove(name);
        if (has != present || !new java.util.HashSet<>(before).equals(new java.util.HashSet<>(after))) {
            throw new IllegalStateException("editing " + file + " would have changed more than " + name);
        }
        return new DependencyEdit(newText, kind, previous);
    }
}
