package dev.dockenv.lock.pipenv;

import dev.dockenv.errors.SourceLocation;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The Pipfile/Pipfile.lock pairs under src/test/resources/lock/pipenv (see the README there). */
final class Fixtures {
    /** Every pair, each locked by the real pipenv (2022.12.19). */
    static final String[] PAIRS = {"simple", "rich", "sources", "categories", "no-source", "non-ascii",
        "crlf-escapes"};

    private Fixtures() {
    }

    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/lock/pipenv/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path pipfile(String pair) {
        return path(pair + "/Pipfile");
    }

    static Path lock(String pair) {
        return path(pair + "/Pipfile.lock");
    }

    static SourceLocation at(Path file, int line, int column) {
        return new SourceLocation(file, line, column);
    }
}
