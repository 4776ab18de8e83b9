package dev.dockenv.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of bad inputs: kinds generated over every format's valid seed ({@link CorpusSeed}),
 * then each format's characteristic errors written by hand ({@link FormatErrors}), then the files
 * that are not files (the special-files group, fixed on another branch).
 */
final class BadInputCorpus {
    private BadInputCorpus() {
    }

    static List<BadInput> cases() {
        List<BadInput> cases = new ArrayList<>();
        for (CorpusSeed seed : CorpusSeed.all()) {
            if (seed.format().equals("dev requirements") || seed.format().equals("runtime.txt")) {
                continue; // the same readers as requirements.txt's and .python-version's
            }
            encodings(seed, cases);
            emptiness(seed, cases);
            truncations(seed, cases);
            huge(seed, cases);
        }
        wrongTypes(cases);
        BadPep.cases(cases);
        FormatErrors.cases(cases);
        SpecialFiles.cases(cases);
        return cases;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The seed's text with {@code bad} bytes put at the end of line {@code line} (from 1). */
    private static byte[] withBytesOnLine(String text, int line, byte[] bad) {
        List<String> lines = text.lines().toList();
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < line; i++) {
            before.append(lines.get(i));
            if (i < line - 1) {
                before.append('\n');
            }
        }
        StringBuilder after = new StringBuilder("\n");
        for (int i = line; i < lines.size(); i++) {
            after.append(lines.get(i)).append('\n');
        }
        return concat(utf8(before.toString()), bad, utf8(after.toString()));
    }

