package dev.dockenv.pep;

import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A PEP 508 dependency specification: {@code name[extras] specifiers ; marker} or
 * {@code name[extras] @ url ; marker}.
 *
 * @param name       the project name as written
 * @param extras     the extras, normalized (PEP 503) and sorted
 * @param specifiers the version specifiers, empty for a URL requirement
 * @param url        the URL after {@code @}
 * @param marker     the environment marker after {@code ;}
 * @param text       the text this was parsed from
 */
public record Requirement(
        String name,
        SortedSet<String> extras,
        SpecifierSet specifiers,
        Optional<String> url,
        Optional<Marker> marker,
        String text) {

    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.+");

    public Requirement {
        Objects.requireNonNull(name);
        Objects.requireNonNull(specifiers);
        Objects.requireNonNull(url);
        Objects.requireNonNull(marker);
        Objects.requireNonNull(text);
        extras = Collections.unmodifiableSortedSet(new TreeSet<>(extras));
    }

    /** Parses and fully validates a PEP 508 requirement. */
    public static Requirement parse(String text) throws PepSyntaxException {
        Cursor c = new Cursor(text);
        c.skipWhitespace();
        String name = readName(c, "a package name");
        c.skipWhitespace();
        SortedSet<String> extras = c.peek() == '[' ? readExtras(c) : new TreeSet<>();
        c.skipWhitespace();
        SpecifierSet specifiers = SpecifierSet.any();
        Optional<String> url = Optional.empty();
        if (c.consume("@")) {
            c.skipWhitespace();
            url = Optional.of(readUrl(c));
            boolean blank = c.skipWhitespace();
            if (!c.atEnd() && !(blank && c.peek() == ';')) {
                throw c.error("expected ';' or the end after the URL, found " + c.describeNext());
            }
        } else if (c.peek() == '(') {
            int open = c.position();
            c.advance(1);
            c.skipWhitespace();
            specifiers = SpecifierSet.read(c);
            c.skipWhitespace();
            if (!c.consume(")")) {
                String expected = specifiers.isEmpty() ? "a version specifier or ')'" : "',' or ')'";
                throw c.error("expected " + expected + " to close the '(' at column " + (open + 1)
                        + ", found " + c.describeNext());
            }
        } else {
            specifiers = SpecifierSet.read(c);
        }
        c.skipWhitespace();
        Optional<Marker> marker = Optional.empty();
        if (c.consume(";")) {
            c.skipWhitespace();
            if (c.atEnd()) {
                throw c.error("expected a marker after ';', such as python_version >= \"3.8\"");
            }
            marker = Optional.of(MarkerParser.read(c));
            c.skipWhitespace();
            if (!c.atEnd()) {
                throw c.error("expected 'and', 'or' or the end of the marker, found " + c.describeNext());
            }
        } else if (!c.atEnd()) {
            throw c.error(expectedAfter(specifiers) + ", found " + c.describeNext());
        }
        return new Requirement(name, extras, specifiers, url, marker, text);
    }

    private static String expectedAfter(SpecifierSet specifiers) {
        if (!specifiers.isEmpty()) {
            return "expected ',', ';' or the end of the requirement";
        }
        return "expected a version specifier (such as '>=1.0'), '[', '@', ';' or the end of the requirement";
    }

    private static String readName(Cursor c, String what) throws PepSyntaxException {
        int start = c.position();
        String name = c.readWhile(Cursor::isNameChar);
        if (name.isEmpty()) {
            throw c.error("expected " + what + ", found " + c.describeNext());
        }
        if (!Pep503.isValidName(name)) {
            throw c.errorAt(start, "invalid name '" + name + "': it must start and end with a letter or digit");
        }
        return name;
    }

    private static SortedSet<String> readExtras(Cursor c) throws PepSyntaxException {
        int open = c.position();
        c.advance(1);
        SortedSet<String> extras = new TreeSet<>();
        c.skipWhitespace();
        if (c.consume("]")) {
            return extras;
        }
        extras.add(Pep503.normalize(readName(c, "an extra name")));
        while (true) {
            c.skipWhitespace();
            if (c.consume("]")) {
                return extras;
            }
            if (!c.consume(",")) {
                throw c.error("expected ',' or ']' to close the extras opened at column " + (open + 1)
                        + ", found " + c.describeNext());
            }
            c.skipWhitespace();
            extras.add(Pep503.normalize(readName(c, "an extra name after ','")));
        }
    }

    private static String readUrl(Cursor c) throws PepSyntaxException {
        int start = c.position();
        String url = c.readWhile(ch -> ch != ' ' && ch != '\t');
        if (url.isEmpty()) {
            throw c.error("expected a URL after '@'");
        }
        if (!URL_SCHEME.matcher(url).matches()) {
            throw c.errorAt(start, "invalid URL '" + url + "': it needs a scheme, such as https:// or file://");
        }
        return url;
    }

    /** The PEP 503 normalized name. */
    public String normalizedName() {
        return Pep503.normalize(name);
    }

    /** Whether the requirement applies in {@code env} (true without a marker). */
    public boolean appliesTo(MarkerEnvironment env) {
        return marker.map(m -> m.evaluate(env)).orElse(true);
    }

    /** The canonical form: {@code name[a,b]>=1.0 ; python_version >= "3.8"}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name);
        if (!extras.isEmpty()) {
            s.append('[').append(String.join(",", extras)).append(']');
        }
        url.ifPresentOrElse(u -> s.append(" @ ").append(u), () -> s.append(specifiers));
        marker.ifPresent(m -> s.append(url.isPresent() ? " ; " : "; ").append(m));
        return s.toString();
    }
}
