package dev.dockenv.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** dockenv's version, from the build. */
public final class DockenvVersion implements IVersionProvider {

    public static String get() {
        Properties p = new Properties();
        try (InputStream in = DockenvVersion.class.getResourceAsStream("/dev/dockenv/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }

    /** The jar this dockenv runs from (empty when it runs from classes, as in unit tests). */
    static Optional<Path> jar() {
        try {
            return Optional.of(Path.of(DockenvVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
                    .filter(Files::isRegularFile);
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"dockenv " + get()};
    }
}
