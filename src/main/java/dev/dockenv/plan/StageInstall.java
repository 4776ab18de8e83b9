package dev.dockenv.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One install of a stage, as the plan decides it: declared dependencies pip resolves in a single
 * run, or a lock's packages installed hash-pinned.
 */
public sealed interface StageInstall {

    /** Where the packages come from, for the Dockerfile's comment. */
    String origin();

    /** Project paths the install copies first (dependency files and what they read, local packages). */
    List<String> copies();

    /** Whether the install runs pip in its own stage (a locked one may only merge layers built beside it). */
    boolean runsPip();

    /** The pip commands the stage runs, in order. */
    List<PipCommand> pipCommands();

    /**
     * Declared dependencies: copy the dependency files it reads, drop the lines that install the
     * project itself ({@code -e .}: the project comes from the bind mount in dev, from the copied
     * source in prod), then {@code pip install -c CONSTRAINTS... -r FILE... PACKAGE...} in a single
     * run, so that a requirements file's options (index, find-links, constraints) and the project's
     * constraints file govern all of it. {@code singleFiles}: which of the copies are files
     * (requirements and constraints files), copied together ({@link DependencyCopies}).
     */
    record Declared(String origin, List<String> copies, Set<String> singleFiles, List<String> dropProjectLinesFrom,
            PipCommand pip) implements StageInstall {
        public Declared {
            copies = List.copyOf(copies);
            singleFiles = Set.copyOf(singleFiles);
            dropProjectLinesFrom = List.copyOf(dropProjectLinesFrom);
        }

        /** An install whose copies are each copied on their own. */
        public Declared(String origin, List<String> copies, List<String> dropProjectLinesFrom, PipCommand pip) {
            this(origin, copies, Set.of(), dropProjectLinesFrom, pip);
        }

        @Override
        public boolean runsPip() {
            return true;
        }

        @Override
        public List<PipCommand> pipCommands() {
            return List.of(pip);
        }
    }

    /**
     * A lock's packages for one group, from dockenv's derived lists ({@link GeneratedFile}s) with
     * {@code --require-hashes --no-deps}: most of them in {@link LockLayer}s built beside the stage
     * and merged into it, the venv's seed packages (pip, setuptools, wheel) in place ({@code seeded});
     * the unhashable ones (local paths, VCS) with {@code --no-deps} ({@code unhashed}): the lock
     * already is the resolution.
     */
    record Locked(String origin, List<String> copies, List<LockLayer> layers, Optional<GeneratedFile> seeded,
            Optional<GeneratedFile> unhashed) implements StageInstall {
        public Locked {
            copies = List.copyOf(copies);
            layers = List.copyOf(layers);
            if (layers.isEmpty() && seeded.isEmpty() && unhashed.isEmpty()) {
                throw new IllegalArgumentException("a locked install installs something");
            }
        }

        @Override
        public boolean runsPip() {
            return seeded.isPresent() || unhashed.isPresent();
        }

        @Override
        public List<PipCommand> pipCommands() {
            List<PipCommand> commands = new ArrayList<>();
            seeded.ifPresent(f -> commands.add(PipCommand.install("--require-hashes", "--no-deps", "-r", f.path())));
            unhashed.ifPresent(f -> commands.add(PipCommand.install("--no-deps", "-r", f.path())));
            return commands;
        }

        /** The lists installed in the stage itself, in order. */
        public List<GeneratedFile> inPlaceLists() {
            List<GeneratedFile> lists = new ArrayList<>();
            seeded.ifPresent(lists::add);
            unhashed.ifPresent(lists::add);
            return lists;
        }

        /** Every file this install derives: the layers' lists (and the wheel installer), those installed in place. */
        public List<GeneratedFile> generatedFiles() {
            List<GeneratedFile> files = new ArrayList<>();
            layers.forEach(l -> files.add(l.list()));
            if (layers.stream().anyMatch(LockLayer.Wheels.class::isInstance)) {
                files.add(WheelInstaller.script());
            }
            files.addAll(inPlaceLists());
            return files;
        }
    }
}
