package dev.dockenv.lock.uv;

import dev.dockenv.pep.Marker;
import dev.dockenv.pep.Specifier;
import dev.dockenv.pep.Version;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;

/**
 * A requirement as uv compares it when it checks a lock against pyproject.toml (its
 * {@code normalize_requirement}): the normalized name, the sorted extras, the marker (compared by
 * meaning, {@link MarkerEquivalence}) and where the package comes from, with credentials, URL
 * fragments and path spellings left out.
 *
 * @param text how the requirement reads, for messages
 */
record UvRequirement(String name, SortedSet<String> extras, Optional<Marker> marker, Source source, String text) {

    /** Where a requirement's package comes from. */
    sealed interface Source permits Registry, Git, Url, File, Directory, WorkspaceMember {
    }

    /** An index: the version specifiers (each as operator and parsed version) and an explicit index URL. */
    record Registry(Set<SpecifierKey> specifiers, Optional<String> index) implements Source {
    }

    /** A git repository (without credentials, query or fragment), a reference of a kind, a subdirectory. */
    record Git(String repository, String referenceKind, String reference, Optional<String> subdirectory)
            implements Source {
    }

    /** A file at a URL (without credentials or fragment), with a subdirectory. */
    record Url(String location, Optional<String> subdirectory) implements Source {
    }

    /** A local archive, by its normalized path relative to the project. */
    record File(String path) implements Source {
    }

    /**
     * A local directory, by its normalized path relative to the project: editable, or not (a
     * package or a virtual one). Either is empty when pyproject.toml does not say, and uv decides
     * by its defaults and the directory's own build system.
     */
    record Directory(String path, Optional<Boolean> editable, Optional<Boolean> virtual) implements Source {
    }

    /** {@code { workspace = true }}: a member of the workspace, wherever it is. */
    record WorkspaceMember(boolean editable) implements Source {
    }

    /** A specifier as PEP 440 compares it: {@code >=1.0} and {@code >= 1} are the same. */
    record SpecifierKey(Specifier.Operator operator, Object version, boolean wildcard) {
        static SpecifierKey of(Specifier s) {
            String text = s.isWildcard() ? s.version().substring(0, s.version().length() - 2) : s.version();
            Object version = Version.tryParse(text).<Object>map(v -> v).orElse(text.toLowerCase(Locale.ROOT));
            return new SpecifierKey(s.operator(), version, s.isWildcard());
        }

        static Set<SpecifierKey> of(List<Specifier> specifiers) {
            Set<SpecifierKey> out = new LinkedHashSet<>();
            specifiers.forEach(s -> out.add(of(s)));
            return out;
        }
    }

    /** The same requirement under another marker. */
    UvRequirement withMarker(Optional<Marker> m) {
        return new UvRequirement(name, extras, m, source, text);
    }

    /** Same name, extras and source, and markers that mean the same. */
    boolean matches(UvRequirement other, MarkerEquivalence markers) {
        return name.equals(other.name) && extras.equals(other.extras) && sameSource(source, other.source)
                && markers.equivalent(marker, other.marker);
    }

    private static boolean sameSource(Source a, Source b) {
        if (a instanceof WorkspaceMember w) {
            return b instanceof Directory d && agree(d.editable(), Optional.of(w.editable()))
                    || b instanceof WorkspaceMember;
        }
        if (b instanceof WorkspaceMember) {
            return sameSource(b, a);
        }
        if (a instanceof Directory x && b instanceof Directory y) {
            return x.path().equals(y.path()) && agree(x.editable(), y.editable()) && agree(x.virtual(), y.virtual());
        }
        return a.equals(b);
    }

    /** Equal, or one side does not say. */
    private static boolean agree(Optional<Boolean> a, Optional<Boolean> b) {
        return a.isEmpty() || b.isEmpty() || a.equals(b);
    }
}
