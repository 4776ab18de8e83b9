package dev.dockenv.cli;

import dev.dockenv.edit.DependencyEdit;
import dev.dockenv.edit.DependencyTarget;
import dev.dockenv.edit.DependencyTargets;
import dev.dockenv.edit.PyprojectEditor;
import dev.dockenv.edit.RequirementsEditor;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.pep.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv remove}: takes packages out of the file the project uses, relocks, and syncs. */
@Command(name = "remove", mixinStandardHelpOptions = true,
        description = {"Remove packages from the project's dependencies, then relock and rebuild what changed.",
            "Looks where `dockenv add` with the same options writes; the line goes, the rest of the file stays "
                    + "as written. If locking or building fails, the files are left as they were."})
final class RemoveCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Parameters(paramLabel = "PKG", arity = "1..*", description = "Package names.")
    private List<String> packages;

    @Option(names = "--dev", description = "Remove from the development dependencies.")
    private boolean dev;

    @Option(names = "--group", paramLabel = "GROUP", description = "Remove from a pyproject.toml [dependency-groups] "
            + "group.")
    private String group;

    @Option(names = "--app", paramLabel = "NAME", description = "Remove from an app's requirements (its first set; "
            + "default: the app whose folder you are in).")
    private String app;

    @Option(names = "--no-sync", description = "Edit (and relock) only; do not build the environment.")
    private boolean noSync;

    @Override
    public Integer call() {
        List<Requirement> names = new ArrayList<>();
        for (String text : packages) {
            names.add(AddCommand.parse(text));
        }
        DependencyChange change = DependencyChange.open(root);
        var chosen = change.app(app);
        DependencyTarget target = AppDependencies.target(change.project(), chosen, dev, Optional.ofNullable(group));
        String text = DependencyChange.read(target);
        List<String> report = new ArrayList<>();
        for (Requirement r : names) {
            String name = r.normalizedName();
            Optional<DependencyEdit> edit = target instanceof DependencyTarget.PyprojectList list
                    ? new PyprojectEditor(list.file(), text).remove(list.arrayPath(), name)
                    : new RequirementsEditor(target.file(), text).remove(name);
            if (edit.isEmpty()) {
                throw notFound(change, target, r);
            }
            text = edit.get().text();
            report.add("removed " + edit.get().previous().orElse(name));
        }
        var err = root.session().err();
        String where = " (" + target.describe(change.project().root()) + ")";
        report.forEach(line -> err.println("dockenv: " + line + where));
        err.flush();
        change.commit(chosen, target, text, !noSync, "dockenv remove " + String.join(" ", packages));
        return 0;
    }

    /** Not where it was looked for: say where it is declared, if anywhere. */
    private static DockenvException notFound(DependencyChange change, DependencyTarget target, Requirement r) {
        String name = r.normalizedName();
        for (DependencyTarget other : DependencyTargets.all(change.project())) {
            if (other.equals(target)) {
                continue;
            }
            String text = DependencyChange.read(other);
            boolean there = other instanceof DependencyTarget.PyprojectList list
                    ? new PyprojectEditor(list.file(), text).declares(list.arrayPath(), name)
                    : new RequirementsEditor(other.file(), text).packageNames().contains(name);
            if (there) {
                return new DockenvException(ExitCode.BAD_INPUT, r.name() + " is not in "
                        + target.describe(change.project().root()) + "; it is declared in "
                        + other.describe(change.project().root()), removal(change, other, r.name()));
            }
        }
        return new DockenvException(ExitCode.BAD_INPUT, r.name() + " is not declared in "
                + target.describe(change.project().root()),
                "see the project's dependencies with `dockenv status`");
    }

    /** The command that removes the package from where it is, or the file to edit by hand. */
    private static String removal(DependencyChange change, DependencyTarget where, String name) {
        if (where.equals(DependencyTargets.choose(change.project(), false, Optional.empty()))) {
            return "dockenv remove " + name;
        }
        if (where.equals(DependencyTargets.choose(change.project(), true, Optional.empty()))) {
            return "dockenv remove --dev " + name;
        }
        if (where instanceof DependencyTarget.PyprojectList list && list.arrayPath().get(0).equals("dependency-groups")) {
            return "dockenv remove --group " + list.arrayPath().get(1) + " " + name;
        }
        return "edit " + change.project().relative(where.file()) + " (a file the project's requirements include)";
    }
}
