package dev.dockenv.lock.poetry;

import dev.dockenv.errors.SourceLocation;
import java.util.Locale;

/**
 * A {@code [[tool.poetry.source]]} package index.
 *
 * @param name     as written
 * @param url      its URL (PyPI's simple index for a source named "PyPI" without one)
 * @param priority poetry's priority; the legacy {@code default = true} and {@code secondary = true}
 *                 flags are read as priorities "default" and "secondary", no priority as "primary"
 */
public record PoetrySource(String name, String url, Priority priority, SourceLocation location) {

    public static final String PYPI_URL = "https://pypi.org/simple/";

    /** poetry's source priorities, in the order poetry searches them. */
    public enum Priority {
        DEFAULT, PRIMARY, SECONDARY, SUPPLEMENTAL, EXPLICIT;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public boolean isPyPI() {
        return name.equalsIgnoreCase("pypi");
    }
}
