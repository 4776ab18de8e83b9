package dev.dockenv.lock.poetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The package indexes a poetry project uses, in the order poetry 2 searches them, for pip's
 * {@code --index-url} (the first) and {@code --extra-index-url} (the rest):
 * <ol>
 * <li>"default" sources, then "primary" ones (no priority is "primary"), as declared;</li>
 * <li>PyPI, when it is not configured itself and no default or primary source replaces it;</li>
 * <li>"secondary" and "supplemental" sources, as declared;</li>
 * <li>"explicit" sources that a dependency names with {@code source = "..."} (pip cannot tie an
 * index to one package, so they are offered to every package, last).</li>
 * </ol>
 * No sources at all gives an empty list: the default index. (poetry 1.5 to 1.8 still searched PyPI
 * after custom primary sources, with a warning; poetry 2, followed here, does not.)
 */
final class IndexOrder {
    private IndexOrder() {
    }

    static List<String> of(List<PoetrySource> sources, Set<String> referenced) {
        if (sources.isEmpty()) {
            return List.of();
        }
        List<String> urls = new ArrayList<>();
        add(urls, sources, PoetrySource.Priority.DEFAULT);
        add(urls, sources, PoetrySource.Priority.PRIMARY);
        boolean pypiConfigured = sources.stream().anyMatch(PoetrySource::isPyPI);
        if (!pypiConfigured && urls.isEmpty()) {
            urls.add(PoetrySource.PYPI_URL);
        }
        for (PoetrySource s : sources) {
            if (s.priority() == PoetrySource.Priority.SECONDARY || s.priority() == PoetrySource.Priority.SUPPLEMENTAL) {
                addOnce(urls, s.url());
            }
        }
        for (PoetrySource s : sources) {
            if (s.priority() == PoetrySource.Priority.EXPLICIT && referenced.contains(s.name().toLowerCase(Locale.ROOT))) {
                addOnce(urls, s.url());
            }
        }
        return urls;
    }

    private static void add(List<String> urls, List<PoetrySource> sources, PoetrySource.Priority priority) {
        for (PoetrySource s : sources) {
            if (s.priority() == priority) {
                addOnce(urls, s.url());
            }
        }
    }

    static void addOnce(List<String> urls, String url) {
        String key = withoutTrailingSlash(url);
        if (urls.stream().noneMatch(u -> withoutTrailingSlash(u).equals(key))) {
            urls.add(url);
        }
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
