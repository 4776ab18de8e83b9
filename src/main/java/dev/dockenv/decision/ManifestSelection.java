package dev.dockenv.decision;

import dev.dockenv.lock.DeclaredDependencies;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.lock.pipenv.PipfileReader;
import dev.dockenv.lock.poetry.PoetryManifestReader;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import dev.dockenv.python.DeclaredRequirement;
import dev.dockenv.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For a project without a lock: the dependencies its Pipfile or [tool.poetry] declares, installed
 * as declared. Direct references to relative paths ({@code x @ file:./libs/x}, which pip does not
 * take) become local paths that are copied into the build.
 */
public final class ManifestSelection {
    private ManifestSelection() {
    }

    public static Optional<ManifestInstall> find(Project project) {
        Path pipfile = project.root().resolve("Pipfile");
        if (Files.isRegularFile(pipfile)) {
            return Optional.of(install(project, PipfileReader.read(pipfile)));
        }
        return project.pyproject().flatMap(p -> PoetryManifestReader.readManifest(p.document()))
                .map(m -> install(project, m.dependencies()));
    }

    private static ManifestInstall install(Project project, DeclaredDependencies declared) {
        List<String> copies = new ArrayList<>();
        List<String> main = convert(project, declared.group(DependencyGroups.MAIN), copies);
        List<String> dev = convert(project, declared.group(DependencyGroups.DEV), copies);
        return new ManifestInstall(declared.file().getFileName() + " (" + declared.format() + ", no lock)", main, dev,
                copies, declared.indexUrls());
    }

    private static List<String> convert(Project project, List<DeclaredRequirement> requirements, List<String> copies) {
        List<String> out = new ArrayList<>();
        for (DeclaredRequirement d : requirements) {
            Optional<String> url = parse(d).url();
            if (url.isPresent() && url.get().startsWith("file:") && !url.get().startsWith("file:///")) {
                String path = url.get().substring("file:".length()).replaceFirst("^//", "");
                Path resolved = project.root().resolve(java.net.URLDecoder.decode(path,
                        java.nio.charset.StandardCharsets.UTF_8)).normalize();
                if (resolved.equals(project.root())) {
                    continue; // the project itself: on sys.path from the mount or the copied source
                }
                String relative = project.relative(resolved);
                copies.add(relative);
                out.add("./" + relative);
            } else {
                out.add(d.text());
            }
        }
        return out;
    }

    private static Requirement parse(DeclaredRequirement d) {
        try {
            return Requirement.parse(d.text());
        } catch (PepSyntaxException e) {
            throw new IllegalStateException("a reader produced an invalid requirement: " + d.text(), e);
        }
    }
}
