package dev.dockenv.plan;

import dev.dockenv.config.ShellWords;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * dockenv's wheel installer, {@code install-wheels.py}: a script of the standard library that a
 * lock layer's stage runs instead of pip when the lock names a wheel of each package with its URL
 * and sha256 ({@link WheelList}). It installs what {@code pip install --require-hashes --no-deps
 * --prefix} would (the same files, scripts, RECORD and byte-code) without pip's start-up and
 * resolver, which cost about half a second a stage; pip installs what has no wheel for the
 * platform. It reaches the build as a generated file mounted for the step alone, so no image holds
 * it; {@code dockenv init} writes it beside the Dockerfile.
 */
public final class WheelInstaller {
    /** Where the script is in the project (and its build context). */
    public static final String PATH = GeneratedFile.FOLDER + "install-wheels.py";

    /** Where a layer's step sees the script (a context mount: in no layer). */
    static final String TARGET = "/tmp/dockenv-install-wheels.py";

    private static final GeneratedFile SCRIPT = new GeneratedFile(PATH, load());

    private WheelInstaller() {
    }

    /** The script, as the build context and dockenv init carry it. */
    public static GeneratedFile script() {
        return SCRIPT;
    }

    /** The step's command: the venv's python runs the script on the layer's list, into the layer's prefix. */
    static String command(GeneratedFile list) {
        return "python " + TARGET + " --prefix " + LockLayer.PREFIX + " --python " + ContainerPaths.VENV
                + "/bin/python --cache " + ContainerPaths.WHEEL_CACHE + " " + ShellWords.quote(list.path());
    }

    private static String load() {
        try (InputStream in = WheelInstaller.class.getResourceAsStream("install-wheels.py")) {
            if (in == null) {
                throw new IllegalStateException("install-wheels.py is missing from dockenv's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read install-wheels.py from dockenv's jar", e);
        }
    }
}
