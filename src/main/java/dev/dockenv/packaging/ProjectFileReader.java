package dev.dockenv.packaging;

import dev.dockenv.io.Utf8File;
import java.nio.file.Path;

/**
 * How a scan reads the text of a project file (setup.cfg, setup.py, version modules, requirement
 * files): {@link #UTF8}, strict UTF-8, a missing, unreadable or non-UTF-8 file being an error at it.
 */
@FunctionalInterface
interface ProjectFileReader {
    ProjectFileReader UTF8 = Utf8File::read;

    String read(Path file);
}
