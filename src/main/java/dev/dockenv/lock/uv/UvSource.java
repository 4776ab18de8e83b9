package dev.dockenv.lock.uv;

import dev.dockenv.lock.PackageSource;
import dev.dockenv.lock.pylock.LockTable;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A uv.lock {@code source = { <kind> = "<value>" }} table, e.g. {@code { registry = "https://pypi.org/simple" }},
 * {@code { editable = "." }}, {@code { git = "https://github.com/encode/httpx?rev=0.27.0#326b94..." }},
 * {@code { url = "https://...", subdirectory = "sub" }}.
 */
record UvSource(Kind kind, String value, Optional<String> subdirectory) {

    enum Kind {
        REGISTRY, EDITABLE, VIRTUAL, DIRECTORY, PATH, URL, GIT;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String KINDS = Arrays.stream(Kind.values()).map(Kind::key).collect(Collectors.joining(", "));

    static UvSource read(LockTable t) {
        Kind found = null;
        for (Kind k : Kind.values()) {
            if (t.has(k.key())) {
                if (found != null) {
                    throw t.error("source names both " + found.key() + " and " + k.key() + "; a source has one kind");
                }
                found = k;
            }
        }
        if (found == null) {
            String written = t.keys().stream().filter(k -> !k.equals("subdirectory")).findFirst().orElse("nothing");
            throw t.error(t.path() + ": unknown source type '" + written + "'",
                    "uv.lock sources are one of: " + KINDS);
        }
        Set<String> unknown = t.keys().stream()
                .filter(k -> !k.equals("subdirectory") && Arrays.stream(Kind.values()).noneMatch(v -> v.key().equals(k)))
                .collect(Collectors.toSet());
        if (!unknown.isEmpty()) {
            String key = unknown.iterator().next();
            throw t.errorAt(key, "unknown source key (uv.lock sources are one of: " + KINDS + ")");
        }
        String value = t.requiredString(found.key());
        if (value.isBlank()) {
            throw t.errorAt(found.key(), "empty " + found.key() + " source");
        }
        return new UvSource(found, value, t.string("subdirectory"));
    }

    boolean isProjectRoot() {
        return (kind == Kind.EDITABLE || kind == Kind.VIRTUAL) && (value.equals(".") || value.equals("./"));
    }

    /** Source trees may leave the version out (a dynamic version); other sources always name it. */
    boolean isSourceTree() {
        return kind == Kind.EDITABLE || kind == Kind.VIRTUAL || kind == Kind.DIRECTORY;
    }

    /** The model's source; empty for a virtual package, which has nothing to install. */
    Optional<PackageSource> toModel() {
        return switch (kind) {
            case REGISTRY -> Optional.of(new PackageSource.Registry(Optional.of(value)));
            case EDITABLE -> Optional.of(new PackageSource.LocalPath(withSubdirectory(value), true));
            case DIRECTORY, PATH -> Optional.of(new PackageSource.LocalPath(withSubdirectory(value), false));
            case VIRTUAL -> Optional.empty();
            case URL -> Optional.of(new PackageSource.DirectUrl(withFragment(value)));
            case GIT -> Optional.of(git());
        };
    }

    /** A registry the packages come from, when it is a URL (not a local directory of files). */
    Optional<String> indexUrl() {
        return kind == Kind.REGISTRY && value.contains("://") ? Optional.of(value) : Optional.empty();
    }

    /**
     * uv writes git sources as {@code <repository>?<rev|tag|branch>=...&subdirectory=...#<commit>};
     * the model's URL is {@code git+<repository>} (with {@code #subdirectory=} when there is one)
     * and the revision is the locked commit.
     */
    private PackageSource.Vcs git() {
        String url = value;
        Optional<String> commit = Optional.empty();
        int hash = url.indexOf('#');
        if (hash >= 0) {
            commit = Optional.of(url.substring(hash + 1)).filter(c -> !c.isEmpty());
            url = url.substring(0, hash);
        }
        Optional<String> subdir = subdirectory;
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String param : url.substring(query + 1).split("&")) {
                if (param.startsWith("subdirectory=")) {
                    subdir = Optional.of(param.substring("subdirectory=".length()));
                }
            }
            url = url.substring(0, query);
        }
        String base = url.startsWith("git+") ? url : "git+" + url;
        return new PackageSource.Vcs(base + subdir.map(s -> "#subdirectory=" + s).orElse(""), commit);
    }

    private String withFragment(String url) {
        return url + subdirectory.map(s -> "#subdirectory=" + s).orElse("");
    }

    private String withSubdirectory(String path) {
        return subdirectory.map(s -> path.replaceAll("/+$", "") + "/" + s).orElse(path);
    }
}
