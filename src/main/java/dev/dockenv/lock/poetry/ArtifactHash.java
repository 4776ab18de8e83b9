package dev.dockenv.lock.poetry;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file hash as poetry.lock writes it ({@code sha256:<hex>}), normalized to lower case. */
final class ArtifactHash {
    private static final Map<String, Integer> HEX_LENGTHS = Map.of("md5", 32, "sha1", 40, "sha224", 56,
            "sha256", 64, "sha384", 96, "sha512", 128);
    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9]+):([0-9A-Fa-f]+)");
    private static final Pattern BARE_SHA256 = Pattern.compile("[0-9A-Fa-f]{64}");

    private ArtifactHash() {
    }

    /** "algorithm:hex" in lower case; a bare 64-digit hex (lock-version 1.0) is sha256. Empty if invalid. */
    static Optional<String> normalize(String written) {
        String s = written.strip();
        if (BARE_SHA256.matcher(s).matches()) {
            return Optional.of("sha256:" + s.toLowerCase(Locale.ROOT));
        }
        Matcher m = FORM.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String algorithm = m.group(1).toLowerCase(Locale.ROOT);
        Integer length = HEX_LENGTHS.get(algorithm);
        if (length == null || m.group(2).length() != length) {
            return Optional.empty();
        }
        return Optional.of(algorithm + ":" + m.group(2).toLowerCase(Locale.ROOT));
    }
}
