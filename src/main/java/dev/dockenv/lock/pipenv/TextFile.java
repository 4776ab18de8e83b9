package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.InputException;
import dev.dockenv.io.Utf8File;
import java.nio.file.Path;

/**
 * Reads a Pipfile or Pipfile.lock as strict UTF-8 (what pipenv writes) through {@link Utf8File}: a
 * missing or unreadable file, or bytes that are not UTF-8 (reported at their line), become an
 * {@link InputException}. A leading byte-order mark is skipped.
 */
final class TextFile {
    private TextFile() {
    }

    static String read(Path file) {
        return Utf8File.readText(file);
    }
}
