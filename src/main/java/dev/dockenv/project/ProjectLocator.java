package dev.dockenv.project;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.ProjectFileCheck;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds a project's root by walking up from a directory to the first one holding a marker file. */
public final class ProjectLocator {
    /** Files (or folders) that make a directory a project root, in the order they are reported. */
    public static final List<String> MARKERS = markers();

    private ProjectLocator() {
    }

    private static List<String> markers() {
        List<String> markers = new ArrayList<>(List.of("pyproject.toml", "*requirements*.txt", "requirements/*.txt",
                "setup.py", "setup.cfg", "Pipfile", "environment.yml", "environment.yaml", "dockenv.toml"));
        markers.addAll(LockFormat.fileNames());
        markers.addAll(List.of("apt.txt", "postBuild", ".git"));
        return List.copyOf(markers);
    }

    public static Path locate(Path start) {
        Path dir = start.toAbsolutePath().normalize();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (isProjectRoot(d)) {
                return repositoryOf(d);
            }
        }
        throw new DockenvException(ExitCode.NO_PROJECT,
                "no Python project found in " + dir + " or any parent folder (looked for "
                        + String.join(", ", MARKERS) + ")",
                "run dockenv inside your project, or create a requirements.txt or pyproject.toml there");
    }

    /**
     * The repository whose app's folder holds {@code root}, else {@code root}: an app's folder may
     * have markers of its own (its requirements.txt, its pyproject.toml), and a command started
     * there is the repository's, with that app as its default. Read leniently: a settings file that
     * does not parse names no app here (its own scan reports it).
     */
    private static Path repositoryOf(Path root) {
        for (Path up = root.getParent(); up != null; up = up.getParent()) {
            for (List<String> at : List.of(List.of("dockenv.toml", "apps"), List.of("pyproject.toml", "tool", "dockenv",
                    "apps"))) {
                for (String folder : appFolders(up.resolve(at.get(0)), at.subList(1, at.size()))) {
                    Path app = up.resolve(folder).normalize();
                    if (!app.equals(up) && root.startsWith(app)) {
                        return up;
                    }
                }
            }
        }
        return root;
    }

    /** The apps' folders a settings file declares (as written, or each app's name), without checking them. */
    private static List<String> appFolders(Path file, List<String> apps) {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        if (!text.contains("apps")) {
            return List.of(); // not worth parsing
        }
        org.tomlj.TomlTable table;
        try {
            table = TomlDocument.parse(file, text).table(apps).orElse(null);
        } catch (DockenvException e) {
            return List.of();
        }
        if (table == null) {
            return List.of();
        }
        List<String> folders = new ArrayList<>();
        for (String name : table.keySet()) {
            Object path = table.isTable(List.of(name)) ? table.getTable(List.of(name)).get("path") : null;
            String folder = (path instanceof String p ? p : name).replace('\\', '/');
            if (!folder.startsWith("/") && !folder.contains("..")) {
                folders.add(folder);
            }
        }
        return folders;
    }

    static boolean isProjectRoot(Path dir) {
        for (String marker : MARKERS) {
            // present in any form: a dangling link or a pipe named requirements.txt is the project's, to report
            if (!marker.contains("*") && ProjectFileCheck.present(dir.resolve(marker))) {
                return true;
            }
        }
        // requirements.txt, requirements_base.txt, dev-requirements.txt ... or a requirements/ folder of sets
        return hasFile(dir, REQUIREMENTS_GLOB) || Files.isDirectory(dir.resolve(SETS_FOLDER))
                && hasFile(dir.resolve(SETS_FOLDER), SETS_GLOB);
    }

    private static final String REQUIREMENTS_GLOB = "*requirements*.txt";
    private static final String SETS_FOLDER = "requirements";
    private static final String SETS_GLOB = "*.txt";

    /** What {@link #locate} looks at: files by name (present or not) and folders' entries by pattern. */
    public record Looked(List<Path> paths, List<Glob> globs) {
        public Looked {
            paths = List.copyOf(paths);
            globs = List.copyOf(globs);
        }
    }

    /** The entries of {@code folder} whose names match {@code pattern}, a shell pattern of {@code *} and literals. */
    public record Glob(Path folder, String pattern) {
    }

    /**
     * Everything {@link #locate} reads to find the root from {@code start} as it is now: in each
     * folder up to the first root, every marker's path and the patterns of the requirements files;
     * above it, the settings files that could make it an app of a repository. Any change to these
     * (a marker created in a sub-folder, an app declared above) can change the root; nothing else can.
     */
    public static Looked looked(Path start) {
        List<Path> paths = new ArrayList<>();
        List<Glob> globs = new ArrayList<>();
        Path found = null;
        for (Path d = start.toAbsolutePath().normalize(); d != null && found == null; d = d.getParent()) {
            for (String marker : MARKERS) {
                if (!marker.contains("*")) {
                    paths.add(d.resolve(marker));
                }
            }
            paths.add(d.resolve(SETS_FOLDER));
            globs.add(new Glob(d, REQUIREMENTS_GLOB));
            globs.add(new Glob(d.resolve(SETS_FOLDER), SETS_GLOB));
            if (isProjectRoot(d)) {
                found = d;
            }
        }
        for (Path up = found == null ? null : found.getParent(); up != null; up = up.getParent()) {
            paths.add(up.resolve("dockenv.toml"));
            paths.add(up.resolve("pyproject.toml"));
        }
        return new Looked(paths, globs);
    }

    private static boolean hasFile(Path dir, String glob) {
        // anything by that name: the scan reports one that is not a readable file
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            return files.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }
}
