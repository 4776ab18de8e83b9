package dev.dockenv.decision;

import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.project.NamedRequirements;
import dev.dockenv.project.Project;
import dev.dockenv.python.DeclaredRequirement;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Packages the project declares but its environment does not install, each with how to install it:
 * the optional dependencies of an extra that is not asked for, the dependency groups besides dev; and
 * the requirements sets found but not chosen. A command that is not in the environment is often one
 * of these ({@code pytest} in an extra {@code lint}); {@code run} names the way to get it.
 *
 * @param hints       normalized package name to a hint ("pytest is declared in ... add ...")
 * @param unchosenSets names of requirements sets found and not installed ({@code lint} of
 *                    requirements-lint.txt), whose content is not read
 */
public record UninstalledPackages(Map<String, String> hints, List<String> unchosenSets) {

    public UninstalledPackages {
        hints = Map.copyOf(hints);
        unchosenSets = List.copyOf(unchosenSets);
    }

    public static UninstalledPackages of(Project project) {
        Map<String, String> hints = new LinkedHashMap<>();
        Set<String> installedExtras = new LinkedHashSet<>();
        project.config().extras().forEach(e -> installedExtras.add(Pep503.normalize(e)));
        project.requirements().forEach(r -> r.projectExtras().forEach(e -> installedExtras.add(Pep503.normalize(e))));
        project.devRequirements().forEach(r -> r.projectExtras().forEach(e -> installedExtras.add(Pep503.normalize(e))));
        installedExtras.addAll(Project.DEV_NAMES);
        project.pyproject().ifPresent(p -> {
            p.optionalDependencies().forEach((extra, requirements) -> {
                if (!installedExtras.contains(Pep503.normalize(extra))) {
                    add(hints, requirements, name -> name + " is declared in " + project.relative(p.file())
                            + " [project.optional-dependencies] " + extra + ", which the environment does not install: "
                            + "add \"" + extra + "\" to extras in the dockenv settings, or run `dockenv add --dev " + name + "`");
                }
            });
            p.dependencyGroups().forEach((group, requirements) -> {
                if (!Pep503.normalize(group).equals("dev")) {
                    add(hints, requirements, name -> name + " is in " + project.relative(p.file())
                            + " [dependency-groups] " + group + "; the environment installs the dev group: "
                            + "`dockenv add --dev " + name + "` puts it there");
                }
            });
        });
        project.packaging().ifPresent(p -> p.extras().forEach((extra, requirements) -> {
            if (!installedExtras.contains(Pep503.normalize(extra))) {
                add(hints, requirements, name -> name + " is declared in the extra " + extra + " ("
                        + p.dependencySource() + "), which the environment does not install: add \"" + extra
                        + "\" to extras in the dockenv settings, or run `dockenv add --dev " + name + "`");
            }
        }));
        List<String> unchosen = project.requirementSets().stream()
                .filter(s -> s.stage() == NamedRequirements.Stage.NOT_INSTALLED).map(NamedRequirements::name).toList();
        return new UninstalledPackages(hints, unchosen);
    }

    /**
     * The hint for a command that is not in the environment: how to install the package of that
     * name where the project declares it, else how to add it (and the sets that might have it).
     */
    public String hintFor(String command) {
        String hint = hints.get(Pep503.normalize(command));
        if (hint != null) {
            return hint;
        }
        String add = "if a package provides it, `dockenv add --dev " + command + "` (or the package's name) installs it "
                + "in the dev environment";
        if (unchosenSets.isEmpty()) {
            return add;
        }
        return add + "; requirements sets that are not installed: " + String.join(", ", unchosenSets)
                + " (name one in dev-requirements in the dockenv settings)";
    }

    private static void add(Map<String, String> hints, List<DeclaredRequirement> requirements,
            java.util.function.Function<String, String> hint) {
        for (DeclaredRequirement declared : requirements) {
            try {
                Requirement requirement = Requirement.parse(declared.text());
                hints.putIfAbsent(requirement.normalizedName(), hint.apply(requirement.name()));
            } catch (PepSyntaxException e) {
                // a requirement pip would refuse is reported by the build, not by a run's hint
            }
        }
    }
}
