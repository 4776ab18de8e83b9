package dev.dockenv.edit;

import java.nio.file.Path;
import java.util.List;

/** The file (and the list in it) that {@code dockenv add} and {@code remove} edit. */
public sealed interface DependencyTarget {
    Path file();

    /** How to name it to the user, e.g. "pyproject.toml [project] dependencies", with the file relative to {@code root}. */
    default String describe(Path root) {
        String path = root.relativize(file()).toString().replace('\\', '/');
        return path + (this instanceof PyprojectList list ? " " + list.list()
                : ((RequirementsTxt) this).create() ? " (new)" : "");
    }

    /** A list of PEP 508 strings in pyproject.toml: [project] dependencies or a [dependency-groups] group. */
    record PyprojectList(Path file, List<String> arrayPath) implements DependencyTarget {
        public PyprojectList {
            arrayPath = List.copyOf(arrayPath);
        }

        /** "[project] dependencies" or "[dependency-groups] NAME". */
        public String list() {
            return arrayPath.get(0).equals("project") ? "[project] dependencies" : "[dependency-groups] " + arrayPath.get(1);
        }
    }

    /** A pip requirements file (made when {@code create}: the project has none yet). */
    record RequirementsTxt(Path file, boolean create) implements DependencyTarget {
    }
}
