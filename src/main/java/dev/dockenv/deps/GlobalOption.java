package dev.dockenv.deps;

import dev.dockenv.errors.SourceLocation;
import java.util.Objects;
import java.util.Optional;

/**
 * An option line such as {@code --index-url https://...} or {@code --pre}.
 *
 * @param name  the canonical long form, such as {@code --index-url} (also for {@code -i})
 * @param value the value, empty for flags such as {@code --pre}
 */
public record GlobalOption(String name, Optional<String> value, SourceLocation location)
        implements RequirementsEntry {

    public static final String INDEX_URL = "--index-url";
    public static final String EXTRA_INDEX_URL = "--extra-index-url";
    public static final String FIND_LINKS = "--find-links";
    public static final String TRUSTED_HOST = "--trusted-host";
    public static final String NO_INDEX = "--no-index";
    public static final String PRE = "--pre";
    public static final String PREFER_BINARY = "--prefer-binary";
    public static final String ONLY_BINARY = "--only-binary";
    public static final String NO_BINARY = "--no-binary";
    public static final String USE_FEATURE = "--use-feature";
    public static final String REQUIRE_HASHES = "--require-hashes";

    public GlobalOption {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
        Objects.requireNonNull(location);
    }

    public boolean is(String optionName) {
        return name.equals(optionName);
    }
}
