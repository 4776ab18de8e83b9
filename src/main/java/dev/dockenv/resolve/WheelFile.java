package dev.dockenv.resolve;

import dev.dockenv.pep.Pep503;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A wheel's file name as PEP 427 and the binary distribution format spell it:
 * {@code NAME-VERSION(-BUILD)?-PYTHON-ABI-PLATFORM.whl}, each tag part possibly a compressed set
 * ({@code py2.py3}).
 *
 * @param tags every {@code python-abi-platform} triple the file supports
 */
public record WheelFile(String name, String version, Set<String> tags) {
    public WheelFile {
        tags = Set.copyOf(tags);
    }

    public static Optional<WheelFile> parse(String fileName) {
        if (!fileName.endsWith(".whl")) {
            return Optional.empty();
        }
        String[] parts = fileName.substring(0, fileName.length() - 4).split("-");
        if (parts.length != 5 && parts.length != 6) {
            return Optional.empty();
        }
        int n = parts.length;
        Set<String> tags = new LinkedHashSet<>();
        for (String python : parts[n - 3].split("\\.")) {
            for (String abi : parts[n - 2].split("\\.")) {
                for (String platform : parts[n - 1].split("\\.")) {
                    tags.add(python + "-" + abi + "-" + platform);
                }
            }
        }
        return Optional.of(new WheelFile(Pep503.normalize(parts[0]), parts[1], tags));
    }
}
