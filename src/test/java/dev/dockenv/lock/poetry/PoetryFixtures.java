package dev.dockenv.lock.poetry;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The files under src/test/resources/lock/poetry (see the README there). */
final class PoetryFixtures {
    private PoetryFixtures() {
    }

    static Path path(String relative) {
        URL url = PoetryFixtures.class.getResource("/lock/poetry/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture lock/poetry/" + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
