package dev.dockenv.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A project's files as an index lists them for a resolver: the PEP 691 JSON page, or the PEP 503
 * HTML page with the attributes of PEP 592 (yanked), PEP 503's data-requires-python and PEP 658/714
 * (the core metadata served beside the file).
 */
public final class ProjectPage {
    /** The JSON page first, the HTML page for an index that has no other. */
    public static final String ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, "
            + "text/html;q=0.1";
    static final String JSON_TYPE = "application/vnd.pypi.simple.v1+json";

    /**
     * One file.
     *
     * @param url absolute, without a fragment
     * @param hashes "algorithm:hex"
     * @param coreMetadata whether the index serves its metadata at {@code url + ".metadata"}
     */
    public record ProjectFile(String fileName, String url, List<String> hashes, Optional<String> requiresPython,
            boolean yanked, boolean coreMetadata) {
        public ProjectFile {
            hashes = List.copyOf(hashes);
        }

        public boolean isWheel() {
            return fileName.endsWith(".whl");
        }

        /** The sha256 in hex, when the index gives it. */
        public Optional<String> sha256() {
            return hashes.stream().filter(h -> h.startsWith("sha256:")).map(h -> h.substring(7)).findFirst();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ANCHOR = Pattern.compile("<a\\s([^>]*)>([^<]*)</a>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:-]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");

    private ProjectPage() {
    }

    /** The files of a page, read by its content type; relative links resolved against {@code page}. */
    public static List<ProjectFile> parse(String body, String contentType, URI page) {
        if (contentType.toLowerCase(Locale.ROOT).startsWith(JSON_TYPE)) {
            return parseJson(body, page);
        }
        return parseHtml(body, page);
    }

    static List<ProjectFile> parseJson(String body, URI page) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            return List.of();
        }
        List<ProjectFile> out = new ArrayList<>();
        for (JsonNode file : root.path("files")) {
            String url = file.path("url").asText("");
            String name = file.path("filename").asText("");
            if (url.isEmpty() || name.isEmpty()) {
                continue;
            }
            List<String> hashes = new ArrayList<>();
            file.path("hashes").fields().forEachRemaining(e -> hashes.add(e.getKey().toLowerCase(Locale.ROOT) + ":"
                    + e.getValue().asText().toLowerCase(Locale.ROOT)));
            JsonNode yanked = file.path("yanked");
            JsonNode metadata = file.has("core-metadata") ? file.path("core-metadata") : file.path("dist-info-metadata");
            boolean hasMetadata = metadata.isObject() || metadata.asBoolean(false);
            Optional<String> requiresPython = Optional.ofNullable(file.get("requires-python"))
                    .filter(n -> !n.isNull()).map(JsonNode::asText).filter(s -> !s.isBlank());
            out.add(new ProjectFile(name, resolve(page, url), hashes, requiresPython,
                    yanked.isTextual() || yanked.asBoolean(false), hasMetadata));
        }
        return out;
    }

    static List<ProjectFile> parseHtml(String body, URI page) {
        List<ProjectFile> out = new ArrayList<>();
        Matcher m = ANCHOR.matcher(body);
        while (m.find()) {
            String href = null;
            Optional<String> requiresPython = Optional.empty();
            boolean yanked = false;
            boolean metadata = false;
            Matcher a = ATTRIBUTE.matcher(m.group(1));
            while (a.find()) {
                String key = a.group(1).toLowerCase(Locale.ROOT);
                String value = unescape(a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3)
                        : a.group(4) != null ? a.group(4) : "");
                switch (key) {
                    case "href" -> href = value.trim();
                    case "data-requires-python" -> requiresPython = Optional.of(value).filter(v -> !v.isBlank());
                    case "data-yanked" -> yanked = true;
                    case "data-core-metadata", "data-dist-info-metadata" -> metadata = !value.equalsIgnoreCase("false");
                    default -> {
                    }
                }
            }
            if (href == null) {
                continue;
            }
            String fragment = "";
            int hash = href.indexOf('#');
            if (hash >= 0) {
                fragment = href.substring(hash + 1);
                href = href.substring(0, hash);
            }
            String url = resolve(page, href);
            String text = unescape(m.group(2).trim());
            String fileName = !text.isEmpty() ? text : url.substring(url.lastIndexOf('/') + 1);
            List<String> hashes = new ArrayList<>();
            int eq = fragment.indexOf('=');
            if (eq > 0) {
                hashes.add(fragment.substring(0, eq).toLowerCase(Locale.ROOT) + ":"
                        + fragment.substring(eq + 1).toLowerCase(Locale.ROOT));
            }
            out.add(new ProjectFile(fileName, url, hashes, requiresPython, yanked, metadata));
        }
        return out;
    }

    private static String resolve(URI page, String href) {
        try {
            return page.resolve(href).toString();
        } catch (IllegalArgumentException e) {
            return href;
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#x27;", "'").replace("&amp;", "&");
    }
}
