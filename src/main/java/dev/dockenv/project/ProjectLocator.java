package dev.dockenv.project;

import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.ProjectFileCheck;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tomlj.Toml;
import org.tomlj.TomlTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a project's root by walking up from a directory to the first one holding a marker file;
 * unless a folder further up declares an app whose folder holds the directory (an app of a
 * repository may have its own requirements.txt or pyproject.toml): then that repository.
 */
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
                for (Path up = d.getParent(); up != null; up = up.getParent()) {
                    if (declaresAppHolding(up, dir)) {
                        return up;
                    }
                }
                return d;
            }
        }
        throw new DockenvException(ExitCode.NO_PROJECT,
                "no Python project found in " + dir + " or any parent folder (looked for "
                        + String.join(", ", MARKERS) + ")",
                "run dockenv inside your project, or create a requirements.txt or pyproject.toml there");
    }

    /** The settings files that may declare apps, with where their settings table is. */
    private static final List<Map.Entry<String, String>> SETTINGS = List.of(Map.entry("pyproject.toml", "tool.dockenv.apps"),
            Map.entry("dockenv.toml", "apps"));

    /**
     * Whether {@code folder}'s settings declare an app whose folder holds {@code dir} (its path, or
     * its name when it has none). Settings that do not parse declare nothing here: the scan of the
     * project they belong to reports them.
     */
    static boolean declaresAppHolding(Path folder, Path dir) {
        for (Map.Entry<String, String> settings : SETTINGS) {
            Path file = folder.resolve(settings.getKey());
            if (!Files.isRegularFile(file)) {
                continue;
            }
            try {
                String text = Files.readString(file);
                if (!text.contains("apps")) {
                    continue;
                }
                TomlTable apps = Toml.parse(text).getTable(settings.getValue());
                if (apps == null) {
                    continue;
                }
                for (String name : apps.keySet()) {
                    TomlTable app = apps.getTable(List.of(name));
                    String path = app == null ? name : Optional.ofNullable(app.getString("path")).orElse(name);
                    if (dir.startsWith(folder.resolve(path).normalize())) {
                        return true;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // unreadable or not TOML: not a repository declaring this folder's app
            }
        }
        return false;
    }

    static boolean isProjectRoot(Path dir) {
        for (String marker : MARKERS) {
            // present in any form: a dangling link or a pipe named requirements.txt is the project's, to report
            if (!marker.contains("*") && ProjectFileCheck.present(dir.resolve(marker))) {
                return true;
            }
        }
        // requirements.txt, requirements_base.txt, dev-requirements.txt ... or a requirements/ folder of sets
        return hasFile(dir, "*requirements*.txt") || Files.isDirectory(dir.resolve("requirements"))
                && hasFile(dir.resolve("requirements"), "*.txt");
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
