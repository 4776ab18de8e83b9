package dev.dockenv.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the launcher (bin/dockenv) needs to start a warm {@code dockenv run -- COMMAND...} without a
 * JVM: the conditions it was recorded under, the files to compare with {@code stat}, the one engine
 * question to ask (when the engine's files are not among them), and the docker command up to the
 * user's command. Written by the JVM after a run
 * it resolved, NUL-separated fields the launcher reads with one builtin; every field must match
 * for the launcher to use it, else the JVM runs as before and writes it again.
 *
 * @param conditions the launcher's digest of what it checks itself (the jar, the folder, the user,
 *     the terminal, the variables that change a run): handed to the JVM and written back as is
 * @param command the first word of the command as the container runs it (the hint of the
 *     command check is for that word)
 * @param paths files whose {@code stat} lines must be {@code expectedStat}'s (an absent file has none)
 * @param globs patterns whose matches' lines follow the paths' in {@code expectedStat}
 * @param directories folders that must exist (the mounted home, whose time changes with every use)
 * @param probe the engine question (the image's ID, the services' state) and {@code expectedProbe}
 *     its exact answer; none when stamps of the engine's own files among {@code paths} stand for it
 * @param texts with no question, what the engine's file of each service's container must hold
 * @param argv the docker command, the command check included, that the user's command completes
 */
public record FastRun(String conditions, String command, List<String> paths, List<GlobStamp> globs,
        String expectedStat, List<String> directories, List<String> probe, String expectedProbe, List<FileText> texts,
        List<String> argv) {
    static final String MAGIC = "dockenv-fast-run 2";

    public FastRun {
        paths = List.copyOf(paths);
        globs = List.copyOf(globs);
        directories = List.copyOf(directories);
        probe = List.copyOf(probe);
        texts = List.copyOf(texts);
        argv = List.copyOf(argv);
    }

    /**
     * The record for a run whose inputs had {@code stamps} (checked current) and whose project was
     * found by looking at {@code located} and {@code globs}; empty when a stamp is one the launcher
     * cannot check (a script's inline metadata) or a path could not survive a line of stat's output.
     */
    public static Optional<FastRun> of(String conditions, String command, List<InputStamp> stamps, List<FileStamp> located,
            List<GlobStamp> globs, List<String> directories, List<String> probe, String expectedProbe, List<FileText> texts,
            List<String> argv) {
        List<FileStamp> files = new ArrayList<>();
        for (InputStamp stamp : stamps) {
            if (stamp instanceof FileStamp file) {
                files.add(file);
            } else if (stamp instanceof ListingStamp listing) {
                files.add(listing.folder());
            } else {
                return Optional.empty();
            }
        }
        files.addAll(located);
        List<String> paths = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (FileStamp file : files) {
            if (!lineSafe(file.path())) {
                return Optional.empty();
            }
            paths.add(file.path());
            if (file.present()) {
                Optional<String> line = file.statLine();
                if (line.isEmpty()) {
                    return Optional.empty();
                }
                expected.append(line.get()).append('\n');
            }
        }
        for (GlobStamp glob : globs) {
            if (!lineSafe(glob.folder())) {
                return Optional.empty();
            }
            for (FileStamp match : glob.matches()) {
                Optional<String> line = match.statLine();
                if (line.isEmpty() || !lineSafe(match.path())) {
                    return Optional.empty();
                }
                expected.append(line.get()).append('\n');
            }
        }
        return Optional.of(new FastRun(conditions, command, paths, globs, trimNewlines(expected.toString()), directories,
                probe, trimNewlines(expectedProbe), texts, argv));
    }

    /** No newline (a stat line per file) and nothing a shell would read as a separator. */
    private static boolean lineSafe(String path) {
        return path.indexOf('\n') < 0 && path.indexOf('\r') < 0 && path.indexOf('\0') < 0;
    }

    /** What a shell's command substitution keeps of an output: trailing newlines go. */
    private static String trimNewlines(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The launcher's file: each field ended by a NUL, lists preceded by their length. */
    public byte[] encode() {
        List<String> fields = new ArrayList<>(List.of(MAGIC, conditions, command));
        list(fields, paths);
        fields.add(Integer.toString(globs.size()));
        for (GlobStamp glob : globs) {
            fields.add(glob.folder());
            fields.add(glob.pattern());
        }
        fields.add(expectedStat);
        list(fields, directories);
        list(fields, probe);
        fields.add(expectedProbe);
        fields.add(Integer.toString(texts.size()));
        for (FileText text : texts) {
            fields.add(text.path());
            fields.add(text.text());
        }
        list(fields, argv);
        fields.add("end");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            if (field.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a NUL in a field of the launcher's record");
            }
            out.writeBytes(field.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    private static void list(List<String> fields, List<String> items) {
        fields.add(Integer.toString(items.size()));
        fields.addAll(items);
    }
}
