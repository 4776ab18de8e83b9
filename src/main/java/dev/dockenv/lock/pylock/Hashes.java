package dev.dockenv.lock.pylock;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * File hashes as lock files write them, checked and normalized to the model's
 * {@code algorithm:hex} form (lowercase). The algorithms are Python's
 * {@code hashlib.algorithms_guaranteed}, which PEP 751 names; each has a fixed digest length except
 * the variable-length shake ones.
 */
public final class Hashes {
    private static final Map<String, Integer> HEX_LENGTHS = Map.ofEntries(
            Map.entry("md5", 32), Map.entry("sha1", 40), Map.entry("sha224", 56), Map.entry("sha256", 64),
            Map.entry("sha384", 96), Map.entry("sha512", 128), Map.entry("sha3_224", 56),
            Map.entry("sha3_256", 64), Map.entry("sha3_384", 96), Map.entry("sha3_512", 128),
            Map.entry("blake2b", 128), Map.entry("blake2s", 64), Map.entry("shake_128", 0),
            Map.entry("shake_256", 0));
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private Hashes() {
    }

    /** Checks {@code algorithm:hex} (uv.lock, pdm.lock) and returns it normalized. */
    public static String parse(String text, SourceLocation at, String key) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            throw new InputException(at, key + ": invalid hash '" + text + "': expected algorithm:hex digest, such as sha256:9f86d0...");
        }
        return of(text.substring(0, colon), text.substring(colon + 1), at, key);
    }

    /** Checks an algorithm and its hex digest (pylock.toml's {@code hashes = {sha256 = "..."}}). */
    public static String of(String algorithm, String hex, SourceLocation at, String key) {
        String alg = algorithm.toLowerCase(Locale.ROOT);
        Integer length = HEX_LENGTHS.get(alg);
        if (length == null) {
            throw new InputException(at, key + ": unknown hash algorithm '" + algorithm + "'",
                    "use one of " + String.join(", ", new TreeMap<>(HEX_LENGTHS).keySet()));
        }
        if (!HEX.matcher(hex).matches()) {
            throw new InputException(at, key + ": invalid " + alg + " hash '" + hex + "': not hexadecimal");
        }
        if (length > 0 ? hex.length() != length : hex.length() % 2 != 0) {
            throw new InputException(at, key + ": invalid " + alg + " hash: " + hex.length() + " hex digits, expected "
                    + (length > 0 ? String.valueOf(length) : "an even number"));
        }
        return alg + ":" + hex.toLowerCase(Locale.ROOT);
    }
}
