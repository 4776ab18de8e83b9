package dev.dockenv.pep;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Comma-separated version specifiers that must all match, such as {@code >=1.0,<2,!=1.3.*}. */
public record SpecifierSet(List<Specifier> specifiers) {

    public SpecifierSet {
        specifiers = List.copyOf(specifiers);
    }

    /** The set that every version (but, by default, no pre-release) matches. */
    public static SpecifierSet any() {
        return new SpecifierSet(List.of());
    }

    /** Parses {@code >=1.0, <2}; blank text gives the empty set. */
    public static SpecifierSet parse(String text) throws PepSyntaxException {
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        SpecifierSet set = read(c);
        c.skipWhitespace();
        if (!c.atEnd()) {
            throw c.error("expected ',' or the end of the specifiers, found " + c.describeNext());
        }
        return set;
    }

    /** Reads zero or more comma-separated specifiers at the cursor. */
    static SpecifierSet read(Cursor c) throws PepSyntaxException {
        List<Specifier> specs = new ArrayList<>();
        if (!startsSpecifier(c.peek())) {
            return new SpecifierSet(specs);
        }
        specs.add(Specifier.read(c));
        while (true) {
            int beforeBlank = c.position();
            c.skipWhitespace();
            if (!c.consume(",")) {
                c.moveTo(beforeBlank);
                return new SpecifierSet(specs);
            }
            c.skipWhitespace();
            if (!startsSpecifier(c.peek())) {
                throw c.error("expected a version specifier after ','");
            }
            specs.add(Specifier.read(c));
        }
    }

    static boolean startsSpecifier(char c) {
        return c == '=' || c == '!' || c == '<' || c == '>' || c == '~';
    }

    public boolean isEmpty() {
        return specifiers.isEmpty();
    }

    /** True when one of the specifiers names a pre-release, which lets pre-releases match. */
    public boolean namesPrerelease() {
        return specifiers.stream().anyMatch(Specifier::namesPrerelease);
    }

    /** PEP 440 default: pre-releases match only if a specifier in the set names one. */
    public boolean contains(Version candidate) {
        return contains(candidate, false);
    }

    /**
     * Whether every specifier matches {@code candidate}. With {@code prereleases} false,
     * pre-releases match only if some specifier in the set names a pre-release.
     */
    public boolean contains(Version candidate, boolean prereleases) {
        if (candidate.isPrerelease() && !prereleases && !namesPrerelease()) {
            return false;
        }
        return specifiers.stream().allMatch(s -> s.matches(candidate));
    }

    /** {@code >=1.0,<2}, in the order written. */
    @Override
    public String toString() {
        return specifiers.stream().map(Specifier::toString).collect(Collectors.joining(","));
    }
}
