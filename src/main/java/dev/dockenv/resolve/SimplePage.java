package dev.dockenv.resolve;

import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.Version;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A PEP 503 "simple" project page: the files it links, with the hashes their URL fragments carry. */
public final class SimplePage {
    /**
     * One file of the page.
     *
     * @param url    absolute, without the fragment
     * @param hashes "algorithm:hex", from {@code #sha256=...}; empty when the link carries none
     */
    public record IndexFile(String fileName, String url, List<String> hashes) {
        public IndexFile {
            hashes = List.copyOf(hashes);
        }

        public boolean isWheel() {
            return fileName.endsWith(".whl");
        }
    }

    private static final Pattern ANCHOR = Pattern.compile("<a\\s[^>]*?href\\s*=\\s*[\"']([^\"']*)[\"'][^>]*>([^<]*)</a>",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> SDIST_ENDINGS = List.of(".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar.xz");

    private SimplePage() {
    }

    /** The page's file links; relative links are resolved against {@code page}. */
    public static List<IndexFile> parse(String html, URI page) {
        List<IndexFile> out = new ArrayList<>();
        Matcher m = ANCHOR.matcher(html);
        while (m.find()) {
            String href = unescape(m.group(1).trim());
            String fragment = "";
            int hash = href.indexOf('#');
            if (hash >= 0) {
                fragment = href.substring(hash + 1);
                href = href.substring(0, hash);
            }
            String url;
            try {
                url = page.resolve(href).toString();
            } catch (IllegalArgumentException e) {
                continue;
            }
            String text = unescape(m.group(2).trim());
            String fileName = !text.isEmpty() ? text : url.substring(url.lastIndexOf('/') + 1);
            List<String> hashes = new ArrayList<>();
            int eq = fragment.indexOf('=');
            if (eq > 0) {
                hashes.add(fragment.substring(0, eq).toLowerCase(Locale.ROOT) + ":"
                        + fragment.substring(eq + 1).toLowerCase(Locale.ROOT));
            }
            out.add(new IndexFile(fileName, url, hashes));
        }
        return out;
    }

    /** The files of one version of a project (wheels and source distributions), in page order. */
    public static List<IndexFile> filesOf(List<IndexFile> files, String project, String version) {
        String name = Pep503.normalize(project);
        Optional<Version> wanted = Version.tryParse(version);
        List<IndexFile> out = new ArrayList<>();
        for (IndexFile f : files) {
            Optional<String[]> nv = nameAndVersion(f.fileName());
            if (nv.isEmpty() || !Pep503.normalize(nv.get()[0]).equals(name)) {
                continue;
            }
            String v = nv.get()[1];
            boolean same = wanted.isPresent() ? Version.tryParse(v).map(wanted.get()::equals).orElse(false)
                    : v.equals(version);
            if (same) {
                out.add(f);
            }
        }
        return out;
    }

    /** Name and version from a wheel or sdist file name. */
    static Optional<String[]> nameAndVersion(String fileName) {
        if (fileName.endsWith(".whl")) {
            String[] parts = fileName.substring(0, fileName.length() - 4).split("-");
            return parts.length >= 5 ? Optional.of(new String[] {parts[0], parts[1]}) : Optional.empty();
        }
        for (String ending : SDIST_ENDINGS) {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(ending)) {
                String base = fileName.substring(0, fileName.length() - ending.length());
                int dash = base.lastIndexOf('-');
                return dash > 0 ? Optional.of(new String[] {base.substring(0, dash), base.substring(dash + 1)})
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'");
    }
}
