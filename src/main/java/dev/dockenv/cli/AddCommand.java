package dev.dockenv.cli;

import dev.dockenv.edit.DependencyEdit;
import dev.dockenv.edit.DependencyTarget;
import dev.dockenv.edit.PyprojectEditor;
import dev.dockenv.edit.RequirementsEditor;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.lock.DependencyGroups;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.pep.Pep503;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv add}: declares packages in the file the project uses, relocks, and syncs the environment. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {"Add packages to the project's dependencies, then relock and rebuild what changed.",
            "Writes to the file the project already uses: pyproject.toml [project] dependencies (or a "
                    + "[dependency-groups] group), else requirements.txt; comments and formatting are kept. "
                    + "A package already there gets the new requirement in place.",
            "With a dockenv lock (pylock.toml) the project is locked again; a locked environment installs its "
                    + "packages in layers, so adding one rebuilds one layer. If locking or building fails, "
                    + "the files are left as they were."})
final class AddCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Parameters(paramLabel = "PKG", arity = "1..*",
            description = "PEP 508 requirements, e.g. requests 'numpy>=1.26' 'tomli; python_version < \"3.11\"'.")
    private List<String> packages;

    @Option(names = "--dev", description = "Add to the development dependencies ([dependency-groups] dev, or the "
            + "dev requirements file).")
    private boolean dev;

    @Option(names = "--group", paramLabel = "GROUP", description = "Add to a pyproject.toml [dependency-groups] group.")
    private String group;

    @Option(names = "--app", paramLabel = "NAME", description = "Add to an app's requirements (its first set; "
            + "default: the app whose folder you are in).")
    private String app;

    @Option(names = "--no-sync", description = "Edit (and relock) only; do not build the environment.")
    private boolean noSync;

    @Override
    public Integer call() {
        List<Requirement> requirements = new ArrayList<>();
        for (String text : packages) {
            requirements.add(parse(text));
        }
        DependencyChange change = DependencyChange.open(root);
        var chosen = change.app(app);
        DependencyTarget target = AppDependencies.target(change.project(), chosen, dev, Optional.ofNullable(group));
        String original = DependencyChange.read(target);
        String text = original;
        List<String> report = new ArrayList<>();
        for (Requirement r : requirements) {
            DependencyEdit edit = target instanceof DependencyTarget.PyprojectList list
                    ? new PyprojectEditor(list.file(), text).add(list.arrayPath(), r)
                    : new RequirementsEditor(target.file(), text).add(r);
            text = edit.text();
            report.add(switch (edit.kind()) {
                case ADDED -> "added " + r.text().strip();
                case REPLACED -> "replaced " + edit.previous().orElseThrow() + " with " + r.text().strip();
                case UNCHANGED -> r.text().strip() + " is already there";
                case REMOVED -> throw new IllegalStateException("an add removed " + r.text());
            });
        }
        var err = root.session().err();
        String where = " (" + target.describe(change.project().root()) + ")";
        report.forEach(line -> err.println("dockenv: " + line + where));
        err.flush();
        if (text.equals(original)) {
            return 0; // nothing changed: nothing to lock or build
        }
        group().ifPresent(g -> err.println("dockenv: note: the environment installs the dev group only; '" + g
                + "' is declared, not installed"));
        change.commit(chosen, target, text, !noSync, "dockenv add " + String.join(" ", packages));
        return 0;
    }

    /** A named group other than dev, which dockenv declares but does not install. */
    private Optional<String> group() {
        return Optional.ofNullable(group).filter(g -> !Pep503.normalize(g).equals(DependencyGroups.DEV));
    }

    static Requirement parse(String text) {
        try {
            return Requirement.parse(text);
        } catch (PepSyntaxException e) {
            throw new DockenvException(ExitCode.USAGE, "'" + text + "' is not a PEP 508 requirement: "
                    + e.getMessage() + " (column " + e.column() + ")",
                    "write it as pip does, e.g. 'numpy>=1.26' or 'requests[socks]'");
        }
    }
}