    /** The first line holding a comment, a string or a value where a stray byte is not UTF-8 and nothing else. */
    private static int lineForBadByte(CorpusSeed seed) {
        List<String> lines = seed.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("#") || (l.contains("\"") && !l.strip().endsWith(","))) {
                return i + 1;
            }
        }
        return 1;
    }

    /** Non-UTF-8 bytes (at a line), byte-order marks and line endings: decoding, not content. */
    private static void encodings(CorpusSeed seed, List<BadInput> cases) {
        String g = "encoding";
        String text = seed.text();
        byte[][] bad = {
            {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            {(byte) 0xE9}};
        String[] names = {"0xFF", "a lone continuation byte", "an overlong slash", "a UTF-16 surrogate",
            "Latin-1 é"};
        // a comment line or a string keeps the rest of the file valid: the bad byte is the only fault
        int line = seed.format().endsWith(".lock") && seed.text().startsWith("{") ? 2 : lineForBadByte(seed);
        for (int i = 0; i < bad.length; i++) {
            cases.add(BadInput.of(g, seed.format() + " with " + names[i], seed, seed.file(),
                    withBytesOnLine(text, line, bad[i])).at(line));
        }
        byte[] cut = utf8(text.strip());
        cases.add(BadInput.of(g, seed.format() + " ending in a cut UTF-8 sequence", seed, seed.file(),
                concat(cut, new byte[] {(byte) 0xE2, (byte) 0x82})).at((int) text.strip().lines().count()));
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));
        cases.add(BadInput.of(g, seed.format() + " saved as UTF-16", seed, seed.file(), utf16).at(1));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String crlf = text.replace("\n", "\r\n");
        // setuptools reads setup.cfg as plain UTF-8: configparser sees the mark before [metadata] and refuses it
        Integer[] withBom = seed.file().equals("setup.cfg") ? new Integer[] {4} : new Integer[] {0};
        cases.add(BadInput.of(g, seed.format() + " with a byte-order mark", seed, seed.file(),
                concat(bom, utf8(text))).exits(withBom));
        cases.add(BadInput.of(g, seed.format() + " with CRLF line ends", seed, seed.file(), utf8(crlf)).exits(0));
        cases.add(BadInput.of(g, seed.format() + " with a byte-order mark and CRLF", seed, seed.file(),
                concat(bom, utf8(crlf))).exits(withBom));
        cases.add(BadInput.of(g, seed.format() + " with two byte-order marks", seed, seed.file(),
                concat(bom, bom, utf8(text))).exits(0, 4));
    }

    /** Empty, blank and comment-only files. */
    private static void emptiness(CorpusSeed seed, List<BadInput> cases) {
        String g = "empty";
        Set<Integer> empty = CorpusExpectations.emptyExits(seed);
        cases.add(BadInput.of(g, seed.format() + " empty", seed, "").exits(empty.toArray(Integer[]::new)));
        cases.add(BadInput.of(g, seed.format() + " blank lines and tabs", seed, "\n  \t\n\n")
                .exits(empty.toArray(Integer[]::new)));
        cases.add(BadInput.of(g, seed.format() + " a NUL byte", seed, seed.file(),
                concat(utf8(seed.text()), new byte[] {0}, utf8("\n"))).exits(0, 4));
    }

    /** Cut inside a string (after its opening quote) on each line that has one: the file ends in the string. */
    private static void truncations(CorpusSeed seed, List<BadInput> cases) {
        String g = "truncated";
        List<String> lines = seed.text().lines().toList();
        StringBuilder before = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            int quote = firstQuote(l);
            if (quote >= 0 && !l.startsWith("#") && CorpusExpectations.cuttable(seed, l)) {
                cases.add(BadInput.of(g, seed.format() + " cut in the string of line " + (i + 1), seed,
                        before + l.substring(0, quote + 1)).at(i + 1).exits(CorpusExpectations.cutExits(seed)));
            }
            int eq = l.indexOf(" = ");
            if (eq > 0 && CorpusExpectations.isToml(seed) && !l.startsWith("#") && !seed.file().endsWith(".lock")) {
                cases.add(BadInput.of(g, seed.format() + " cut after the = of line " + (i + 1), seed,
                        before + l.substring(0, eq + 3)).at(i + 1));
            }
            before.append(l).append('\n');
        }
        // cut in the middle: the file as a whole is shorter than its structure
        String text = seed.text();
        cases.add(BadInput.of(g, seed.format() + " cut in half", seed, text.substring(0, text.length() / 2))
                .exits(0, 4));
    }

    private static int firstQuote(String line) {
        int d = line.indexOf('"');
        int s = line.indexOf('\'');
        return d < 0 ? s : s < 0 ? d : Math.min(d, s);
    }

    /** Big files: many lines, one long line. */
    private static void huge(CorpusSeed seed, List<BadInput> cases) {
        String g = "huge";
        String line = "x".repeat(500_000);
        cases.add(BadInput.of(g, seed.format() + " one 500 kB line", seed, line).exits(0, 4));
        StringBuilder comments = new StringBuilder();
        boolean json = seed.file().equals("Pipfile.lock");
        if (!json) {
            int count = CorpusExpectations.isToml(seed) ? 2_000 : 20_000;
            for (int i = 0; i < count; i++) {
                comments.append("# comment line ").append(i).append('\n');
            }
            BadInput c = BadInput.of(g, seed.format() + " " + count + " comment lines before the content", seed,
                    comments + seed.text()).exits(0);
            cases.add(CorpusExpectations.isToml(seed) ? c.disabled(CorpusExpectations.TOML_TRIVIA_RUNS) : c);
        }
    }

    private static final Pattern TOML_KEY = Pattern.compile("^([A-Za-z0-9_\\-\"]+) = (.*)$");

    /** Each key of the TOML seeds, and the JSON lock's, given a value of each wrong type. */
    private static void wrongTypes(List<BadInput> cases) {
        String[] values = {"1", "\"text\"", "{ a = 1 }"};
        for (CorpusSeed seed : CorpusSeed.all()) {
            if (!CorpusExpectations.isToml(seed)) {
                continue;
            }
            List<String> lines = seed.text().lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = TOML_KEY.matcher(lines.get(i));
                if (!m.matches()) {
                    continue;
                }
                String key = m.group(1);
                String original = m.group(2);
                if (!balanced(original)) {
                    continue; // an array or table that goes on over the next lines
                }
                for (String v : values) {
                    if (sameType(original, v)) {
                        continue;
                    }
                    List<String> changed = new ArrayList<>(lines);
                    changed.set(i, key + " = " + v);
                    BadInput c = BadInput.of("wrong type", seed.format() + " line " + (i + 1) + " " + key + " = " + v,
                            seed, String.join("\n", changed) + "\n");
                    cases.add(CorpusExpectations.wrongType(seed, key, v, c.at(i + 1)));
                }
            }
        }
    }

    private static boolean balanced(String value) {
        int depth = 0;
        for (char ch : value.toCharArray()) {
            depth += ch == '[' || ch == '{' ? 1 : ch == ']' || ch == '}' ? -1 : 0;
        }
        return depth == 0;
    }

    private static boolean sameType(String original, String value) {
        char a = original.charAt(0);
        char b = value.charAt(0);
        if (a == '\'' ) {
            a = '"';
        }
        return a == b || (Character.isDigit(a) && Character.isDigit(b) && original.contains("-") == value.contains("-")
                && original.contains(".") == value.contains("."));
    }
}
