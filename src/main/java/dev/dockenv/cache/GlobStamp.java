package dev.dockenv.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The entries of a folder whose names match a shell pattern ({@code *requirements*.txt}), each
 * with its stamp, in the order a POSIX shell expands the pattern in the C locale (by bytes), as
 * the launcher does before it compares stamps.
 *
 * @param pattern a pattern of {@code *} and literal characters, the same in a shell and in
 *     Java's glob syntax
 */
public record GlobStamp(String folder, String pattern, List<FileStamp> matches) {
    public GlobStamp {
        matches = List.copyOf(matches);
        if (!pattern.matches("[A-Za-z0-9._*-]+")) {
            throw new IllegalArgumentException("not a pattern the launcher expands alike: " + pattern);
        }
    }

    public static GlobStamp of(Path folder, String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        List<Path> found = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path entry : entries) {
                    if (matcher.matches(entry.getFileName())) {
                        found.add(entry);
                    }
                }
            } catch (IOException e) {
                // an unreadable folder: the shell finds nothing in it either
            }
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString().getBytes(StandardCharsets.UTF_8),
                Arrays::compareUnsigned));
        return new GlobStamp(folder.toString(), pattern, found.stream().map(FileStamp::of).toList());
    }
}
