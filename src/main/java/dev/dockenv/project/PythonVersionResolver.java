package dev.dockenv.project;

import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import dev.dockenv.python.DeclaredPython;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.SpecifierSet;
import dev.dockenv.pep.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import dev.dockenv.python.PythonVersion;
import dev.dockenv.python.PythonChoice;

/**
 * Chooses one Python version from what the project says: dockenv's {@code python} setting,
 * .python-version, runtime.txt ({@code python-3.X}), Pipfile's python_version and a conda
 * environment's {@code python=3.X} must agree with each other; requires-python (and a conda
 * {@code python>=...} range) must admit the choice. With no explicit version, the default (the
 * user's DOCKENV_PYTHON, else dockenv's) is taken if the ranges admit it, else the closest known
 * version that they admit.
 */
public final class PythonVersionResolver {

    private PythonVersionResolver() {
    }

    public static PythonChoice resolve(List<DeclaredPython> explicit, Optional<DeclaredPython> requiresPython,
            boolean customBaseImage) {
        return resolve(explicit, requiresPython.stream().toList(), customBaseImage);
    }

    /**
     * @param ranges version ranges the choice must satisfy, each where it is written:
     *        requires-python, a conda environment's {@code python>=3.10,<3.12}
     */
    public static PythonChoice resolve(List<DeclaredPython> explicit, List<DeclaredPython> ranges, boolean customBaseImage) {
        return resolve(explicit, ranges, customBaseImage, UserDefaults.NONE);
    }

    /**
     * @param defaults the user's own default version (DOCKENV_PYTHON), which takes the place of
     *        dockenv's when the project names no version: the ranges still bound it
     */
    public static PythonChoice resolve(List<DeclaredPython> explicit, List<DeclaredPython> ranges, boolean customBaseImage,
            UserDefaults defaults) {
        List<Parsed> parsed = new ArrayList<>();
        for (DeclaredPython d : explicit) {
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
        List<Range> parsedRanges = ranges.stream().map(d -> new Range(d, specifiers(d))).toList();
        if (!parsed.isEmpty()) {
            Parsed chosen = parsed.get(0);
            for (Range range : parsedRanges) {
                if (!admits(range.specifiers, chosen.version)) {
                    throw new InputException(range.declared.location(), range.label() + " excludes Python "
                            + chosen.version + " chosen in " + chosen.declared.location(),
                            "change one of them so they agree");
                }
            }
            return new PythonChoice(chosen.version, Optional.of(chosen.declared.location()));
        }
        PythonVersion fallback = defaults.python().orElse(PythonVersion.DEFAULT);
        if (defaults.python().isPresent() && !defaults.python().get().isKnown() && !customBaseImage) {
            throw new dev.dockenv.errors.DockenvException(dev.dockenv.errors.ExitCode.USAGE, UserDefaults.PYTHON + "="
                    + fallback + " is a Python version dockenv does not know", "dockenv knows Python "
                    + PythonVersion.knownList() + "; set base-image in the project's dockenv settings to use another image");
        }
        if (parsedRanges.stream().allMatch(r -> admits(r.specifiers, fallback))) {
            return new PythonChoice(fallback, Optional.empty(), defaults.python().isPresent() ? UserDefaults.PYTHON
                    : PythonChoice.DOCKENV_DEFAULT);
        }
        Optional<PythonVersion> below = PythonVersion.KNOWN.stream()
                .filter(v -> v.compareTo(fallback) < 0 && admitsAll(parsedRanges, v))
                .max(Comparator.naturalOrder());
        Optional<PythonVersion> above = PythonVersion.KNOWN.stream()
                .filter(v -> v.compareTo(fallback) > 0 && admitsAll(parsedRanges, v))
                .min(Comparator.naturalOrder());
        Range first = parsedRanges.stream().filter(r -> !admits(r.specifiers, fallback)).findFirst()
                .orElseThrow();
        PythonVersion v = below.or(() -> above).orElseThrow(() -> new InputException(first.declared.location(),
                (parsedRanges.size() == 1 ? first.label() + " admits" : "the Python ranges "
                        + String.join(" and ", parsedRanges.stream().map(r -> "'" + r.declared.text() + "' in "
                                + r.declared.location()).toList()) + " together admit")
                        + " no Python version dockenv knows (" + PythonVersion.knownList() + ")",
                "write a .python-version file, or set python in [tool.dockenv]"));
        return new PythonChoice(v, Optional.of(first.declared.location()));
    }

    private static boolean admitsAll(List<Range> ranges, PythonVersion v) {
        return ranges.stream().allMatch(r -> admits(r.specifiers, v));
    }

    /** A range with where it is written. */
    private record Range(DeclaredPython declared, SpecifierSet specifiers) {
        String label() {
            if (!declared.label().isEmpty()) {
                return declared.label() + " '" + declared.text() + "'";
            }
            return declared.location().file().getFileName().toString().equals("pyproject.toml")
                    ? "requires-python '" + declared.text() + "'" : "the Python range '" + declared.text() + "'";
        }
    }

    private static SpecifierSet specifiers(DeclaredPython d) {
        try {
            return SpecifierSet.parse(d.text());
        } catch (PepSyntaxException e) {
            throw new InputException(new SourceLocation(d.location().file(), d.location().line(),
                    d.location().column() + e.column()), "invalid requires-python: " + e.getMessage());
        }
    }

    /** True when some release of that minor version satisfies the range. */
    public static boolean admits(SpecifierSet range, PythonVersion v) {
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

    private record Parsed(PythonVersion version, DeclaredPython declared) {
    }
}
