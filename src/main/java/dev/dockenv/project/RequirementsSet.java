package dev.dockenv.project;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One requirements file as a build needs it: every file it reads (itself, -r and -c includes),
 * the local paths it installs, the local --find-links folders, whether it installs the project
 * itself ({@code -e .}), in which of its files and with which extras, the package index URLs
 * it names, and its options that tell pip where to look for packages, in order. {@code installedFiles}
 * are those of {@code files} whose requirements it installs: itself and its {@code -r} includes, not
 * its {@code -c} constraints. {@code packageNames} are the packages it installs by name (normalized,
 * PEP 503), each with the file that names it first.
 */
public record RequirementsSet(
        Path file,
        List<Path> files,
        List<Path> localPaths,
        List<Path> findLinksDirectories,
        boolean installsProject,
        List<Path> filesInstallingProject,
        Set<String> projectExtras,
        List<String> indexUrls,
        List<PipSourceOption> sourceOptions,
        List<Path> installedFiles,
        java.util.Map<String, Path> packageNames) {

    public RequirementsSet {
        files = List.copyOf(files);
        localPaths = List.copyOf(localPaths);
        filesInstallingProject = List.copyOf(filesInstallingProject);
        findLinksDirectories = List.copyOf(findLinksDirectories);
        projectExtras = Set.copyOf(projectExtras);
        indexUrls = List.copyOf(indexUrls);
        sourceOptions = List.copyOf(sourceOptions);
        installedFiles = List.copyOf(installedFiles);
        packageNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(packageNames));
    }
}
