package dev.dockenv.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The names in a folder that match a pattern (requirements_NAME.txt at a project's root), with
 * the folder's own stamp. A folder's time changes whenever any entry comes or goes, so an
 * unchanged stamp answers at the cost of one stat; a changed one lists the folder (no file is
 * read) and compares the matching names, so a scratch file created beside pyproject.toml does not
 * cost a warm run its cache.
 */
public record ListingStamp(String folder, String pattern, List<String> names, long modifiedNanos, String fileKey)
        implements InputStamp {
    static final String TAG = "L\t";

    public ListingStamp {
        names = List.copyOf(names);
    }

    /** The folder's stamp and matching names now (none when it does not exist). */
    public static ListingStamp of(Path folder, String pattern) {
        FileStamp stamp = FileStamp.of(folder);
        return new ListingStamp(folder.toString(), pattern, names(folder, Pattern.compile(pattern)),
                stamp.modifiedNanos(), stamp.fileKey());
    }

    @Override
    public boolean isCurrent() {
        FileStamp now = FileStamp.of(Path.of(folder));
        if (now.modifiedNanos() == modifiedNanos && now.fileKey().equals(fileKey)) {
            return true;
        }
        return names(Path.of(folder), Pattern.compile(pattern)).equals(names);
    }

    private static List<String> names(Path folder, Pattern pattern) {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (pattern.matcher(name).matches()) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            out.add("\u0000unreadable"); // never equal to a listing that could be read
        }
        out.sort(null);
        return out;
    }

    @Override
    public String encode() {
        return TAG + modifiedNanos + "\t" + fileKey.replace('\t', ' ') + "\t" + RunCache.escape(pattern) + "\t"
                + RunCache.escape(String.join("/", names)) + "\t" + RunCache.escape(folder);
    }

    static ListingStamp decode(String line) {
        String[] f = line.substring(TAG.length()).split("\t", 5);
        if (f.length < 5) {
            throw new IllegalArgumentException("bad listing line");
        }
        String names = RunCache.unescape(f[3]);
        return new ListingStamp(RunCache.unescape(f[4]), RunCache.unescape(f[2]),
                names.isEmpty() ? List.of() : Arrays.asList(names.split("/")), Long.parseLong(f[0]), f[1]);
    }
}
