package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.edit.DependencyTarget;
import dev.dockenv.decision.InstallDecider;
import dev.dockenv.decision.InstallDecision;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.lock.format.LockFormat;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.io.ChangeJournal;
import dev.dockenv.io.Utf8File;
import dev.dockenv.decision.AppLocks;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code add} and {@code remove} share: the project, whether it has a lock dockenv may rewrite,
 * and the change itself: the edited file written atomically, the lock resolved again, the dev
 * environment built; when resolving or building fails, the file and the lock are put back as they
 * were, so a failed change leaves nothing behind; a killed one is undone by the next command.
 */
final class DependencyChange {
    private final DockenvCommand root;
    private final Project project;
    private final Optional<Path> dockenvLock;

    private DependencyChange(DockenvCommand root, Project project, Optional<Path> dockenvLock) {
        this.root = root;
        this.project = project;
        this.dockenvLock = dockenvLock;
    }

    /** The project, refused when a lock another tool maintains pins it (dockenv cannot rewrite that lock). */
    static DependencyChange open(DockenvCommand root) {
        Project project = ProjectRoot.scan(root);
        Optional<LockFormat> format = InstallDecider.lockFormat(project);
        if (format.isEmpty()) {
            return new DependencyChange(root, project, Optional.empty());
        }
        if (format.get() != LockFormat.PYLOCK) {
            // the lock's tool rewrites it: dockenv need not even read it
            throw new DockenvException(ExitCode.BAD_INPUT, format.get().fileName() + " pins this project's packages "
                    + "and only its own tool rewrites it", "use " + format.get().changeCommands()
                    + ", then `dockenv sync` or `dockenv run`");
        }
        InstallDecision.Locked locked = (InstallDecision.Locked) InstallDecider.decide(project,
                root.session().environment());
        if (!locked.reading().writtenByDockenv()) {
            throw new DockenvException(ExitCode.BAD_INPUT, "pylock.toml was written by another tool, which "
                    + "dockenv does not overwrite", "update it with that tool, or delete it and run `dockenv "
                    + "add` again: dockenv then locks the project itself");
        }
        return new DependencyChange(root, project, Optional.of(locked.reading().lock().file()));
    }

    Project project() {
        return project;
    }

    /**
     * The app a change is for ({@code --app}, or the app whose folder the command starts in), refused
     * when its pylock.NAME.toml was written by another tool (dockenv does not overwrite it, as it
     * does not overwrite such a pylock.toml).
     */
    Optional<ProjectApp> app(String name) {
        Optional<ProjectApp> chosen = AppSelection.choose(project, name, root.startDirectory());
        if (chosen.isPresent()) {
            Path lock = AppLocks.file(project, chosen.get().name());
            if (Files.isRegularFile(lock) && dev.dockenv.lock.pylock.PylockReader.read(lock).inputsDigest().isEmpty()) {
                throw new DockenvException(ExitCode.BAD_INPUT, lock.getFileName() + " was written by another tool, "
                        + "which dockenv does not overwrite", "update it with that tool, or delete it and run `dockenv "
                        + "lock`: dockenv then locks the app itself");
            }
        }
        return chosen;
    }

    /** Whether one of an app's requirements sets is (or includes) the file. */
    private static boolean reads(ProjectApp app, Path file) {
        return java.util.stream.Stream.concat(app.requirements().stream(), app.devRequirements().stream())
                .anyMatch(set -> set.files().contains(file));
    }

    /** The target's text now ("" for a file to be made). */
    static String read(DependencyTarget target) {
        if (!Files.exists(target.file())) {
            return "";
        }
        return Utf8File.read(target.file());
    }

    /**
     * Writes {@code after}, relocks when dockenv locks the project (an app's change: the locks of the
     * apps that read the file), then builds the dev environment, the app's when given (unless
     * {@code sync} is false); on a failure, restores the file and the locks. The change is
     * journaled ({@link ChangeJournal}) from before the file is written until it stands: when the
     * process is killed on the way (SIGKILL included), the next dockenv command finds the file and
     * the lock as they were before it. {@code what} names the change for that command's message.
     */
    void commit(Optional<ProjectApp> app, DependencyTarget target, String after, boolean sync, String what) {
        Session session = root.session();
        // the locks the change rewrites: the shared one and every app's (their inputs include the shared
        // ones), or for an app's change that app's alone (when the project is locked, or the app is)
        List<Path> locks = new ArrayList<>();
        // dockenv locks the project: its pylock.toml, or a lock of an app it wrote (one another tool wrote is not ours)
        boolean locked = dockenvLock.isPresent() || project.apps().stream().map(a -> AppLocks.file(project, a.name()))
                .anyMatch(f -> Files.isRegularFile(f)
                        && dev.dockenv.lock.pylock.PylockReader.read(f).inputsDigest().isPresent());
        List<String> relockApps = new ArrayList<>();
        if (app.isPresent()) {
            if (locked) {
                // the app's lock, and that of any other app reading the edited file (a set both name)
                project.apps().stream().filter(a -> a.name().equals(app.get().name()) || reads(a, target.file()))
                        .forEach(a -> relockApps.add(a.name()));
                relockApps.forEach(name -> locks.add(AppLocks.file(project, name)));
            }
        } else if (locked) {
            // a repository whose apps alone are locked (its shared environment declared nothing) is locked too
            locks.add(dockenvLock.orElse(project.root().resolve(LockCommand.LOCK_FILE)));
            project.apps().forEach(a -> locks.add(AppLocks.file(project, a.name())));
        }
        Optional<Path> relock = locks.isEmpty() ? Optional.empty() : Optional.of(locks.get(0));
        List<Path> files = new ArrayList<>();
        files.add(target.file());
        files.addAll(locks);
        ChangeJournal journal = journal(what, files);
        try {
            write(target.file(), after.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (relock.isPresent() && app.isPresent()) {
                relockApps.forEach(name -> LockCommand.relockApp(root, name));
            } else if (relock.isPresent()) {
                LockCommand.relock(root);
            }
            if (sync) {
                Workspace workspace = Workspace.open(root);
                workspace.build(app.flatMap(a -> workspace.project().app(a.name())), Optional.empty(),
                        new BuildOptions(false, false, false));
            }
        } catch (RuntimeException e) {
            try {
                journal.rollBack();
            } catch (IOException restoring) {
                e.addSuppressed(restoring);
                throw new UncheckedIOException("cannot put back " + project.relative(target.file()), restoring);
            }
            session.err().println("dockenv: " + project.relative(target.file()) + (relock.isPresent()
                    ? " and " + relock.get().getFileName() + " left as they were" : " left as it was"));
            session.err().flush();
            throw e;
        }
        try {
            journal.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the change journal in " + project.root().resolve(
                    ChangeJournal.FOLDER), e);
        }
    }

    private ChangeJournal journal(String what, List<Path> files) {
        try {
            return ChangeJournal.begin(project.root(), what, files);
        } catch (ChangeJournal.ChangeInProgressException e) {
            throw new DockenvException(ExitCode.BAD_INPUT, e.getMessage(),
                    "wait for the other `dockenv add` or `dockenv remove` to finish, then try again");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the change journal in " + project.root().resolve(
                    ChangeJournal.FOLDER), e);
        }
    }

    private static void write(Path file, byte[] content) {
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
