package dev.dockenv.resolve;

import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.Version;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    private static final List<String> SDIST_ENDINGS = List.of(".tar.gz", ".zip", ".tar.bz2", ".tgz", ".tar.xz");

    private SimplePage() {
    }

    /** The page's file links; relative links are resolved against {@code page}. */
    public static List<IndexFile> parse(String html, URI page) {
        return ProjectPage.parseHtml(html, page).stream().map(f -> new IndexFile(f.fileName(), f.url(), f.hashes()))
                .toList();
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
}
