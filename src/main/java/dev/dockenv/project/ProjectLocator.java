package dev.dockenv.project;

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
                return d;
            }
        }
        throw new DockenvException(ExitCode.NO_PROJECT,
                "no Python project found in " + dir + " or any parent folder (looked for "
                        + String.join(", ", MARKERS) + ")",
                "run dockenv inside your project, or create a requirements.txt or pyproject.toml there");
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
