package dev.dockenv.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dockenv.io.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive as docker save writes it (docker's own layout), gzipped as dockenv save writes it. */
class ImageArchiveTest {
    private static final String CONFIG = """
            {"architecture":"amd64","config":{"Env":["PATH=/opt/venv/bin:/usr/bin","LANG=C.UTF-8"],
             "Cmd":["python","app.py"],"Labels":{"org.opencontainers.image.version":"1.4.0"}},
             "rootfs":{"type":"layers","diff_ids":["sha256:%s","sha256:%s"]}}
            """;

    @TempDir
    Path tmp;

    private static byte[] tar(Map<String, byte[]> files, long mtime) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                TarArchiveEntry e = new TarArchiveEntry(f.getKey());
                e.setSize(f.getValue().length);
                e.setMode(f.getKey().endsWith(".sh") ? 0100755 : 0100644);
                e.setModTime(new Date(mtime * 1000));
                tar.putArchiveEntry(e);
                tar.write(f.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Path archive(byte[] layer1, byte[] layer2) throws IOException {
        String config = CONFIG.formatted(Sha256.hex(layer1), Sha256.hex(layer2));
        String configName = Sha256.hex(config.getBytes(StandardCharsets.UTF_8)) + ".json";
        String manifest = "[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"shop:1.4.0\"],\"Layers\":[\"l1/layer.tar\","
                + "\"l2/layer.tar\"]}]";
        byte[] outer = tar(new java.util.LinkedHashMap<>(Map.of("l1/layer.tar", layer1, "l2/layer.tar", layer2,
                configName, config.getBytes(StandardCharsets.UTF_8), "manifest.json",
                manifest.getBytes(StandardCharsets.UTF_8))), 0);
        Path file = tmp.resolve("image.tar.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(outer);
        }
        return file;
    }

    @Test
    void theDescriptionComesFromTheConfigAndTheListingsFromTheLayers() throws IOException {
        byte[] layer1 = tar(Map.of("./etc/os-release", "debian".getBytes(StandardCharsets.UTF_8)), 100);
        byte[] layer2 = tar(Map.of("app/run.sh", "#!/bin/sh\n".getBytes(StandardCharsets.UTF_8)), 1764504000);
        ImageArchive archive = ImageArchive.read(archive(layer1, layer2));

        ImageDescription d = archive.description();
        assertThat(d.id()).startsWith("sha256:").hasSize(71);
        assertThat(d.layers()).containsExactly("sha256:" + Sha256.hex(layer1), "sha256:" + Sha256.hex(layer2));
        assertThat(d.labels()).containsExactly(Map.entry("org.opencontainers.image.version", "1.4.0"));
        assertThat(d.env()).containsExactly("PATH=/opt/venv/bin:/usr/bin", "LANG=C.UTF-8");
        assertThat(d.cmd()).containsExactly("python", "app.py");

        Map<Integer, List<LayerEntry>> listings = archive.listings(Set.of(1));
        assertThat(listings.keySet()).containsExactly(1);
        assertThat(listings.get(1)).containsExactly(new LayerEntry("app/run.sh", LayerEntry.Type.FILE, 0755, 1764504000,
                "0:0", Sha256.hex("#!/bin/sh\n".getBytes(StandardCharsets.UTF_8))));
        assertThat(archive.listings(Set.of(0)).get(0)).extracting(LayerEntry::path).containsExactly("etc/os-release");
    }

    @Test
    void anArchiveWithoutManifestIsRefused() throws IOException {
        Path file = tmp.resolve("not-an-image.tar");
        Files.write(file, tar(Map.of("hello.txt", new byte[] {1}), 0));

        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ImageArchive.read(file)))
                .isInstanceOf(IOException.class).hasMessageContaining("has no manifest.json");
    }
}
