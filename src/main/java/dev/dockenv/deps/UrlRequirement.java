package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.Marker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A requirement given only by a URL, without a {@code name @} in front: a VCS URL such as
 * {@code git+https://github.com/org/repo@v1#egg=repo} or an archive URL. Editable ({@code -e})
 * requirements of this kind are always VCS URLs.
 *
 * @param url    the URL, without the marker
 * @param hashes normalized as {@code sha256:<lowercase hex>}
 */
public record UrlRequirement(
        String url, boolean editable, Optional<Marker> marker, List<String> hashes, SourceLocation location)
        implements RequirementsEntry {

    private static final Pattern EGG = Pattern.compile("[#&]egg=([^&]+)");

    public UrlRequirement {
        Objects.requireNonNull(url);
        Objects.requireNonNull(marker);
        Objects.requireNonNull(location);
        hashes = List.copyOf(hashes);
    }

    /** The project name from a {@code #egg=name} fragment, if there is one. */
    public Optional<String> eggName() {
        Matcher m = EGG.matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** True for {@code git+}, {@code hg+}, {@code svn+} and {@code bzr+} URLs. */
    public boolean isVcs() {
        return RequirementForms.isVcsUrl(url);
    }
}
