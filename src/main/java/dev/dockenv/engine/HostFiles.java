package dev.dockenv.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The few host files the engine layer looks at besides the client (Podman's init program, its configuration). */
interface HostFiles {

    boolean executable(Path path);

    /** The file's text, empty when it is missing or unreadable (the engine cannot read it either). */
    Optional<String> read(Path path);

    HostFiles LOCAL = new HostFiles() {
        @Override
        public boolean executable(Path path) {
            return Files.isExecutable(path);
        }

        @Override
        public Optional<String> read(Path path) {
            try {
                return Files.isRegularFile(path) ? Optional.of(Files.readString(path)) : Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    };
}
