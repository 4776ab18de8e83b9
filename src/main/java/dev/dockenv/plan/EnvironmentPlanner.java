package dev.dockenv.plan;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.project.DeclaredRequirement;
import dev.dockenv.project.Project;
import dev.dockenv.project.PyprojectFile;
import dev.dockenv.project.RequirementsSet;
import dev.dockenv.config.PortMapping;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Computes an {@link EnvironmentPlan} from a {@link Project} and the host's pip settings. */
public final class EnvironmentPlanner {
    private EnvironmentPlanner() {
    }

    /**
     * @param hostEnvironment the host's environment: PIP_INDEX_URL, PIP_EXTRA_INDEX_URL and
     *        PIP_TRUSTED_HOST apply to builds as they do to pip on the host, unless the project's
     *        configuration names an index
     */
    public static EnvironmentPlan plan(Project project, Map<String, String> hostEnvironment) {
        var config = project.config();
        String baseImage = config.baseImage().orElse("python:" + project.python().version() + "-slim");

        List<InstallStep> base = new ArrayList<>();
        Set<String> copied = new LinkedHashSet<>();
        for (RequirementsSet set : project.requirements()) {
            base.add(requirementsStep(project, set, copied));
        }
        Optional<PyprojectFile> pyproject = project.pyproject();
        Set<String> extras = new LinkedHashSet<>(config.extras());
        project.requirements().forEach(r -> extras.addAll(r.projectExtras()));
        List<String> own = new ArrayList<>();
        pyproject.ifPresent(p -> {
            p.dependencies().forEach(d -> own.add(d.text()));
            for (String extra : extras) {
                List<DeclaredRequirement> reqs = p.optionalDependencies().get(dev.dockenv.pep.Pep503.normalize(extra));
                if (reqs == null) {
                    throw new DockenvException(ExitCode.BAD_INPUT, "extra '" + extra
                            + "' is not in [project.optional-dependencies] of " + p.file(),
                            "known extras: " + String.join(", ", p.optionalDependencies().keySet()));
                }
                reqs.forEach(d -> own.add(d.text()));
            }
        });
        if (!own.isEmpty()) {
            base.add(new InstallStep.Packages("pyproject.toml [project] dependencies", distinct(own)));
        }

        List<InstallStep> dev = new ArrayList<>();
        for (RequirementsSet set : project.devRequirements()) {
            dev.add(requirementsStep(project, set, copied));
        }
        pyproject.map(p -> p.dependencyGroups().get("dev")).filter(g -> !g.isEmpty()).ifPresent(g ->
                dev.add(new InstallStep.Packages("pyproject.toml [dependency-groups] dev",
                        distinct(g.stream().map(DeclaredRequirement::text).toList()))));

        List<Integer> ports = new ArrayList<>();
        for (String spec : config.ports()) {
            PortMapping mapping = PortMapping.parse(spec).orElseThrow(); // checked when the configuration was read
            if (!ports.contains(mapping.containerPort())) {
                ports.add(mapping.containerPort());
            }
        }
        String importPath = project.hasSrcLayout() ? ContainerPaths.PROJECT + "/src" : ContainerPaths.PROJECT;
        return new EnvironmentPlan(project.name(), project.python(), baseImage, config.aptPackages(), base, dev,
                config.buildCommands(), config.environment(), ports, config.command(), importPath,
                index(project, hostEnvironment));
    }

    private static InstallStep requirementsStep(Project project, RequirementsSet set, Set<String> copied) {
        List<String> copies = new ArrayList<>();
        for (Path p : set.files()) {
            addCopy(project, p, copied, copies);
        }
        for (Path p : set.localPaths()) {
            addCopy(project, p, copied, copies);
        }
        for (Path p : set.findLinksDirectories()) {
            addCopy(project, p, copied, copies);
        }
        return new InstallStep.RequirementsFile(project.relative(set.file()), copies, set.installsProject());
    }

    private static void addCopy(Project project, Path path, Set<String> copied, List<String> copies) {
        String rel = project.relative(path);
        if (copied.add(rel)) {
            copies.add(rel);
        }
    }

    private static PackageIndex index(Project project, Map<String, String> host) {
        var config = project.config();
        Optional<String> indexUrl = config.indexUrl().or(() -> Optional.ofNullable(host.get("PIP_INDEX_URL"))
                .filter(s -> !s.isBlank()).filter(s -> config.extraIndexUrls().isEmpty()));
        List<String> extra = new ArrayList<>(config.extraIndexUrls());
        if (config.indexUrl().isEmpty() && config.extraIndexUrls().isEmpty()) {
            splitInto(host.get("PIP_EXTRA_INDEX_URL"), extra);
        }
        List<String> trusted = new ArrayList<>(config.trustedHosts());
        if (config.trustedHosts().isEmpty()) {
            splitInto(host.get("PIP_TRUSTED_HOST"), trusted);
        }
        List<String> all = new ArrayList<>(extra);
        indexUrl.ifPresent(all::add);
        for (String url : all) {
            if (PackageIndex.hasCredentials(url)) {
                throw new DockenvException(ExitCode.BAD_INPUT, "the package index URL " + redact(url)
                        + " carries credentials, which would stay in the image's build history",
                        "give the index URL without credentials");
            }
        }
        List<String> urlsSeen = new ArrayList<>(all);
        project.requirements().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        project.devRequirements().forEach(r -> urlsSeen.addAll(r.indexUrls()));
        boolean hostNetwork = urlsSeen.stream().anyMatch(PackageIndex::isLoopback);
        return new PackageIndex(indexUrl, extra, trusted, hostNetwork);
    }

    private static void splitInto(String value, List<String> into) {
        if (value != null) {
            for (String s : value.trim().split("\\s+")) {
                if (!s.isEmpty()) {
                    into.add(s);
                }
            }
        }
    }

    static String redact(String url) {
        return url.replaceAll("//[^/@]*@", "//***@");
    }

    private static List<String> distinct(List<String> items) {
        return List.copyOf(new LinkedHashSet<>(items));
    }
}
