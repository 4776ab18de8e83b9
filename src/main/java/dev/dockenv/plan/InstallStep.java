package dev.dockenv.plan;

import java.util.List;

/** One pip install in the environment's Dockerfile. */
public sealed interface InstallStep {

    /**
     * {@code pip install -r FILE} after copying the files it reads and the local paths it installs
     * (project-relative paths). When the file installs the project itself ({@code -e .}), those
     * lines are removed first: the project comes from the bind mount (dev) or the copied source.
     */
    record RequirementsFile(String file, List<String> copies, boolean dropProjectLines) implements InstallStep {
        public RequirementsFile {
            copies = List.copyOf(copies);
        }
    }

    /** {@code pip install REQ...} for requirements declared in a project file. */
    record Packages(String origin, List<String> requirements) implements InstallStep {
        public Packages {
            requirements = List.copyOf(requirements);
        }
    }
}
