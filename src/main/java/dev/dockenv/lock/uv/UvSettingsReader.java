package dev.dockenv.lock.uv;

import dev.dockenv.config.TomlDocument;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.lock.pylock.LockTable;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads {@code [tool.uv]} of a pyproject.toml: {@code index-url}, {@code extra-index-url},
 * {@code find-links}, {@code [[tool.uv.index]]} ({@code name}, {@code url}, {@code default},
 * {@code explicit}, {@code format}), {@code dev-dependencies}, {@code default-groups},
 * {@code constraint-dependencies}, {@code override-dependencies}. Other uv settings are left alone
 * (uv has many, and reads them itself); malformed values of these are errors at file:line:column.
 */
public final class UvSettingsReader {
    private static final Pattern INDEX_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    private UvSettingsReader() {
    }

    public static UvSettings read(TomlDocument pyproject) {
        LockTable root = LockTable.root(pyproject);
        Optional<LockTable> uv = root.table("tool").flatMap(tool -> tool.table("uv"));
        if (uv.isEmpty()) {
            return UvSettings.NONE;
        }
        LockTable t = uv.get();
        List<UvSettings.Index> indexes = new ArrayList<>(indexes(t));
        for (LockTable.Located url : t.strings("extra-index-url")) {
            indexes.add(new UvSettings.Index(Optional.empty(), nonBlank(url, t.name("extra-index-url")), false, false,
                    false, url.location()));
        }
        t.string("index-url").ifPresent(url -> indexes.add(new UvSettings.Index(Optional.empty(),
                nonBlank(new LockTable.Located(url, t.locationOf("index-url")), t.name("index-url")), true, false,
                false, t.locationOf("index-url"))));
        for (LockTable.Located url : t.strings("find-links")) {
            indexes.add(new UvSettings.Index(Optional.empty(), nonBlank(url, t.name("find-links")), false, false,
                    true, url.location()));
        }
        return new UvSettings(indexes, requirements(t, "dev-dependencies"), defaultGroups(t),
                requirements(t, "constraint-dependencies"), requirements(t, "override-dependencies"));
    }

    private static List<UvSettings.Index> indexes(LockTable uv) {
        List<UvSettings.Index> out = new ArrayList<>();
        Map<String, SourceLocation> names = new HashMap<>();
        SourceLocation firstDefault = null;
        for (LockTable entry : uv.tables("index")) {
            Optional<String> name = entry.string("name");
            if (name.isPresent()) {
                if (!INDEX_NAME.matcher(name.get()).matches()) {
                    throw entry.errorAt("name", "invalid index name '" + name.get()
                            + "': use letters, digits, '-', '_' and '.'");
                }
                SourceLocation before = names.putIfAbsent(Pep503.normalize(name.get()), entry.locationOf("name"));
                if (before != null) {
                    throw entry.errorAt("name", "index '" + name.get() + "' is defined twice (also at " + before + ")");
                }
            }
            String url = nonBlank(new LockTable.Located(entry.requiredString("url"), entry.locationOf("url")),
                    entry.name("url"));
            boolean isDefault = entry.bool("default").orElse(false);
            boolean explicit = entry.bool("explicit").orElse(false);
            String format = entry.string("format").orElse("simple");
            if (!format.equals("simple") && !format.equals("flat")) {
                throw entry.errorAt("format", "unknown index format '" + format + "' (expected simple or flat)");
            }
            if (explicit && name.isEmpty()) {
                throw entry.error("an explicit index needs a name, for [tool.uv.sources] to refer to it");
            }
            if (isDefault) {
                if (firstDefault != null) {
                    throw entry.errorAt("default", "a second default index (the first is at " + firstDefault + ")");
                }
                firstDefault = entry.locationOf("default");
            }
            out.add(new UvSettings.Index(name, url, isDefault, explicit, format.equals("flat"), entry.location()));
        }
        return out;
    }

    private static Optional<UvSettings.DefaultGroups> defaultGroups(LockTable uv) {
        if (!uv.has("default-groups")) {
            return Optional.empty();
        }
        SourceLocation at = uv.locationOf("default-groups");
        if (uv.isString("default-groups")) {
            if (!uv.requiredString("default-groups").equals("all")) {
                throw uv.errorAt("default-groups", "expected \"all\" or an array of group names");
            }
            return Optional.of(new UvSettings.DefaultGroups(true, List.of(), at));
        }
        List<String> names = new ArrayList<>();
        for (LockTable.Located g : uv.strings("default-groups")) {
            if (!Pep503.isValidName(g.value())) {
                throw new InputException(g.location(), uv.name("default-groups") + ": '" + g.value()
                        + "' is not a valid group name");
            }
            names.add(Pep503.normalize(g.value()));
        }
        return Optional.of(new UvSettings.DefaultGroups(false, names, at));
    }

    private static List<DeclaredRequirement> requirements(LockTable uv, String key) {
        List<DeclaredRequirement> out = new ArrayList<>();
        for (LockTable.Located r : uv.strings(key)) {
            try {
                Requirement.parse(r.value());
            } catch (PepSyntaxException e) {
                SourceLocation at = r.location();
                throw new InputException(new SourceLocation(at.file(), at.line(), at.column() + e.column()),
                        uv.name(key) + ": invalid requirement '" + r.value() + "': " + e.getMessage());
            }
            out.add(new DeclaredRequirement(r.value(), r.location()));
        }
        return out;
    }

    private static String nonBlank(LockTable.Located url, String key) {
        if (url.value().isBlank()) {
            throw new InputException(url.location(), key + ": the URL is empty");
        }
        return url.value();
    }
}
