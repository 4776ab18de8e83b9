package dev.dockenv.deps;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns one logical line of a requirements file into entries, the way pip reads it. */
final class RequirementLineParser {
    private static final Map<String, Integer> HASH_HEX_LENGTHS = Map.of("sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern TRAILING_EXTRAS = Pattern.compile("^(.+)\\[([^\\]]*)\\]$");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private final Path file;
    private final LogicalLine line;
    private final String text;

    /** An option with its value and where both were written. */
    private record ParsedOption(PipOption option, String written, Optional<String> value, int start, int valueStart) {
    }

    RequirementLineParser(Path file, LogicalLine line) {
        this.file = file;
        this.line = line;
        this.text = line.text();
    }

    List<RequirementsEntry> parse() {
        int optionsStart = firstOptionToken();
        String requirementText = text.substring(0, optionsStart).strip();
        List<ParsedOption> options = parseOptions(optionsStart);
        List<RequirementsEntry> entries = new ArrayList<>();
        if (!requirementText.isEmpty()) {
            for (ParsedOption o : options) {
                if (o.option().scope() != PipOption.Scope.PER_REQUIREMENT) {
                    throw error(o.start(), "option '" + o.written() + "' cannot follow a requirement on the same line",
                            "put '" + o.written() + "' on a line of its own");
                }
            }
            entries.add(requirement(requirementText, 0, false, hashes(options), at(0)));
            return entries;
        }
        List<ParsedOption> editables = options.stream()
                .filter(o -> o.option() == PipOption.EDITABLE).collect(Collectors.toList());
        if (editables.size() > 1) {
            throw error(editables.get(1).start(), "only one editable requirement (-e) is allowed per line", null);
        }
        if (editables.size() == 1) {
            ParsedOption e = editables.get(0);
            for (ParsedOption o : options) {
                if (o != e && o.option().scope() != PipOption.Scope.PER_REQUIREMENT) {
                    throw error(o.start(), "option '" + o.written() + "' cannot share a line with an editable "
                            + "requirement", "put '" + o.written() + "' on a line of its own");
                }
                if (o.option() == PipOption.HASH) {
                    throw error(o.start(), "--hash cannot be used with an editable requirement",
                            "pip cannot check hashes of a directory or VCS checkout");
                }
            }
            entries.add(requirement(e.value().orElseThrow(), e.valueStart(), true, List.of(), at(e.start())));
            return entries;
        }
        for (ParsedOption o : options) {
            SourceLocation location = at(o.start());
            switch (o.option().scope()) {
                case PER_REQUIREMENT -> throw error(o.start(),
                        "option '" + o.written() + "' applies to a requirement, but this line has none",
                        "write it after the requirement on the same line (continue long lines with a trailing \\)");
                case INCLUDE -> entries.add(new IncludeFile(
                        o.option() == PipOption.REQUIREMENT ? IncludeFile.Kind.REQUIREMENTS : IncludeFile.Kind.CONSTRAINTS,
                        o.value().orElseThrow(), location));
                default -> entries.add(new GlobalOption(o.option().longName(), o.value(), location));
            }
        }
        return entries;
    }

    /** pip splits on blanks and treats everything from the first word starting with '-' as options. */
    private int firstOptionToken() {
        for (int i = 0; i < text.length(); i++) {
            boolean wordStart = i == 0 || Character.isWhitespace(text.charAt(i - 1));
            if (wordStart && text.charAt(i) == '-') {
                return i;
            }
        }
        return text.length();
    }

