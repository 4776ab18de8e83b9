package dev.dockenv.lock.uv;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.python.DeclaredRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What pyproject.toml's {@code [tool.uv]} says about where packages come from and what to install.
 *
 * @param indexes                every package index and find-links location, in uv's priority
 *                               order: the {@code [[tool.uv.index]]} entries as written, then
 *                               {@code extra-index-url}, then {@code index-url} (uv searches the
 *                               default index last); {@code find-links} entries are {@code flat}
 * @param devDependencies        the legacy {@code dev-dependencies} (uv's "dev" group, also in uv.lock)
 * @param defaultGroups          {@code default-groups}: the groups {@code uv sync} installs when told
 *                               nothing; empty means uv's default, {@code ["dev"]}
 * @param constraintDependencies {@code constraint-dependencies}: bounds, not requirements
 * @param overrideDependencies   {@code override-dependencies}: replace what dependencies declare
 */
public record UvSettings(List<Index> indexes, List<DeclaredRequirement> devDependencies,
        Optional<DefaultGroups> defaultGroups, List<DeclaredRequirement> constraintDependencies,
        List<DeclaredRequirement> overrideDependencies) {

    /** No {@code [tool.uv]}. */
    public static final UvSettings NONE = new UvSettings(List.of(), List.of(), Optional.empty(), List.of(), List.of());

    /**
     * One index: a {@code [[tool.uv.index]]} entry, or {@code index-url} (default) /
     * {@code extra-index-url} / {@code find-links} (flat) translated to one.
     *
     * @param isDefault replaces PyPI as the index searched last ({@code default = true}, {@code index-url})
     * @param explicit  used only for packages that name it in {@code [tool.uv.sources]}
     * @param flat      a directory or page of files ({@code format = "flat"}, {@code find-links}),
     *                  pip's {@code --find-links}, not an index
     */
    public record Index(Optional<String> name, String url, boolean isDefault, boolean explicit, boolean flat,
            SourceLocation location) {
    }

    /** {@code default-groups = ["dev", "lint"]} or {@code default-groups = "all"}. */
    public record DefaultGroups(boolean all, List<String> names, SourceLocation location) {
        public DefaultGroups {
            names = List.copyOf(names);
        }
    }

    public UvSettings {
        indexes = List.copyOf(indexes);
        devDependencies = List.copyOf(devDependencies);
        constraintDependencies = List.copyOf(constraintDependencies);
        overrideDependencies = List.copyOf(overrideDependencies);
    }

    /** The index replacing PyPI ({@code default = true} or {@code index-url}); empty for PyPI. */
    public Optional<String> defaultIndexUrl() {
        return indexes.stream().filter(i -> i.isDefault() && !i.flat()).map(Index::url).findFirst();
    }

    /**
     * The other indexes every package may come from, highest priority first (pip's
     * {@code --extra-index-url}, which has no priorities: it merges them all).
     */
    public List<String> extraIndexUrls() {
        List<String> out = new ArrayList<>();
        for (Index i : indexes) {
            if (!i.isDefault() && !i.explicit() && !i.flat() && !out.contains(i.url())) {
                out.add(i.url());
            }
        }
        return out;
    }

    /** Locations of files ({@code find-links}, flat indexes that are not explicit). */
    public List<String> findLinks() {
        return indexes.stream().filter(i -> i.flat() && !i.explicit()).map(Index::url).distinct().toList();
    }

    /** Indexes used only by the packages that name them in {@code [tool.uv.sources]}. */
    public List<Index> explicitIndexes() {
        return indexes.stream().filter(Index::explicit).toList();
    }
}
