package dev.dockenv.python;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** A CPython version as a user writes it: 3.11 or 3.11.7. */
public record PythonVersion(int major, int minor, Optional<Integer> patch) implements Comparable<PythonVersion> {
    private static final Pattern FORM = Pattern.compile(
            "^(?:python-?|cpython-?|py)?(\\d+)\\.(\\d+)(?:\\.(\\d+))?(?:[-+].*)?$", Pattern.CASE_INSENSITIVE);

    /** The minor versions dockenv knows python:X.Y-slim images exist for. */
    public static final List<PythonVersion> KNOWN = IntStream.rangeClosed(8, 15)
            .mapToObj(m -> new PythonVersion(3, m, Optional.empty())).toList();

    /** Used when nothing in the project names a version. */
    public static final PythonVersion DEFAULT = new PythonVersion(3, 13, Optional.empty());

    public static Optional<PythonVersion> parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Optional<Integer> patch = m.group(3) == null ? Optional.empty() : Optional.of(Integer.parseInt(m.group(3)));
            return Optional.of(new PythonVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch));
        } catch (NumberFormatException e) {
            return Optional.empty(); // a number past int: no Python version
        }
    }

    /**
     * The full version to evaluate markers against: as written, or for 3.X the newest patch
     * release (python:3.X images carry it), written 3.X.99.
     */
    public String fullForMarkers() {
        return major + "." + minor + "." + patch.orElse(99);
    }

    public boolean isKnown() {
        return KNOWN.contains(minorOnly());
    }

    public PythonVersion minorOnly() {
        return new PythonVersion(major, minor, Optional.empty());
    }

    public boolean sameMinor(PythonVersion other) {
        return major == other.major && minor == other.minor;
    }

    /** 3.11 or 3.11.7, as written. */
    @Override
    public String toString() {
        return major + "." + minor + patch.map(p -> "." + p).orElse("");
    }

    public static String knownList() {
        return KNOWN.get(0) + " to " + KNOWN.get(KNOWN.size() - 1);
    }

    @Override
    public int compareTo(PythonVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch.orElse(-1), o.patch.orElse(-1));
    }
}
