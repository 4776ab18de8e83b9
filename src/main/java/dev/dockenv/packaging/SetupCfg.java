package dev.dockenv.packaging;

import dev.dockenv.errors.SourceLocation;
import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dockenv.python.DeclaredPython;

/**
 * What dockenv reads from setup.cfg, setuptools' declarative configuration.
 *
 * @param versionAttr     {@code version = attr: pkg.__version__}: the module attribute holding the version
 * @param referencedFiles files its {@code file:} directives and license options name (project-relative,
 *                        existing ones only, license globs expanded)
 * @param installRequires {@code [options] install_requires} (from a {@code file:} too)
 * @param extras          {@code [options.extras_require]}, names normalized
 * @param packageDir      {@code [options] package_dir} ("" for the root package)
 * @param packages        {@code [options] packages} when listed (empty for {@code find:} or none)
 * @param consoleScripts  the names of {@code [options.entry_points] console_scripts}
 */
public record SetupCfg(
        Path file,
        Optional<String> name,
        Optional<String> versionAttr,
        Optional<SourceLocation> versionAt,
        List<String> referencedFiles,
        List<DeclaredRequirement> installRequires,
        Map<String, List<DeclaredRequirement>> extras,
        Map<String, String> packageDir,
        List<String> packages,
        Optional<DeclaredPython> pythonRequires,
        List<String> consoleScripts) {

    public SetupCfg {
        referencedFiles = List.copyOf(referencedFiles);
        installRequires = List.copyOf(installRequires);
        extras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extras));
        packageDir = Map.copyOf(packageDir);
        packages = List.copyOf(packages);
        consoleScripts = List.copyOf(consoleScripts);
    }
}