    private List<ParsedOption> parseOptions(int from) {
        List<ShellTokens.Token> tokens;
        try {
            tokens = ShellTokens.split(text, from);
        } catch (ShellTokens.UnterminatedQuote e) {
            throw error(e.index(), "unterminated quote: no closing " + text.charAt(e.index()), null);
        }
        List<ParsedOption> options = new ArrayList<>();
        for (int t = 0; t < tokens.size(); t++) {
            ShellTokens.Token token = tokens.get(t);
            String word = token.value();
            if (!word.startsWith("-") || word.equals("-") || word.equals("--")) {
                String after = options.isEmpty() ? "" : " after option '" + options.get(options.size() - 1).written() + "'";
                throw error(token.start(), "unexpected '" + word + "'" + after, null);
            }
            PipOption option;
            String written;
            String inline;
            int inlineStart;
            if (word.startsWith("--")) {
                int eq = word.indexOf('=');
                written = eq < 0 ? word : word.substring(0, eq);
                inline = eq < 0 ? null : word.substring(eq + 1);
                inlineStart = token.start() + eq + 1;
                option = longOption(written, token.start());
            } else {
                written = word.substring(0, 2);
                option = PipOption.byShortName(word.charAt(1)).orElseThrow(() -> error(token.start(),
                        "unknown option '" + written + "'", "requirements files accept " + PipOption.SUMMARY));
                inline = word.length() > 2 ? word.substring(2) : null;
                inlineStart = token.start() + 2;
                if (inline != null && inline.startsWith("=")) {
                    throw error(inlineStart, "unexpected '=' after '" + written + "'",
                            "write '" + written + " VALUE' or '" + option.longName() + "=VALUE'");
                }
            }
            if (!option.takesValue()) {
                if (inline != null) {
                    throw error(inlineStart - 1, "option '" + option.longName() + "' does not take a value", null);
                }
                options.add(new ParsedOption(option, written, Optional.empty(), token.start(), token.end()));
                continue;
            }
            String value = inline;
            int valueStart = inlineStart;
            if (value == null) {
                if (t + 1 >= tokens.size() || isPipOption(tokens.get(t + 1).value())) {
                    throw error(token.end(), "option '" + written + "' needs a value", null);
                }
                t++;
                value = tokens.get(t).value();
                valueStart = tokens.get(t).start();
            }
            if (value.isEmpty()) {
                throw error(valueStart, "option '" + written + "' needs a value", null);
            }
            options.add(new ParsedOption(option, written, Optional.of(value), token.start(), valueStart));
        }
        for (ParsedOption o : options) {
            validateValue(o);
        }
        return options;
    }

    /** Like optparse, a value may start with '-'; but a value that is itself a pip option is a mistake. */
    private static boolean isPipOption(String word) {
        if (word.startsWith("--")) {
            int eq = word.indexOf('=');
            return PipOption.matching(eq < 0 ? word : word.substring(0, eq)).size() == 1;
        }
        return word.length() == 2 && word.charAt(0) == '-' && PipOption.byShortName(word.charAt(1)).isPresent();
    }

    private PipOption longOption(String written, int start) {
        List<PipOption> candidates = PipOption.matching(written);
        if (candidates.isEmpty()) {
            throw error(start, "unknown option '" + written + "'", "requirements files accept " + PipOption.SUMMARY);
        }
        if (candidates.size() > 1) {
            throw error(start, "ambiguous option '" + written + "': it could be "
                    + candidates.stream().map(PipOption::longName).collect(Collectors.joining(", ")), null);
        }
        return candidates.get(0);
    }

    private void validateValue(ParsedOption o) {
        String value = o.value().orElse("");
        if (o.option() == PipOption.HASH) {
            validateHash(value, o.valueStart());
        } else if (o.option() == PipOption.CONFIG_SETTINGS && !value.contains("=")) {
            throw error(o.valueStart(), "--config-settings needs KEY=VALUE, found '" + value + "'", null);
        }
    }

