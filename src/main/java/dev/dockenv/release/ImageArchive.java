package dev.dockenv.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.io.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * An archive {@code docker save} wrote (plain or gzip, as {@code dockenv save} writes it), read for
 * {@code release --check}: the first image's description from its manifest.json and config, and the
 * listings of the layers asked for (each entry's path, type, mode, mtime, owner and content digest).
 * Reads the archive once for the description and once for the listings; the layers' contents are
 * hashed as they stream by, never held.
 */
public final class ImageArchive {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path archive;
    private final ImageDescription description;
    /** Each layer's path in the archive, in the image's order. */
    private final List<String> layerPaths;

    private ImageArchive(Path archive, ImageDescription description, List<String> layerPaths) {
        this.archive = archive;
        this.description = description;
        this.layerPaths = List.copyOf(layerPaths);
    }

    /** Reads the archive's manifest.json and the first image's config. */
    public static ImageArchive read(Path archive) throws IOException {
        Map<String, byte[]> json = new HashMap<>();
        try (TarArchiveInputStream tar = open(Files.newInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                // docker's own layout: manifest.json, ID.json; the OCI layout: blobs/sha256/HEX (small ones only)
                if (entry.isFile() && entry.getSize() < (1 << 22) && (name.endsWith(".json") || name.startsWith("blobs/"))) {
                    json.put(name, tar.readAllBytes());
                }
            }
        }
        byte[] manifestBytes = json.get("manifest.json");
        if (manifestBytes == null) {
            throw new IOException(archive + " has no manifest.json: it is not an archive docker save wrote");
        }
        JsonNode manifest = JSON.readTree(manifestBytes);
        if (!manifest.isArray() || manifest.isEmpty()) {
            throw new IOException(archive + ": manifest.json lists no image");
        }
        JsonNode image = manifest.get(0);
        String configPath = image.path("Config").asText();
        byte[] configBytes = json.get(configPath);
        if (configBytes == null) {
            throw new IOException(archive + ": the image's config " + configPath + " is missing");
        }
        List<String> layerPaths = new ArrayList<>();
        image.path("Layers").forEach(l -> layerPaths.add(l.asText()));
        return new ImageArchive(archive, description("sha256:" + Sha256.hex(configBytes), JSON.readTree(configBytes)),
                layerPaths);
    }

    /** The image's description from its config JSON (as {@code docker save} and the registry store it). */
    static ImageDescription description(String id, JsonNode config) {
        List<String> layers = new ArrayList<>();
        config.path("rootfs").path("diff_ids").forEach(d -> layers.add(d.asText()));
        JsonNode c = config.path("config");
        Map<String, String> labels = new LinkedHashMap<>();
        c.path("Labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return new ImageDescription(id, layers, labels, strings(c.path("Env")), strings(c.path("Entrypoint")),
                strings(c.path("Cmd")));
    }

    public ImageDescription description() {
        return description;
    }

    /** The listings of the layers at the given positions (0 is the base's first), by position. */
    public Map<Integer, List<LayerEntry>> listings(Set<Integer> positions) throws IOException {
        Map<String, Integer> wanted = new HashMap<>();
        for (int p : positions) {
            if (p >= 0 && p < layerPaths.size()) {
                wanted.put(layerPaths.get(p), p);
            }
        }
        Map<Integer, List<LayerEntry>> out = new HashMap<>();
        if (wanted.isEmpty()) {
            return out;
        }
        try (TarArchiveInputStream tar = open(Files.newInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Integer position = wanted.get(entry.getName());
                if (position != null && !out.containsKey(position)) {
                    out.put(position, listing(new NonClosing(tar)));
                }
            }
        }
        return out;
    }

    /** The entries of a layer's tar (plain or gzip). */
    static List<LayerEntry> listing(InputStream layer) throws IOException {
        List<LayerEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = open(layer)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                LayerEntry.Type type = e.isSymbolicLink() ? LayerEntry.Type.SYMLINK : e.isLink() ? LayerEntry.Type.HARDLINK
                        : e.isDirectory() ? LayerEntry.Type.DIRECTORY : e.isFile() ? LayerEntry.Type.FILE
                        : LayerEntry.Type.OTHER;
                String content = switch (type) {
                    case FILE -> digest(tar);
                    case SYMLINK, HARDLINK -> e.getLinkName();
                    default -> "";
                };
                entries.add(new LayerEntry(path(e.getName()), type, e.getMode() & 07777,
                        e.getModTime().getTime() / 1000, e.getLongUserId() + ":" + e.getLongGroupId(), content));
            }
        }
        return entries;
    }

    /** {@code usr/lib/x} for {@code ./usr/lib/x/} and {@code /usr/lib/x}. */
    static String path(String name) {
        String p = name;
        while (p.startsWith("./") || p.startsWith("/")) {
            p = p.substring(p.startsWith("./") ? 2 : 1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    private static String digest(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) > 0) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A tar stream over {@code in}, gunzipped when it starts with gzip's magic bytes. */
    private static TarArchiveInputStream open(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        InputStream plain = b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
        return new TarArchiveInputStream(plain);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The outer tar's current entry, which closing the inner tar must not close. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
