package dev.dockenv.sbom;

import dev.dockenv.lock.LockedArtifact;
import dev.dockenv.lock.LockedPackage;
import dev.dockenv.lock.PackageSource;
import dev.dockenv.pep.Pep503;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The BOM of an image installed from a lock: one component per package the image holds (the
 * caller chooses them as the planner does, {@code plan.ProdLockPackages}), with the lock's
 * version and hashes. A lock records no licenses; dockenv's lock model keeps no dependency edges,
 * so the BOM has none (absent, which CycloneDX reads as unknown).
 */
public final class LockedBom {
    /** The metadata property naming what the BOM was written from. */
    public static final String SOURCE = "dockenv:sbom:source";
    /** The metadata property saying what a component's hashes are. */
    public static final String HASHES = "dockenv:sbom:hashes";

    static final String HASHES_FROM_LOCK = "each component's hashes are those the lock accepts for the package's "
            + "files (pip --require-hashes: the installed file has one of them); the files the lock names are the "
            + "component's distribution references";

    private LockedBom() {
    }

    /**
     * @param packages what the image installed from the lock
     * @param lockName the lock's file name ({@code uv.lock}, {@code pylock.toml} ...)
     */
    public static Bom of(List<LockedPackage> packages, String lockName, BomContext context) {
        Map<String, Component> components = new LinkedHashMap<>();
        packages.stream()
                .sorted(Comparator.comparing((LockedPackage p) -> Pep503.normalize(p.name()))
                        .thenComparing(p -> p.version().orElse("")))
                .map(LockedBom::component)
                .forEach(c -> components.putIfAbsent(c.bomRef(), c));
        BomMetadata metadata = new BomMetadata(context.timestamp(), context.tool(), context.subject(),
                List.of(new Property(HASHES, HASHES_FROM_LOCK), new Property(SOURCE, lockName)));
        return new Bom(metadata, List.copyOf(components.values()), List.of());
    }

    static Component component(LockedPackage p) {
        Optional<String> purl = p.version().filter(v -> !(p.source() instanceof PackageSource.LocalPath))
                .map(v -> PackageUrl.pypi(p.name(), v) + qualifiers(p.source()));
        String ref = purl.orElse("pypi-local:" + Pep503.normalize(p.name()) + p.version().map(v -> "@" + v).orElse(""));
        TreeSet<Hash> hashes = new TreeSet<>(HASH_ORDER);
        p.hashes().forEach(h -> Hash.fromLock(h).ifPresent(hashes::add));
        List<ExternalReference> files = new ArrayList<>();
        for (LockedArtifact a : p.artifacts()) {
            Optional<String> where = a.url().map(Urls::withoutCredentials).or(a::fileName);
            if (where.isPresent()) {
                TreeSet<Hash> own = new TreeSet<>(HASH_ORDER);
                a.hashes().forEach(h -> Hash.fromLock(h).ifPresent(own::add));
                files.add(new ExternalReference("distribution", where.get(), List.copyOf(own)));
            }
        }
        files.sort(Comparator.comparing(ExternalReference::url));
        return new Component(ComponentType.LIBRARY, ref, p.name(), p.version(), purl, List.copyOf(hashes), List.of(),
                dedupe(files));
    }

    static final Comparator<Hash> HASH_ORDER = Comparator.comparing(Hash::algorithm).thenComparing(Hash::content);

    /** A package not from an index says where it is from, as purl's qualifiers do. */
    private static String qualifiers(PackageSource source) {
        if (source instanceof PackageSource.DirectUrl url) {
            return "?download_url=" + PackageUrl.encode(Urls.withoutCredentials(url.url()));
        }
        if (source instanceof PackageSource.Vcs vcs) {
            String url = Urls.withoutCredentials(vcs.url()) + vcs.revision().map(r -> "@" + r).orElse("");
            return "?vcs_url=" + PackageUrl.encode(url);
        }
        return "";
    }

    private static List<ExternalReference> dedupe(List<ExternalReference> files) {
        Map<String, ExternalReference> byUrl = new LinkedHashMap<>();
        files.forEach(f -> byUrl.putIfAbsent(f.url(), f));
        return List.copyOf(byUrl.values());
    }
}
