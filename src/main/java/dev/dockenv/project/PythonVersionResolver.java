package dev.dockenv.project;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses one Python version from what the project says: dockenv's {@code python} setting,
 * .python-version, runtime.txt ({@code python-3.X}) must agree with each other; requires-python
 * must admit the choice. With no explicit version, the default is taken if requires-python admits
 * it, else the closest known version that it admits.
 */
public final class PythonVersionResolver {

    /** One place that names a version. */
    public record Declared(String text, SourceLocation location) {
    }

    private PythonVersionResolver() {
    }

    public static PythonChoice resolve(List<Declared> explicit, Optional<Declared> requiresPython,
            boolean customBaseImage) {
        List<Parsed> parsed = new ArrayList<>();
        for (Declared d : explicit) {
            PythonVersion v = PythonVersion.parse(d.text()).orElseThrow(() -> new InputException(d.location(),
                    "'" + d.text() + "' is not a Python version", "write it as 3.X, e.g. 3.12"));
            if (!v.isKnown() && !customBaseImage) {
                throw new InputException(d.location(), "unknown Python version " + v,
                        "dockenv knows Python " + PythonVersion.knownList()
                                + "; set base-image in [tool.dockenv] to use another image");
            }
            parsed.add(new Parsed(v, d));
        }
        for (Parsed p : parsed) {
            if (!p.version.sameMinor(parsed.get(0).version)) {
                throw new InputException(p.declared.location(), "Python " + p.version + " here disagrees with "
                        + parsed.get(0).version + " in " + parsed.get(0).declared.location(),
                        "make the files name the same Python version");
            }
        }
        Optional<SpecifierSet> range = requiresPython.map(PythonVersionResolver::specifiers);
        if (!parsed.isEmpty()) {
            Parsed chosen = parsed.get(0);
            if (range.isPresent() && !admits(range.get(), chosen.version)) {
                throw new InputException(requiresPython.get().location(), "requires-python '"
                        + requiresPython.get().text() + "' excludes Python " + chosen.version + " chosen in "
                        + chosen.declared.location(), "change one of them so they agree");
            }
            return new PythonChoice(chosen.version, Optional.of(chosen.declared.location()));
        }
        if (range.isEmpty() || admits(range.get(), PythonVersion.DEFAULT)) {
            return new PythonChoice(PythonVersion.DEFAULT, Optional.empty());
        }
        Optional<PythonVersion> below = PythonVersion.KNOWN.stream()
                .filter(v -> v.compareTo(PythonVersion.DEFAULT) < 0 && admits(range.get(), v))
                .max(Comparator.naturalOrder());
        Optional<PythonVersion> above = PythonVersion.KNOWN.stream()
                .filter(v -> v.compareTo(PythonVersion.DEFAULT) > 0 && admits(range.get(), v))
                .min(Comparator.naturalOrder());
        PythonVersion v = below.or(() -> above).orElseThrow(() -> new InputException(
                requiresPython.get().location(), "requires-python '" + requiresPython.get().text()
                        + "' admits no Python version dockenv knows (" + PythonVersion.knownList() + ")",
                "write a .python-version file, or set python in [tool.dockenv]"));
        return new PythonChoice(v, Optional.of(requiresPython.get().location()));
    }

    private static SpecifierSet specifiers(Declared d) {
        try {
            return SpecifierSet.parse(d.text());
        } catch (PepSyntaxException e) {
            throw new InputException(new SourceLocation(d.location().file(), d.location().line(),
                    d.location().column() + e.column()), "invalid requires-python: " + e.getMessage());
        }
    }

    /** True when some release of that minor version satisfies the range. */
    static boolean admits(SpecifierSet range, PythonVersion v) {
        if (v.patch().isPresent()) {
            return range.contains(version(v.toString()), true);
        }
        for (int patch : new int[] {0, 1, 5, 10, 20, 99}) {
            if (range.contains(version(v.major() + "." + v.minor() + "." + patch), true)) {
                return true;
            }
        }
        return false;
    }

    private static Version version(String text) {
        try {
            return Version.parse(text);
        } catch (PepSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Parsed(PythonVersion version, Declared declared) {
    }
}
