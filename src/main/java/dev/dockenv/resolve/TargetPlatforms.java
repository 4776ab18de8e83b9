package dev.dockenv.resolve;

import dev.dockenv.engine.Engine;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.pep.MarkerEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The target of a lock: what the base image's interpreter says of itself (its full version, machine
 * and C library), asked once per image in a throwaway container and kept in the cache by the
 * image's ID.
 */
final class TargetPlatforms {
    /** Prints version, machine, C library name and version, one per line; musl is found by its loader. */
    static final String SCRIPT = "import glob, platform\n"
            + "n, v = platform.libc_ver()\n"
            + "musl = glob.glob('/lib/ld-musl-*')\n"
            + "print(platform.python_version()); print(platform.machine()); print(n or ('musl' if musl else ''))\n"
            + "print(v)\n";

    private TargetPlatforms() {
    }

    static TargetPlatform of(Engine engine, String image, Path cacheDir) {
        Optional<String> id = engine.imageId(image).map(i -> i.replace("sha256:", ""));
        Optional<Path> cached = id.map(i -> cacheDir.resolve("platform-" + i.substring(0, Math.min(32, i.length()))));
        String text = null;
        if (cached.isPresent() && Files.isRegularFile(cached.get())) {
            try {
                text = Files.readString(cached.get());
            } catch (IOException e) {
                text = null;
            }
        }
        if (text == null) {
            text = engine.runForOutput(image, List.of("python3", "-c", SCRIPT));
            if (cached.isPresent()) {
                try {
                    AtomicFiles.write(cached.get(), text);
                } catch (IOException e) {
                    // asked again next time
                }
            }
        }
        return parse(text);
    }

    static TargetPlatform parse(String text) {
        List<String> lines = text.strip().lines().map(String::strip).toList();
        if (lines.size() < 3) {
            throw new IllegalArgumentException("the image's python described no platform: " + text);
        }
        MarkerEnvironment markers = MarkerEnvironment.forLinux(lines.get(0), lines.get(1));
        String libc = lines.get(2);
        String version = lines.size() > 3 ? lines.get(3) : "";
        if (libc.equals("glibc") && !version.isEmpty()) {
            return new TargetPlatform(markers, Optional.of(version), Optional.empty());
        }
        if (libc.equals("musl")) {
            return new TargetPlatform(markers, Optional.empty(), Optional.of(version.isEmpty() ? "1.1" : version));
        }
        return new TargetPlatform(markers, Optional.empty(), Optional.empty());
    }
}
