package dev.dockenv.resolve;

import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.pep.SpecifierSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a resolution needs of a distribution's core metadata (the METADATA file of a wheel, or the
 * index's PEP 658 copy of it): its name and version, Requires-Python and Requires-Dist.
 *
 * @param requiresDist the dependencies, markers included; a line pip would refuse is left out, as pip
 *     leaves it out (with a warning)
 */
public record CoreMetadata(String name, String version, Optional<SpecifierSet> requiresPython,
        List<Requirement> requiresDist) {

    public CoreMetadata {
        requiresDist = List.copyOf(requiresDist);
    }

    /** Parses the header block of an email-style METADATA file (continuation lines folded). */
    public static CoreMetadata parse(String text) {
        String name = "";
        String version = "";
        Optional<SpecifierSet> requiresPython = Optional.empty();
        List<Requirement> requires = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (String line : text.replace("\r\n", "\n").split("\n", -1)) {
            if (line.isEmpty()) {
                break; // the body (the description) follows the first empty line
            }
            if ((line.startsWith(" ") || line.startsWith("\t")) && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + " " + line.strip());
            } else {
                fields.add(line);
            }
        }
        for (String field : fields) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key = field.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            String value = field.substring(colon + 1).strip();
            switch (key) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "requires-python" -> {
                    try {
                        requiresPython = value.isEmpty() ? Optional.empty() : Optional.of(SpecifierSet.parse(value));
                    } catch (PepSyntaxException e) {
                        requiresPython = Optional.empty(); // pip ignores an invalid Requires-Python
                    }
                }
                case "requires-dist" -> {
                    try {
                        requires.add(Requirement.parse(value));
                    } catch (PepSyntaxException e) {
                        // pip skips a dependency it cannot parse
                    }
                }
                default -> {
                }
            }
        }
        return new CoreMetadata(name, version, requiresPython, requires);
    }
}
