package dev.dockenv.packaging;

import dev.dockenv.context.IgnoreRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Files an installable project's build reads besides its packaging files, as one step of the scan
 * found them ({@link ProjectTableInputs}, {@link SetuptoolsInputs}, {@link OtherBackendInputs}),
 * combined in order with {@link #plus}.
 *
 * @param metadataFiles the files its metadata names (readme, license, {@code file:} directives ...),
 *                      project-relative, each once, in the order found
 * @param filesRead     packaging files the step read (for the warm run's stamps)
 * @param notes         what the step could not read statically and what follows from it
 */
record BuildInputs(List<String> metadataFiles, List<Path> filesRead, List<String> notes) {
    static final BuildInputs NONE = new BuildInputs(List.of(), List.of(), List.of());

    BuildInputs {
        metadataFiles = List.copyOf(new LinkedHashSet<>(metadataFiles));
        filesRead = List.copyOf(filesRead);
        notes = List.copyOf(notes);
    }

    /** These, then {@code later}'s (a metadata file already found stays where it was). */
    BuildInputs plus(BuildInputs later) {
        return new BuildInputs(concat(metadataFiles, later.metadataFiles), concat(filesRead, later.filesRead),
                concat(notes, later.notes));
    }

    /**
     * Without the packaging files (listed on their own) and the files the build context leaves out:
     * the build cannot read those, which a note says rather than a failing COPY.
     */
    BuildInputs readableFrom(IgnoreRules context, Collection<String> packagingFiles) {
        List<String> readable = new ArrayList<>();
        List<String> excludedNotes = new ArrayList<>();
        for (String file : metadataFiles) {
            if (packagingFiles.contains(file)) {
                continue;
            }
            if (context.excludes(file)) {
                excludedNotes.add(file + " is excluded by .dockerignore (or dockenv's defaults): the build of the "
                        + "project cannot read it");
            } else {
                readable.add(file);
            }
        }
        return new BuildInputs(readable, filesRead, concat(notes, excludedNotes));
    }

    /** With the modules the build needs whole (a name packaging reads from them is not a literal). */
    BuildInputs withWholeModules(List<String> modules) {
        List<String> moduleNotes = modules.stream().map(module -> module + " is copied whole into the dev image's "
                + "editable build: packaging reads a name from it that is not a literal, so editing it rebuilds the "
                + "dev image").toList();
        return new BuildInputs(concat(metadataFiles, modules), filesRead, concat(notes, moduleNotes));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static Builder builder(Path root) {
        return new Builder(root);
    }

    /** Collects one step's findings. */
    static final class Builder {
        private final Path root;
        private final Set<String> metadataFiles = new LinkedHashSet<>();
        private final List<Path> filesRead = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Builder(Path root) {
            this.root = root;
        }

        /** A file the metadata names, when it is inside the project and exists. */
        Builder file(String relative) {
            ProjectFiles.inside(root, relative).filter(p -> Files.isRegularFile(root.resolve(p)))
                    .ifPresent(metadataFiles::add);
            return this;
        }

        /** Files already known to be inside the project and to exist. */
        Builder existing(Collection<String> relative) {
            metadataFiles.addAll(relative);
            return this;
        }

        /** The project's files a glob pattern names (as setuptools' license_files). */
        Builder glob(String pattern) {
            return existing(ProjectFiles.glob(root, pattern));
        }

        Builder read(Path file) {
            filesRead.add(file);
            return this;
        }

        Builder note(String note) {
            notes.add(note);
            return this;
        }

        BuildInputs build() {
            return new BuildInputs(List.copyOf(metadataFiles), filesRead, notes);
        }
    }
}
