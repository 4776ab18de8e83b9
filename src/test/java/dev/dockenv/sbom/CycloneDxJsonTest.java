package dev.dockenv.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rendering: deterministic bytes, a serial number derived from the content, purls and hashes as CycloneDX spells them. */
class CycloneDxJsonTest {
    @TempDir
    Path tmp;

    private static LockedPackage pkg(String name, String version, String... hashes) {
        return new LockedPackage(name, Optional.of(version), Optional.empty(),
                List.of(new LockedArtifact(Optional.of(name + "-" + version + ".tar.gz"), Optional.empty(), List.of(hashes))),
                new PackageSource.Registry(Optional.empty()), Set.of("main"), SourceLocation.of(Path.of("pylock.toml")));
    }

    private static List<LockedPackage> packages() {
        List<LockedPackage> out = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            out.add(pkg("Pkg_" + (char) ('a' + i % 26) + i, "1." + i, "sha256:" + String.format("%064x", i * 7919L),
                    "sha256:" + String.format("%064x", i * 104729L + 1)));
        }
        return out;
    }

    @Test
    void theSameInputsGiveTheSameBytesWhateverTheirOrder() throws Exception {
        String first = CycloneDxJson.render(SbomSamples.locked(tmp.resolve("a"), "uv/uv.lock", "uv/pyproject.toml").bom());
        String second = CycloneDxJson.render(SbomSamples.locked(tmp.resolve("b"), "uv/uv.lock", "uv/pyproject.toml").bom());
        assertThat(second).isEqualTo(first);
        List<LockedPackage> shuffled = packages();
        String ordered = CycloneDxJson.render(LockedBom.of(shuffled, "pylock.toml", SbomSamples.CONTEXT));
        for (long seed = 1; seed <= 5; seed++) {
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(CycloneDxJson.render(LockedBom.of(shuffled, "pylock.toml", SbomSamples.CONTEXT)))
                    .isEqualTo(ordered);
        }
        // and in a fresh JVM's terms: no identity hash, no clock, no locale in it
        assertThat(ordered).contains("\"timestamp\": \"2026-01-02T03:04:05Z\"").endsWith("}\n");
    }

    @Test
    void theSerialNumberFollowsTheContent() throws Exception {
        Bom bom = LockedBom.of(packages(), "pylock.toml", SbomSamples.CONTEXT);
        String serial = serial(CycloneDxJson.render(bom));
        UUID uuid = UUID.fromString(serial.substring("urn:uuid:".length()));
        assertThat(uuid.version()).isEqualTo(5);
        assertThat(uuid.variant()).isEqualTo(2);
        BomContext later = new BomContext("shop", Optional.of("1.4.0"), "0.1.0", Instant.parse("2026-01-02T03:04:06Z"));
        assertThat(serial(CycloneDxJson.render(LockedBom.of(packages(), "pylock.toml", later)))).isNotEqualTo(serial);
        List<LockedPackage> changed = new ArrayList<>(packages());
        changed.set(3, pkg("Pkg_d3", "1.3.1", "sha256:" + "0".repeat(64)));
        assertThat(serial(CycloneDxJson.render(LockedBom.of(changed, "pylock.toml", SbomSamples.CONTEXT))))
                .isNotEqualTo(serial);
    }

    /** RFC 4122 version 5 against Python's uuid.uuid5(uuid.NAMESPACE_URL, ...). */
    @Test
    void nameBasedUuidsAreRfc4122Version5() {
        assertThat(CycloneDxJson.nameUuid("https://dockenv.dev/")).hasToString("1c63ca83-f4c7-5ccb-91c7-7085c387814a");
        assertThat(CycloneDxJson.nameUuid("sbom \u00fc")).hasToString("04284ab8-5b83-5ddb-ab5f-553ecda88588");
    }

    @Test
    void packageUrlsNormalizeNamesAndEncodeVersions() {
        assertThat(PackageUrl.pypi("Django", "5.0")).isEqualTo("pkg:pypi/django@5.0");
        assertThat(PackageUrl.pypi("typing_extensions", "4.9.0")).isEqualTo("pkg:pypi/typing-extensions@4.9.0");
        assertThat(PackageUrl.pypi("zope.interface", "6.0")).isEqualTo("pkg:pypi/zope-interface@6.0");
        assertThat(PackageUrl.pypi("Foo__.-Bar", "1.0")).isEqualTo("pkg:pypi/foo-bar@1.0");
        assertThat(PackageUrl.pypi("torch", "2.1.0+cpu")).isEqualTo("pkg:pypi/torch@2.1.0%2Bcpu");
        assertThat(PackageUrl.pypi("epoch", "1!2.0")).isEqualTo("pkg:pypi/epoch@1%212.0");
    }

    @Test
    void lockHashesAsCycloneDxHashes() {
        assertThat(Hash.fromLock("sha256:" + "AB".repeat(32))).contains(new Hash("SHA-256", "ab".repeat(32)));
        assertThat(Hash.fromLock("sha512:" + "0".repeat(128))).contains(new Hash("SHA-512", "0".repeat(128)));
        assertThat(Hash.fromLock("md5:" + "0".repeat(32))).contains(new Hash("MD5", "0".repeat(32)));
        assertThat(Hash.fromLock("blake2b:" + "0".repeat(128))).as("not a CycloneDX algorithm name").isEmpty();
        assertThat(Hash.fromLock("sha256:" + "0".repeat(63))).as("too short").isEmpty();
        assertThat(Hash.fromLock("sha256:" + "g".repeat(64))).as("not hex").isEmpty();
        assertThat(Hash.fromLock("sha256")).isEmpty();
    }

    @Test
    void aBomWithoutPackagesSaysSoAndIsValid() throws Exception {
        String json = CycloneDxJson.render(LockedBom.of(List.of(), "pylock.toml", SbomSamples.CONTEXT));
        var root = new ObjectMapper().readTree(json);
        assertThat(root.path("components").isArray()).isTrue();
        assertThat(root.path("components")).isEmpty();
        assertThat(root.has("dependencies")).as("unknown edges are left out").isFalse();
        assertThat(json).contains("\"components\": []");
        assertThat(CycloneDxSchema.errors(json)).isEmpty();
    }

    private static String serial(String json) throws Exception {
        return new ObjectMapper().readTree(json).path("serialNumber").asText();
    }
}
