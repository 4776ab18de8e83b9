package dev.dockenv.cli;

import java.io.IOException;
import java.io.InputStream;
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

    @Override
    public String[] getVersion() {
        return new String[] {"dockenv " + get()};
    }
}
