package dev.dockenv.sbom;

import dev.dockenv.pep.MarkerEnvironment;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The BOM of an image whose project has no lock: what pip says is installed in it
 * ({@link PipInspectReport}). There are no hashes: pip keeps none of what it installed from an
 * index, and dockenv invents none (the BOM says so in a property; {@code dockenv lock} gives a
 * project hashes). Licenses come from each package's metadata; dependencies from its
 * {@code Requires-Dist}, markers evaluated in the image's interpreter, an edge wherever the
 * needed package is installed. The project itself, when installed, is the BOM's subject rather
 * than a component; what it requires (else what was installed by name) is what the subject depends on.
 */
public final class InspectedBom {
    static final String NO_HASHES = "none: the project has no lock, and pip keeps no hash of what it installed "
            + "(`dockenv lock` writes a lock with a hash for every file)";
    static final String SOURCE_VALUE = "pip inspect";
    /** Trove classifiers of licenses: {@code License :: OSI Approved :: MIT License}. */
    private static final String LICENSE_CLASSIFIER = "License :: ";

    private InspectedBom() {
    }

    public static Bom of(PipInspectReport report, BomContext context) {
        String project = Pep503.normalize(context.projectName());
        Map<String, PipInspectReport.Installed> byName = new LinkedHashMap<>();
        report.installed().stream()
                .sorted(Comparator.comparing((PipInspectReport.Installed i) -> Pep503.normalize(i.name()))
                        .thenComparing(PipInspectReport.Installed::version))
                .forEach(i -> byName.putIfAbsent(Pep503.normalize(i.name()), i));
        Optional<PipInspectReport.Installed> itself = Optional.ofNullable(byName.remove(project));
        List<Component> components = byName.values().stream().map(InspectedBom::component).toList();
        BomMetadata metadata = new BomMetadata(context.timestamp(), context.tool(), context.subject(),
                List.of(new Property(LockedBom.HASHES, NO_HASHES), new Property(LockedBom.SOURCE, SOURCE_VALUE)));
        List<Dependency> dependencies = report.environment()
                .map(env -> dependencies(context, byName, itself, env))
                .orElse(List.of());
        return new Bom(metadata, components, dependencies);
    }

    private static Component component(PipInspectReport.Installed i) {
        String purl = PackageUrl.pypi(i.name(), i.version());
        return new Component(ComponentType.LIBRARY, purl, i.name(), Optional.of(i.version()), Optional.of(purl),
                List.of(), licenses(i), List.of());
    }

    /**
     * What the metadata declares, most precise first: the SPDX expression (License-Expression),
     * else the License field when it is a name (one short line, not the license's whole text),
     * else the license trove classifiers' names; none when it declares nothing.
     */
    static List<License> licenses(PipInspectReport.Installed i) {
        if (i.licenseExpression().isPresent()) {
            return List.of(new License.Expression(i.licenseExpression().get().strip()));
        }
        Optional<String> field = i.license().map(String::strip)
                .filter(l -> !l.isEmpty() && l.length() <= 100 && !l.contains("\n") && !l.equalsIgnoreCase("UNKNOWN"));
        if (field.isPresent()) {
            return List.of(new License.Named(field.get()));
        }
        TreeSet<String> names = new TreeSet<>();
        for (String classifier : i.classifiers()) {
            if (classifier.startsWith(LICENSE_CLASSIFIER)) {
                String name = classifier.substring(classifier.lastIndexOf("::") + 2).strip();
                if (!name.isEmpty() && !name.equals("OSI Approved")) {
                    names.add(name);
                }
            }
        }
        return names.stream().<License>map(License.Named::new).toList();
    }

    private static List<Dependency> dependencies(BomContext context, Map<String, PipInspectReport.Installed> byName,
            Optional<PipInspectReport.Installed> itself, MarkerEnvironment env) {
        Map<String, String> refs = new LinkedHashMap<>();
        byName.forEach((name, i) -> refs.put(name, PackageUrl.pypi(i.name(), i.version())));
        List<Dependency> out = new ArrayList<>();
        TreeSet<String> root = itself.map(i -> needs(i, refs, env)).orElseGet(() -> {
            TreeSet<String> requested = new TreeSet<>();
            byName.forEach((name, i) -> {
                if (i.requested()) {
                    requested.add(refs.get(name));
                }
            });
            return requested;
        });
        out.add(new Dependency(context.subject().bomRef(), List.copyOf(root)));
        byName.forEach((name, i) -> out.add(new Dependency(refs.get(name), List.copyOf(needs(i, refs, env)))));
        out.sort(Comparator.comparing(Dependency::ref));
        return out;
    }

    /** The installed packages a distribution's Requires-Dist names where its markers hold (no extra chosen). */
    private static TreeSet<String> needs(PipInspectReport.Installed i, Map<String, String> refs, MarkerEnvironment env) {
        TreeSet<String> out = new TreeSet<>();
        for (String text : i.requiresDist()) {
            Requirement r;
            try {
                r = Requirement.parse(text);
            } catch (PepSyntaxException e) {
                continue; // metadata pip installed from is valid; a broken entry names nothing we can match
            }
            String ref = refs.get(r.normalizedName());
            if (ref != null && r.appliesTo(env) && !ref.equals(refs.get(Pep503.normalize(i.name())))) {
                out.add(ref);
            }
        }
        return out;
    }
}
