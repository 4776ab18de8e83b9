package dev.dockenv.sbom;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A CycloneDX hash: algorithm as CycloneDX names it ({@code SHA-256}) and lowercase hex content.
 */
public record Hash(String algorithm, String content) {
    /** Lock spellings ({@code sha256:HEX}, as {@code lock.LockedArtifact} keeps them) to CycloneDX names. */
    private static final Map<String, String> ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256",
            "sha384", "SHA-384", "sha512", "SHA-512");
    private static final Map<String, Integer> HEX_LENGTHS = Map.of("MD5", 32, "SHA-1", 40, "SHA-256", 64,
            "SHA-384", 96, "SHA-512", 128);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]+");

    /**
     * A lock's {@code algorithm:hex} as a CycloneDX hash; empty for an algorithm CycloneDX does not
     * name (or a malformed value), which is left out rather than guessed.
     */
    public static Optional<Hash> fromLock(String algorithmColonHex) {
        int colon = algorithmColonHex.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String algorithm = ALGORITHMS.get(algorithmColonHex.substring(0, colon).toLowerCase(Locale.ROOT));
        String hex = algorithmColonHex.substring(colon + 1).toLowerCase(Locale.ROOT);
        if (algorithm == null || hex.length() != HEX_LENGTHS.get(algorithm) || !HEX.matcher(hex).matches()) {
            return Optional.empty();
        }
        return Optional.of(new Hash(algorithm, hex));
    }
}