    private void validateHash(String value, int valueStart) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw error(valueStart, "--hash needs the form algorithm:hexdigest, found '" + value + "'",
                    "for example --hash=sha256:<64 hex digits>");
        }
        String algorithm = value.substring(0, colon);
        Integer length = HASH_HEX_LENGTHS.get(algorithm);
        if (length == null) {
            throw error(valueStart, "unsupported hash algorithm '" + algorithm + "'",
                    "pip accepts sha256, sha384 and sha512");
        }
        String digest = value.substring(colon + 1);
        if (!HEX.matcher(digest).matches()) {
            int bad = 0;
            while (bad < digest.length() && Character.digit(digest.charAt(bad), 16) >= 0) {
                bad++;
            }
            throw error(valueStart + colon + 1 + bad, "the " + algorithm + " digest must be hexadecimal", null);
        }
        if (digest.length() != length) {
            throw error(valueStart + colon + 1, "a " + algorithm + " digest has " + length
                    + " hex digits, this one has " + digest.length(), null);
        }
    }

    private static List<String> hashes(List<ParsedOption> options) {
        return options.stream()
                .filter(o -> o.option() == PipOption.HASH)
                .map(o -> {
                    String v = o.value().orElseThrow();
                    int colon = v.indexOf(':');
                    return v.substring(0, colon) + ":" + v.substring(colon + 1).toLowerCase(Locale.ROOT);
                })
                .collect(Collectors.toList());
    }

    /** Classifies a requirement that starts at {@code start} in the line: URL, local path or PEP 508. */
    private RequirementsEntry requirement(
            String req, int start, boolean editable, List<String> hashes, SourceLocation location) {
        if (req.startsWith("@")) {
            // PEP 508's direct reference needs its name: pip refuses "@ URL", and it is no path either
            throw error(start, "invalid requirement '" + req + "': no package name before '@'",
                    "write it as NAME @ URL, e.g. mypkg @ https://example.org/mypkg-1.0-py3-none-any.whl");
        }
        if (RequirementForms.isUrl(req) && !FileUrls.isFileUrl(req)) {
            return urlRequirement(req, start, editable, hashes, location);
        }
        if (editable && req.matches("(?i)^(git|hg|svn|bzr):.*")) {
            return new UrlRequirement(req, true, Optional.empty(), hashes, location);
        }
        if (editable) {
            return localRequirement(req, start, true, req.length(), hashes, location);
        }
        if (!FileUrls.isFileUrl(req) && RequirementForms.isNamedUrlRequirement(req)) {
            return pep508(req, start, hashes, location);
        }
        int semicolon = req.indexOf(';');
        String beforeMarker = (semicolon < 0 ? req : req.substring(0, semicolon)).strip();
        String path = beforeMarker;
        Matcher extras = TRAILING_EXTRAS.matcher(beforeMarker);
        if (extras.matches()) {
            path = extras.group(1).strip();
        }
        if (FileUrls.isFileUrl(path) || RequirementForms.looksLikePath(path) || RequirementForms.isArchive(path)) {
            return localRequirement(req, start, false, semicolon < 0 ? req.length() : semicolon, hashes, location);
        }
        return pep508(req, start, hashes, location);
    }

    private PackageRequirement pep508(String req, int start, List<String> hashes, SourceLocation location) {
        try {
            return new PackageRequirement(Requirement.parse(req), hashes, location);
        } catch (PepSyntaxException e) {
            throw error(start + e.column() - 1, "invalid requirement: " + e.getMessage(), null);
        }
    }

    private UrlRequirement urlRequirement(
            String req, int start, boolean editable, List<String> hashes, SourceLocation location) {
        int separator = markerSeparator(req);
        String url = (separator < 0 ? req : req.substring(0, separator)).strip();
        if (editable && !RequirementForms.isVcsUrl(url)) {
            throw error(start, "an editable requirement must be a local directory or a VCS URL, not '" + url + "'",
                    "use a VCS URL such as git+https://host/org/repo.git#egg=name, or drop -e");
        }
        Optional<Marker> marker = separator < 0 ? Optional.empty() : marker(req, start, separator + 1);
        return new UrlRequirement(url, editable, marker, hashes, location);
    }

    /** For URLs pip only takes a ';' with a blank next to it as the start of a marker. */
    private static int markerSeparator(String req) {
        for (int i = 0; i < req.length(); i++) {
            if (req.charAt(i) == ';'
                    && ((i + 1 < req.length() && Character.isWhitespace(req.charAt(i + 1)))
                    || (i > 0 && Character.isWhitespace(req.charAt(i - 1))))) {
                return i;
            }
        }
        return -1;
    }

    private LocalRequirement localRequirement(String req, int start, boolean editable, int markerSeparator,
            List<String> hashes, SourceLocation location) {
        String beforeMarker = req.substring(0, markerSeparator);
        String rawPath = beforeMarker.strip();
        int pathStart = start + beforeMarker.indexOf(rawPath);
        SortedSet<String> extras = new TreeSet<>();
        Matcher m = TRAILING_EXTRAS.matcher(rawPath);
        if (m.matches()) {
            extras = extras(m.group(2), pathStart + m.start(2));
            rawPath = m.group(1).strip();
        }
        Optional<Marker> marker = markerSeparator < req.length()
                ? marker(req, start, markerSeparator + 1)
                : Optional.empty();
        return new LocalRequirement(rawPath, editable, extras, marker, hashes, location);
    }

    private SortedSet<String> extras(String list, int listStart) {
        SortedSet<String> extras = new TreeSet<>();
        int offset = 0;
        for (String part : list.split(",", -1)) {
            String name = part.strip();
            int nameStart = listStart + offset + (name.isEmpty() ? 0 : part.indexOf(name));
            if (!Pep503.isValidName(name)) {
                throw error(nameStart, name.isEmpty() ? "expected an extra name" : "invalid extra name '" + name + "'",
                        null);
            }
            extras.add(Pep503.normalize(name));
            offset += part.length() + 1;
        }
        return extras;
    }

    /** The marker after the separator, or empty when nothing follows it (pip ignores an empty marker). */
    private Optional<Marker> marker(String req, int start, int markerStart) {
        String markerText = req.substring(markerStart);
        if (markerText.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Marker.parse(markerText));
        } catch (PepSyntaxException e) {
            throw error(start + markerStart + e.column() - 1, "invalid marker: " + e.getMessage(), null);
        }
    }

    private SourceLocation at(int index) {
        return line.locate(file, index);
    }

    private InputException error(int index, String problem, String hint) {
        return new InputException(at(index), problem, hint);
    }
}
