package dev.dockenv.sbom;

import dev.dockenv.pep.Pep503;
import java.nio.charset.StandardCharsets;

/**
 * Package URLs of Python packages: {@code pkg:pypi/NAME@VERSION}, the name normalized as PEP 503
 * says (lowercase, every run of {@code -_.} one {@code -}; the purl type's own rule, lowercase and
 * {@code _} as {@code -}, agrees on every name without a dot), each part percent-encoded but for
 * the characters purl leaves as they are ({@code A-Z a-z 0-9 . - _ ~}): a local version's
 * {@code +} is {@code %2B}, an epoch's {@code !} is {@code %21}.
 */
public final class PackageUrl {
    private PackageUrl() {
    }

    public static String pypi(String name, String version) {
        return "pkg:pypi/" + encode(Pep503.normalize(name)) + "@" + encode(version);
    }

    static String encode(String part) {
        StringBuilder out = new StringBuilder();
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
