package dev.dockenv.packaging;

import dev.dockenv.python.DeclaredRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.dockenv.python.DeclaredPython;

/**
 * The project as an installable Python distribution: how it is built and which of its files the
 * build reads. Immutable; paths are project-relative and '/'-separated.
 *
 * @param name             the distribution name when the packaging files state it
 * @param backend          the PEP 517 backend and its build requirements
 * @param packagingFiles   the packaging files present: pyproject.toml, and for setuptools setup.py,
 *                         setup.cfg and MANIFEST.in
 * @param metadataFiles    other files the metadata is read from (readme, license, {@code file:}
 *                         directives, a module needed whole)
 * @param stubs            stand-ins for the modules packaging reads names from (see {@link ModuleStub})
 * @param packageDirs      folders the build requires to exist (packages listed by name)
 * @param dependencies     what the project requires beyond pyproject.toml's static
 *                         {@code [project] dependencies} (setup.cfg's install_requires, a literal
 *                         install_requires of setup.py, a dependencies file): empty when dockenv
 *                         cannot know them without running the build
 * @param dependencySource where {@code dependencies} come from, for messages
 * @param extras           optional dependencies declared outside {@code [project]}, names normalized
 * @param pythonRequires   setup.cfg's or setup.py's python_requires
 * @param consoleScripts   the console scripts it declares
 * @param filesRead        every file dockenv read for this (for the warm run's stamps)
 * @param notes            what dockenv could not read statically and what follows from it
 */
public record PackagingProject(
        Optional<String> name,
        BuildBackend backend,
        List<String> packagingFiles,
        List<String> metadataFiles,
        List<ModuleStub> stubs,
        List<String> packageDirs,
        Optional<List<DeclaredRequirement>> dependencies,
        String dependencySource,
        Map<String, List<DeclaredRequirement>> extras,
        Optional<DeclaredPython> pythonRequires,
        List<String> consoleScripts,
        List<Path> filesRead,
        List<String> notes) {

    public PackagingProject {
        packagingFiles = List.copyOf(packagingFiles);
        metadataFiles = List.copyOf(metadataFiles);
        stubs = List.copyOf(stubs);
        packageDirs = List.copyOf(packageDirs);
        dependencies = dependencies.map(List::copyOf);
        extras = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extras));
        consoleScripts = List.copyOf(consoleScripts);
        filesRead = List.copyOf(filesRead);
        notes = List.copyOf(notes);
    }

    /** The project's files the editable build reads as they are: packaging files, then metadata files. */
    public List<String> editableInputs() {
        LinkedHashSet<String> all = new LinkedHashSet<>(packagingFiles);
        all.addAll(metadataFiles);
        return List.copyOf(new ArrayList<>(all));
    }

    /** Whether the base stage can install everything the project requires before it is built. */
    public boolean dependenciesKnown() {
        return dependencies.isPresent();
    }
}
