package dev.dockenv.lock.pipenv;

import dev.dockenv.lock.PythonJson;
import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.lock.LockFile;
import dev.dockenv.pep.Pep503;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlTable;

/**
 * The {@code _meta.hash.sha256} pipenv writes into Pipfile.lock for a Pipfile, computed as pipenv
 * does, so that a lock can be checked for staleness without pipenv.
 *
 * <p>pipenv hashes {@code json.dumps(data, sort_keys=True, separators=(",", ":"))} (UTF-8, ASCII
 * escapes) where {@code data} is {@code {"_meta": {"sources": [[source]], "requires": [requires]},
 * "default": [packages], "develop": [dev-packages]}} built from the parsed TOML. What else goes in
 * has changed across pipenv releases; each {@link Scheme} is one of them. A Pipfile without
 * {@code [[source]]} is hashed with the default source that version of pipenv injects. The file is
 * read as Python does in text mode (CRLF and CR become LF).
 */
public final class PipfileDigest {

    /** How a pipenv release computes the hash. */
    public enum Scheme {
        /**
         * pipenv up to 2022.9 (the {@code pipfile} library): [packages] and [dev-packages] only; the
         * default source is {@code {"url": "https://pypi.python.org/simple", "verify_ssl": true}}.
         */
        PIPFILE_LIBRARY,
        /**
         * pipenv 2022.9 (plette, before package categories): [packages] and [dev-packages] only; the
         * default source is {@code pypi}, {@code https://pypi.org/simple}.
         */
        PLETTE,
        /**
         * pipenv 2022.10 to 2026.3 (plette with package categories): also every other top-level table
         * except [scripts], [pipenv] and [pipfile], under its name as written.
         */
        PLETTE_CATEGORIES,
        /**
         * pipenv 2026.4 and later (pypa/pipenv#6609): as {@link #PLETTE_CATEGORIES}, with each package
         * name key replaced by its PEP 503 normalized form.
         */
        CANONICAL_NAMES
    }

    /** The scheme of the newest pipenv. */
    public static final Scheme CURRENT = Scheme.CANONICAL_NAMES;

    /** Top-level tables that are not package categories, for plette with categories. */
    private static final Set<String> NOT_CATEGORIES = Set.of("source", "packages", "dev-packages", "requires",
            "scripts", "pipfile", "pipenv", "default", "develop");
    private static final String PLETTE_DEFAULT_SOURCE = "[[source]]\nname = \"pypi\"\n"
            + "url = \"https://pypi.org/simple\"\nverify_ssl = true\n";

    private PipfileDigest() {
    }

    /** What the newest pipenv writes for this Pipfile. */
    public static String of(Path pipfile) {
        return of(pipfile, CURRENT);
    }

    public static String of(Path pipfile, Scheme scheme) {
        return of(pipfile, TextFile.read(pipfile), scheme);
    }

    /** Every scheme's digest of the Pipfile. */
    public static Map<Scheme, String> all(Path pipfile) {
        String text = TextFile.read(pipfile);
        Map<Scheme, String> out = new EnumMap<>(Scheme.class);
        for (Scheme scheme : Scheme.values()) {
            out.put(scheme, of(pipfile, text, scheme));
        }
        return out;
    }

    /**
     * The newest scheme under which {@code digest} is this Pipfile's digest, if any: which pipenv
     * releases would accept the lock as up to date.
     */
    public static Optional<Scheme> matching(Path pipfile, String digest) {
        Map<Scheme, String> all = all(pipfile);
        List<Scheme> newestFirst = new ArrayList<>(List.of(Scheme.values()));
        Collections.reverse(newestFirst);
        return newestFirst.stream().filter(s -> all.get(s).equalsIgnoreCase(digest)).findFirst();
    }

    /**
     * Whether the lock records this Pipfile as its input under any pipenv release's scheme (false when
     * the lock has no digest). A lock made by an older pipenv stays current here even though a newer
     * pipenv would re-lock it.
     */
    public static boolean isUpToDate(Path pipfile, LockFile lock) {
        return lock.inputsDigest().flatMap(d -> matching(pipfile, d)).isPresent();
    }

