package dev.dockenv.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Deterministic mutations of valid files: bit flips, insertions of bytes and tokens that mean
 * something in one of the formats, deletions, truncations, splices from the other seeds and
 * repeated lines. The same seed number gives the same input, so a failure can be replayed.
 */
final class SeedMutator {
    private static final List<String> TOKENS = List.of("\"", "'", "[", "]", "{", "}", "=", ",", "\n", "\\", "#", ":",
            "-", " ", "\t", "\r", "\u0000", "\"\"\"", "'''", "[[", "]]", ";", "@", "==", ">=", "~=", "*", ".", "-r ",
            "-e ", "-c ", "--hash=sha256:", "python_version", "; extra == ", "${X}", "%(", "!!", "&a ", "*a", "- ",
            "? ", "|", ">", "1e999", "99999999999999999999", "nan", "inf", "true", "1979-05-27T07:32:00Z", "\\u",
            "\\U0010FFFF", "\\x", "file:", "git+", "../", "/", "\u00e9", "\uFEFF", "= [", "= {", "= \"", "\n[x]\n",
            "\n[[package]]\n", "\n  - ", "\n    ", "python=3.", "3.11", "==1.0", " or ", " and ", "(", ")", "<", "!=",
            "===", "^", "||", "-", "_", "0", "");
    private final List<byte[]> splices;

    SeedMutator(List<String> seedTexts) {
        this.splices = seedTexts.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The {@code n}th mutant of {@code seed}: one to four mutations chosen by {@code n} alone. */
    byte[] mutate(byte[] seed, long n) {
        Random random = new Random(n * 0x9E3779B97F4A7C15L + 17);
        byte[] data = seed;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            data = once(data, random);
        }
        return data;
    }

    private byte[] once(byte[] data, Random random) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        switch (random.nextInt(7)) {
            case 0 -> {
                if (data.length == 0) {
                    return data;
                }
                byte[] flipped = data.clone();
                int i = Math.min(at, data.length - 1);
                flipped[i] ^= (byte) (1 << random.nextInt(8));
                return flipped;
            }
            case 1 -> {
                byte[] token = TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
                return splice(data, at, at, token);
            }
            case 2 -> {
                byte[] one = {(byte) random.nextInt(256)};
                return splice(data, at, at, one);
            }
            case 3 -> {
                int end = Math.min(data.length, at + 1 + random.nextInt(16));
                return splice(data, at, end, new byte[0]);
            }
            case 4 -> {
                return Arrays.copyOf(data, at);
            }
            case 5 -> {
                byte[] from = splices.get(random.nextInt(splices.size()));
                if (from.length == 0) {
                    return data;
                }
                int start = random.nextInt(from.length);
                int end = Math.min(from.length, start + 1 + random.nextInt(64));
                return splice(data, at, at, Arrays.copyOfRange(from, start, end));
            }
            default -> {
                // repeat the line around `at`
                int start = at;
                while (start > 0 && data[start - 1] != '\n') {
                    start--;
                }
                int end = at;
                while (end < data.length && data[end] != '\n') {
                    end++;
                }
                byte[] line = Arrays.copyOfRange(data, start, Math.min(data.length, end + 1));
                return splice(data, start, start, line);
            }
        }
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + insert.length);
        out.write(data, 0, from);
        out.writeBytes(insert);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }
}
