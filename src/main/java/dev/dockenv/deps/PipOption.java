package dev.dockenv.deps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The options pip accepts inside a requirements file. */
enum PipOption {
    INDEX_URL("--index-url", 'i', true, Scope.GLOBAL, "--pypi-url"),
    EXTRA_INDEX_URL("--extra-index-url", null, true, Scope.GLOBAL),
    NO_INDEX("--no-index", null, false, Scope.GLOBAL),
    FIND_LINKS("--find-links", 'f', true, Scope.GLOBAL),
    TRUSTED_HOST("--trusted-host", null, true, Scope.GLOBAL),
    PRE("--pre", null, false, Scope.GLOBAL),
    PREFER_BINARY("--prefer-binary", null, false, Scope.GLOBAL),
    ONLY_BINARY("--only-binary", null, true, Scope.GLOBAL),
    NO_BINARY("--no-binary", null, true, Scope.GLOBAL),
    USE_FEATURE("--use-feature", null, true, Scope.GLOBAL),
    REQUIRE_HASHES("--require-hashes", null, false, Scope.GLOBAL),
    REQUIREMENT("--requirement", 'r', true, Scope.INCLUDE),
    CONSTRAINT("--constraint", 'c', true, Scope.INCLUDE),
    EDITABLE("--editable", 'e', true, Scope.EDITABLE),
    HASH("--hash", null, true, Scope.PER_REQUIREMENT),
    CONFIG_SETTINGS("--config-settings", 'C', true, Scope.PER_REQUIREMENT),
    GLOBAL_OPTION("--global-option", null, true, Scope.PER_REQUIREMENT);

    /** Where an option may appear. */
    enum Scope {
        /** On a line of its own. */
        GLOBAL,
        /** {@code -r} and {@code -c}, on a line of their own. */
        INCLUDE,
        /** {@code -e}, which starts a requirement. */
        EDITABLE,
        /** After a requirement on the same line. */
        PER_REQUIREMENT
    }

    /** Lists the options for hints. */
    static final String SUMMARY = "-r, -c, -e, -i/--index-url, --extra-index-url, --no-index, -f/--find-links, "
            + "--trusted-host, --pre, --prefer-binary, --only-binary, --no-binary, --require-hashes, "
            + "--use-feature; after a requirement: --hash, --config-settings, --global-option";

    private final String longName;
    private final Character shortName;
    private final boolean takesValue;
    private final Scope scope;
    private final List<String> aliases;

    PipOption(String longName, Character shortName, boolean takesValue, Scope scope, String... aliases) {
        this.longName = longName;
        this.shortName = shortName;
        this.takesValue = takesValue;
        this.scope = scope;
        this.aliases = List.of(aliases);
    }

    String longName() {
        return longName;
    }

    boolean takesValue() {
        return takesValue;
    }

    Scope scope() {
        return scope;
    }

    static Optional<PipOption> byShortName(char c) {
        return Arrays.stream(values()).filter(o -> o.shortName != null && o.shortName == c).findFirst();
    }

    /**
     * The options a long name (without {@code =value}) can mean: the exact match, else every option
     * it abbreviates, as Python's optparse allows.
     */
    static List<PipOption> matching(String name) {
        List<PipOption> prefixed = new ArrayList<>();
        for (PipOption o : values()) {
            if (o.longName.equals(name) || o.aliases.contains(name)) {
                return List.of(o);
            }
            if (o.longName.startsWith(name) || o.aliases.stream().anyMatch(a -> a.startsWith(name))) {
                prefixed.add(o);
            }
        }
        return prefixed;
    }
}