    static String of(Path file, String text, Scheme scheme) {
        String content = text.replace("\r\n", "\n").replace('\r', '\n');
        TomlDocument doc = TomlDocument.parse(file, content); // errors at the Pipfile's own positions
        Map<String, Object> data = scheme == Scheme.PIPFILE_LIBRARY ? pipfileLibraryData(doc) : pletteData(file,
                doc, content, scheme);
        return sha256(PythonJson.dumpsCompact(data));
    }

    /** The pipfile library: defaults updated with the TOML document, [packages]/[dev-packages] only. */
    private static Map<String, Object> pipfileLibraryData(TomlDocument doc) {
        Map<String, Object> defaultSource = new LinkedHashMap<>();
        defaultSource.put("url", "https://pypi.python.org/simple");
        defaultSource.put("verify_ssl", true);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("source", List.of(defaultSource));
        config.put("packages", Map.of());
        config.put("requires", Map.of());
        config.put("dev-packages", Map.of());
        for (String key : List.of("source", "packages", "requires", "dev-packages")) {
            if (doc.root().contains(List.of(key))) {
                config.put(key, plain(doc, List.of(key)));
            }
        }
        return data(config.get("source"), config.get("requires"), config.get("packages"), config.get("dev-packages"));
    }

    /** plette: the default source is prepended to the text when there is no [[source]]. */
    private static Map<String, Object> pletteData(Path file, TomlDocument original, String content, Scheme scheme) {
        TomlDocument doc = original;
        if (!original.root().contains(List.of("source"))) {
            doc = TomlDocument.parse(file, PLETTE_DEFAULT_SOURCE + (content.startsWith("\n") ? "" : "\n") + content);
        }
        boolean canonical = scheme == Scheme.CANONICAL_NAMES;
        Object requires = doc.root().contains(List.of("requires")) ? plain(original, List.of("requires")) : Map.of();
        Map<String, Object> data = data(plain(doc, List.of("source")), requires,
                section(original, "packages", canonical), section(original, "dev-packages", canonical));
        if (scheme == Scheme.PLETTE) {
            return data;
        }
        for (String key : doc.root().keySet()) {
            if (!NOT_CATEGORIES.contains(key)) {
                data.put(key, section(original, key, canonical));
            }
        }
        return data;
    }

    private static Map<String, Object> data(Object sources, Object requires, Object packages, Object devPackages) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("sources", sources);
        meta.put("requires", requires);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("_meta", meta);
        data.put("default", packages);
        data.put("develop", devPackages);
        return data;
    }

    /** A package table, its keys PEP 503 normalized when {@code canonical} (the last of equal names wins). */
    private static Object section(TomlDocument doc, String key, boolean canonical) {
        List<String> path = List.of(key);
        if (!doc.root().contains(path)) {
            return Map.of();
        }
        Object value = plain(doc, path);
        if (!canonical) {
            return value;
        }
        if (!(value instanceof Map<?, ?> packages)) {
            throw doc.wrongType(path, "a table of packages");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        packages.forEach((name, entry) -> out.put(Pep503.normalize((String) name), entry));
        return out;
    }

    /** The TOML value at {@code path} as maps, lists and scalars; dates and times cannot be hashed. */
    private static Object plain(TomlDocument doc, List<String> path) {
        return plain(doc, path, doc.root().get(path));
    }

    private static Object plain(TomlDocument doc, List<String> path, Object value) {
        if (value instanceof TomlTable table) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : table.keySet()) {
                List<String> child = new ArrayList<>(path);
                child.add(key);
                out.put(key, plain(doc, child, table.get(List.of(key))));
            }
            return out;
        }
        if (value instanceof TomlArray array) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                out.add(plain(doc, path, array.get(i)));
            }
            return out;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Long || value instanceof Double) {
            return value;
        }
        throw new InputException(doc.locationOf(path), TomlDocument.key(path) + ": pipenv cannot hash a "
                + "date or time value (json.dumps rejects it)", "write it as a string");
    }

    private static String sha256(String json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
