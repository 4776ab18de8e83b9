package dev.dockenv.lock;

import java.util.Optional;

/** Where a package comes from. */
public sealed interface PackageSource {

    /** A package index; the URL when the lock names one (else the configured/default index). */
    record Registry(Optional<String> indexUrl) implements PackageSource {
    }

    /** A local directory or archive, relative to the project root as written; editable or not. */
    record LocalPath(String path, boolean editable) implements PackageSource {
    }

    /** A direct URL to an archive. */
    record DirectUrl(String url) implements PackageSource {
    }

    /** A version-control checkout (git+https://..., with a revision when pinned). */
    record Vcs(String url, Optional<String> revision) implements PackageSource {
    }
}
