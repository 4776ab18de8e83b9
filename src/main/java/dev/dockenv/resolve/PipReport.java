package dev.dockenv.resolve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code pip install --dry-run --report} says it would install (pip's installation report,
 * version 1): per package its name, version, where pip would fetch it and that file's hash.
 */
public final class PipReport {
    /** How pip would get a package. */
    public enum Kind { INDEX, DIRECT_ARCHIVE, VCS, DIRECTORY }

    /**
     * One entry of the report's {@code install} list.
     *
     * @param hash   the downloaded file's hash as "algorithm:hex" (sha256 preferred), when the report has one
     * @param commit the commit of a VCS package
     */
    public record Resolved(String name, String version, Kind kind, Optional<String> url, Optional<String> hash,
            Optional<String> commit, boolean editable) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipReport() {
    }

    public static List<Resolved> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new DockenvException(ExitCode.INTERNAL, "pip's installation report is not JSON: " + e.getMessage(),
                    "is pip in the base image older than 22.2 (no --report)?");
        }
        if (root == null || !root.path("install").isArray()) {
            throw new DockenvException(ExitCode.INTERNAL, "pip's installation report has no 'install' list", null);
        }
        List<Resolved> out = new ArrayList<>();
        for (JsonNode item : root.path("install")) {
            JsonNode metadata = item.path("metadata");
            String name = metadata.path("name").asText("");
            String version = metadata.path("version").asText("");
            if (name.isEmpty() || version.isEmpty()) {
                throw new DockenvException(ExitCode.INTERNAL, "pip's installation report lists a package without "
                        + "name or version", null);
            }
            JsonNode info = item.path("download_info");
            Optional<String> url = text(info.path("url"));
            Kind kind;
            Optional<String> commit = Optional.empty();
            if (info.has("vcs_info")) {
                kind = Kind.VCS;
                commit = text(info.path("vcs_info").path("commit_id"));
                String vcs = info.path("vcs_info").path("vcs").asText("git");
                url = url.map(u -> u.startsWith(vcs + "+") ? u : vcs + "+" + u);
            } else if (info.has("dir_info")) {
                kind = Kind.DIRECTORY;
            } else {
                kind = item.path("is_direct").asBoolean(false) ? Kind.DIRECT_ARCHIVE : Kind.INDEX;
            }
            out.add(new Resolved(name, version, kind, url, hash(info.path("archive_info")), commit,
                    info.path("dir_info").path("editable").asBoolean(false)));
        }
        return out;
    }

    /** {@code hashes: {sha256: hex}} (preferred, sha256 first), else the legacy {@code hash: "sha256=hex"}. */
    private static Optional<String> hash(JsonNode archive) {
        JsonNode hashes = archive.path("hashes");
        if (hashes.isObject() && hashes.size() > 0) {
            if (hashes.has("sha256")) {
                return Optional.of("sha256:" + hashes.get("sha256").asText().toLowerCase(Locale.ROOT));
            }
            String algorithm = hashes.fieldNames().next();
            return Optional.of(algorithm.toLowerCase(Locale.ROOT) + ":" + hashes.get(algorithm).asText());
        }
        return text(archive.path("hash")).filter(h -> h.contains("="))
                .map(h -> h.substring(0, h.indexOf('=')).toLowerCase(Locale.ROOT) + ":" + h.substring(h.indexOf('=') + 1));
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }
}
