package dev.dockenv.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names in a folder that match a pattern (requirements_NAME.txt at a project's root), with
 * the folder's own stamp. A folder's time changes whenever any entry comes or goes, so an
 * unchanged stamp answers at the cost of one stat; a changed one lists the folder (no file is
 * read) and compares the matching names, so a scratch file created beside pyproject.toml does not
 * cost a warm run its cache ({@link #current()} then gives the stamp to keep from now on).
 */
public record ListingStamp(FileStamp folder, String pattern, List<String> names) implements InputStamp {
    static final String TAG = "L\t";

    public ListingStamp {
        names = List.copyOf(names);
    }

    /** The folder's stamp and matching names now (none when it does not exist). */
    public static ListingStamp of(Path folder, String pattern) {
        FileStamp stamp = FileStamp.of(folder);
        return new ListingStamp(stamp, pattern, names(folder, Pattern.compile(pattern)));
    }

    @Override
    public boolean isCurrent() {
        return current().isPresent();
    }

    /**
     * This listing with the folder's stamp now, when its matching names are the same: itself when
     * the folder is unchanged; a stamp taken before the names were listed when only other entries
     * came or went (a later change then changes the folder's time again). Empty when names differ.
     */
    @Override
    public Optional<ListingStamp> current() {
        Path path = Path.of(folder.path());
        FileStamp now = FileStamp.of(path);
        if (now.modifiedNanos() == folder.modifiedNanos() && now.fileKey().equals(folder.fileKey())
                && now.size() == folder.size()) {
            return Optional.of(this);
        }
        return names(path, Pattern.compile(pattern)).equals(names)
                ? Optional.of(new ListingStamp(now, pattern, names)) : Optional.empty();
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
        return TAG + RunCache.escape(pattern) + "\t" + RunCache.escape(String.join("/", names)) + "\t" + folder.encode();
    }

    static ListingStamp decode(String line) {
        String[] f = line.substring(TAG.length()).split("\t", 3);
        if (f.length < 3) {
            throw new IllegalArgumentException("bad listing line");
        }
        String names = RunCache.unescape(f[1]);
        return new ListingStamp(FileStamp.decode(f[2]), RunCache.unescape(f[0]),
                names.isEmpty() ? List.of() : Arrays.asList(names.split("/")));
    }
}
