package dev.dockenv.cache;

import dev.dockenv.decision.UninstalledPackages;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Remembers how a project resolved to an environment image, with stamps of every input file
 * (present or absent) and listings of the folders where inputs are found by pattern. When no stamp
 * changed, a warm run reuses the resolution without parsing or hashing anything; any change, even
 * an added file, falls back to the full resolution.
 */
public final class RunCache {
    private static final String MAGIC = "dockenv-run-cache 6";
    /** Lines before the stamps: magic, key, image, project, ports, command, hints, unchosen sets, stack. */
    private static final int HEADER_LINES = 9;
    private static final String UNCHECKED = "-";
    private static final char SEP = '\u001f';
    /** Files of format 2, named by String.hashCode, which held the key (and so index passwords) in clear. */
    private static final Pattern LEGACY = Pattern.compile("[0-9a-f]{1,8}-[0-9a-f]{1,8}\\.run");

    private final Path file;
    private final String keyDigest;

    /**
     * @param key everything besides files that the resolution depends on (root, target, settings,
     *     the PIP_* index variables, dockenv build). Only its SHA-256 is written: the key may hold an
     *     index URL with a password in it, which must never reach a file.
     */
    public RunCache(Path directory, String key) {
        this.keyDigest = "sha256:" + Sha256.hex(key);
        this.file = directory.resolve(keyDigest.substring("sha256:".length(), "sha256:".length() + 32) + ".run");
    }

    public Optional<ResolvedRun> lookup() {
        return lookupEntry().map(CachedRun::run);
    }

    /**
     * The resolution with the stamps that vouch for it, as they are now: a folder where only
     * other entries came or went gets its new stamp, and the entry is stored again with it, so
     * later runs (and the launcher, which compares stamps only) find it unchanged.
     */
    public Optional<CachedRun> lookupEntry() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < HEADER_LINES || !lines.get(0).equals(MAGIC) || !lines.get(1).equals(keyDigest)) {
                return Optional.empty();
            }
            List<InputStamp> stamps = new ArrayList<>();
            boolean refreshed = false;
            for (String line : lines.subList(HEADER_LINES, lines.size())) {
                InputStamp stamp = InputStamp.decode(line);
                Optional<? extends InputStamp> now = stamp.current();
                if (now.isEmpty()) {
                    return Optional.empty();
                }
                refreshed |= now.get() != stamp;
                stamps.add(now.get());
            }
            ResolvedRun run = new ResolvedRun(unescape(lines.get(2)), unescape(lines.get(3)), split(lines.get(4)),
                    split(lines.get(5)), uninstalled(lines.get(6), lines.get(7)), stack(lines.get(8)));
            if (refreshed) {
                store(run, stamps);
            }
            return Optional.of(new CachedRun(run, stamps));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The inputs' stamps now: take them right after the inputs were read, before building. */
    public static List<FileStamp> stamp(Collection<Path> inputs) {
        return inputs.stream().distinct().map(FileStamp::of).toList();
    }

    /**
     * Stores a resolution with the stamps its inputs had when they were read. If any input has
     * changed since (an edit during the build), nothing is stored: the next run resolves afresh. A
     * folder where only other entries came or went (the build's own files) is stored with its
     * stamp now ({@link ListingStamp#current()}).
     *
     * @return the stamps stored, empty when one was not current (the file itself may still fail to
     *     be written: a cache is only ever a shortcut)
     */
    public Optional<List<InputStamp>> store(ResolvedRun run, List<? extends InputStamp> given) {
        List<InputStamp> stamps = new ArrayList<>();
        for (InputStamp stamp : given) {
            Optional<? extends InputStamp> now = stamp.current();
            if (now.isEmpty()) {
                invalidate();
                return Optional.empty();
            }
            stamps.add(now.get());
        }
        List<String> lines = new ArrayList<>(List.of(MAGIC, keyDigest, escape(run.imageReference()),
                escape(run.projectName()),
                join(run.configPorts()), join(run.configCommand())));
        if (run.uninstalled().isPresent()) {
            List<String> hints = new ArrayList<>();
            run.uninstalled().get().hints().forEach((name, hint) -> {
                hints.add(name);
                hints.add(hint);
            });
            lines.add(join(hints));
            lines.add(join(run.uninstalled().get().unchosenSets()));
        } else {
            lines.add(UNCHECKED);
            lines.add(UNCHECKED);
        }
        lines.add(run.stack().map(st -> {
            List<String> fields = new ArrayList<>(List.of(st.composeProject(), st.network(), st.envFile()));
            fields.addAll(st.services());
            return join(fields);
        }).orElse(UNCHECKED));
        stamps.stream().map(InputStamp::encode).forEach(lines::add);
        try {
            AtomicFiles.writePrivate(file, String.join("\n", lines) + "\n");
        } catch (IOException e) {
            // a cache that cannot be written only makes the next run slower
        }
        removeLegacyFiles(file.getParent());
        return Optional.of(List.copyOf(stamps));
    }

    /** Deletes the files an older dockenv wrote here (never read again, and perhaps holding a password). */
    private static void removeLegacyFiles(Path directory) {
        try (var files = Files.newDirectoryStream(directory, p -> LEGACY.matcher(p.getFileName().toString()).matches())) {
            for (Path legacy : files) {
                Files.deleteIfExists(legacy);
            }
        } catch (IOException | RuntimeException e) {
            // they stay until the next store; nothing reads them
        }
    }

    public void invalidate() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // harmless: a stale entry is checked against the engine before use
        }
    }

    /** Backslash, newline and the separator escaped, so any string survives a line of the file. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case SEP -> out.append("\\s");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static String unescape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 's' -> SEP;
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String join(List<String> items) {
        StringBuilder s = new StringBuilder();
        for (String item : items) {
            s.append(escape(item)).append(SEP);
        }
        return s.toString();
    }

    private static Optional<UninstalledPackages> uninstalled(String hintsLine, String setsLine) {
        if (hintsLine.equals(UNCHECKED)) {
            return Optional.empty();
        }
        List<String> pairs = split(hintsLine);
        Map<String, String> hints = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            hints.put(pairs.get(i), pairs.get(i + 1));
        }
        return Optional.of(new UninstalledPackages(hints, split(setsLine)));
    }

    private static Optional<RunStack> stack(String line) {
        if (line.equals(UNCHECKED)) {
            return Optional.empty();
        }
        List<String> fields = split(line);
        return Optional.of(new RunStack(fields.get(0), fields.get(1), fields.subList(3, fields.size()), fields.get(2)));
    }

    private static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == SEP) {
                out.add(unescape(line.substring(start, i)));
                start = i + 1;
            }
        }
        return out;
    }
}
