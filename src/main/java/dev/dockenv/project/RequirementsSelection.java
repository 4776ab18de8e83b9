package dev.dockenv.project;

import dev.dockenv.config.AppSetting;
import dev.dockenv.config.DockenvConfig;
import dev.dockenv.config.DockenvConfig.RequirementsChoice;
import dev.dockenv.errors.DidYouMean;
import dev.dockenv.errors.InputException;
import dev.dockenv.io.CodePointOrder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a project's requirements sets and decides which install where.
 *
 * <p>The sets are requirements.txt, {@code requirements[-_]NAME.txt} and
 * {@code NAME[-_]requirements.txt} at the root, and {@code requirements/NAME.txt}. By default the
 * base stage installs requirements.txt, or without it the first "base" or "main" set
 * ({@link ProjectScanner#MAIN_REQUIREMENTS} first), or without one the set the others include with
 * {@code -r} (when exactly one is); the dev stage installs every dev or test set
 * ({@value #DEV_NAMES_TEXT}). Any other set is installed only when [tool.dockenv]
 * {@code requirements} or {@code dev-requirements} names it (by NAME or by its path); those keys
 * replace the default choice of their stage. A chosen set that another chosen set includes with
 * {@code -r}, or that the base stage already installs, is not installed a second time.
 */
final class RequirementsSelection {
    /** The requirements set files at a project's root (requirements/ holds any NAME.txt). */
    static final Pattern ROOT_NAMES =
            Pattern.compile("(?i)requirements\\.txt|requirements[-_](.+)\\.txt|(.+)[-_]requirements\\.txt");
    static final Pattern FOLDER_NAMES = Pattern.compile("(?i)(.+)\\.txt");
    static final String FOLDER = "requirements";
    private static final String DEV_NAMES_TEXT = "dev, test, tests, testing, development";
    private static final Set<String> BASE_NAMES = Set.of("base", "main");
    private static final String CONFIGURED = "[tool.dockenv] ";

    /** A requirements file found, with its set name and its project-relative path. */
    record Found(String name, Path file, String relative) {
    }

    /** The sets each stage installs (loaded), the apps' own, and every set found with its stage. */
    record Selected(List<RequirementsSet> main, List<RequirementsSet> dev, List<ProjectApp> apps,
            List<NamedRequirements> sets) {
    }

    /** An app's chosen sets, before they are loaded. */
    private record AppChoice(AppSetting app, List<Found> main, List<Found> dev) {
    }

    private RequirementsSelection() {
    }

    /** Every requirements set file of the project, sorted by path. */
    static List<Found> find(Path projectRoot) {
        Path root = projectRoot.toAbsolutePath().normalize();
        List<Found> out = new ArrayList<>();
        for (Path file : list(root)) {
            Matcher m = ROOT_NAMES.matcher(file.getFileName().toString());
            if (m.matches()) {
                String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : "requirements";
                out.add(new Found(name, file, file.getFileName().toString()));
            }
        }
        for (Path file : list(root.resolve(FOLDER))) {
            Matcher m = FOLDER_NAMES.matcher(file.getFileName().toString());
            if (m.matches()) {
                out.add(new Found(m.group(1), file, FOLDER + "/" + file.getFileName()));
            }
        }
        out.sort(Comparator.comparing(Found::relative, CodePointOrder.COMPARATOR));
        return out;
    }

    private static List<Path> list(Path folder) {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder, "*.txt")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return out;
    }

    static Selected select(Path projectRoot, DockenvConfig config) {
        Path root = projectRoot.toAbsolutePath().normalize();
        List<Found> all = new ArrayList<>(find(root));
        List<AppChoice> appChoices = new ArrayList<>();
        Set<Path> claimed = new LinkedHashSet<>();
        for (AppSetting app : config.apps()) {
            AppChoice choice = new AppChoice(app,
                    app.requirements().map(c -> resolve(root, c, all)).orElseGet(() -> inFolder(root, app, APP_MAIN)),
                    app.devRequirements().map(c -> resolve(root, c, all)).orElseGet(() -> inFolder(root, app, APP_DEV)));
            appChoices.add(choice);
            java.util.stream.Stream.concat(choice.main().stream(), choice.dev().stream())
                    .filter(f -> all.stream().noneMatch(a -> a.file().equals(f.file()))).forEach(all::add);
            choice.main().forEach(f -> claimed.add(f.file()));
            choice.dev().forEach(f -> claimed.add(f.file()));
        }
        // the sets an app names are that app's: the shared stages' defaults pass them over
        List<Found> found = all.stream().filter(f -> !claimed.contains(f.file())).toList();
        List<Found> main = config.requirements().map(c -> resolve(root, c, all))
                .orElseGet(() -> defaultMain(root, found).map(List::of).orElse(List.of()));
        List<Found> dev = config.devRequirements().map(c -> resolve(root, c, all))
                .orElseGet(() -> defaultDev(found));
        String mainWhy = config.requirements().isPresent() ? CONFIGURED + "requirements" : "default";
        String devWhy = config.devRequirements().isPresent() ? CONFIGURED + "dev-requirements" : "default";

        Map<Path, RequirementsSet> loaded = new LinkedHashMap<>();
        for (Found f : main) {
            loaded.computeIfAbsent(f.file(), p -> RequirementsSets.load(root, p));
        }
        for (Found f : dev) {
            loaded.computeIfAbsent(f.file(), p -> RequirementsSets.load(root, p));
        }
        for (AppChoice choice : appChoices) {
            for (Found f : choice.main()) {
                loaded.computeIfAbsent(f.file(), p -> RequirementsSets.load(root, p));
            }
            for (Found f : choice.dev()) {
                loaded.computeIfAbsent(f.file(), p -> RequirementsSets.load(root, p));
            }
        }
        Map<Path, String> through = new LinkedHashMap<>();
        List<RequirementsSet> mainSets = keep(root, main, List.of(), loaded, through);
        List<RequirementsSet> devSets = keep(root, dev, mainSets, loaded, through);
        List<ProjectApp> apps = new ArrayList<>();
        Map<Path, String> appOf = new LinkedHashMap<>();
        for (AppChoice choice : appChoices) {
            // an app's sets over the shared base: what the base installs already is not installed twice
            Map<Path, String> appThrough = new LinkedHashMap<>();
            List<RequirementsSet> appMain = keep(root, choice.main(), mainSets, loaded, appThrough);
            List<RequirementsSet> earlier = new ArrayList<>(mainSets);
            earlier.addAll(appMain);
            earlier.addAll(devSets); // the app's dev stage is over the shared dev installs too
            List<RequirementsSet> appDev = keep(root, choice.dev(), earlier, loaded, appThrough);
            apps.add(new ProjectApp(choice.app(), appMain, appDev));
            appMain.forEach(r -> appOf.putIfAbsent(r.file(), "app " + choice.app().name()));
            appDev.forEach(r -> appOf.putIfAbsent(r.file(), "app " + choice.app().name() + " (dev)"));
            appThrough.forEach(through::putIfAbsent);
        }

        Set<Path> inMain = new LinkedHashSet<>();
        mainSets.forEach(s -> inMain.add(s.file()));
        Set<Path> inDev = new LinkedHashSet<>();
        devSets.forEach(s -> inDev.add(s.file()));
        List<NamedRequirements> sets = new ArrayList<>();
        for (Found f : all) {
            if (inMain.contains(f.file())) {
                sets.add(new NamedRequirements(f.name(), f.file(), NamedRequirements.Stage.BASE, mainWhy));
            } else if (inDev.contains(f.file())) {
                sets.add(new NamedRequirements(f.name(), f.file(), NamedRequirements.Stage.DEV, devWhy));
            } else if (appOf.containsKey(f.file())) {
                sets.add(new NamedRequirements(f.name(), f.file(), NamedRequirements.Stage.APP, appOf.get(f.file())));
            } else {
                Optional<String> includer = through.containsKey(f.file()) ? Optional.of(through.get(f.file()))
                        : includer(root, f.file(), mainSets, devSets);
                sets.add(includer.map(i -> new NamedRequirements(f.name(), f.file(), NamedRequirements.Stage.INCLUDED,
                        "through " + i)).orElseGet(() -> new NamedRequirements(f.name(), f.file(),
                        NamedRequirements.Stage.NOT_INSTALLED, "not chosen")));
            }
        }
        return new Selected(mainSets, devSets, apps, sets);
    }

    /** What an app installs when its settings do not say: these files of its folder, when present. */
    static final List<String> APP_MAIN = ProjectScanner.APP_REQUIREMENTS.subList(0, 1);
    static final List<String> APP_DEV = ProjectScanner.APP_REQUIREMENTS.subList(1, ProjectScanner.APP_REQUIREMENTS.size());

    private static List<Found> inFolder(Path root, AppSetting app, List<String> names) {
        List<Found> out = new ArrayList<>();
        for (String name : names) {
            Path file = root.resolve(app.path()).resolve(name);
            if (Files.isRegularFile(file)) {
                out.add(new Found(app.path() + "/" + name, file, app.path() + "/" + name));
            }
        }
        return out;
    }

    /**
     * The chosen sets of a stage without those another chosen set of the stage includes with -r
     * (unless they include each other) or the earlier stage already installs; those go to
     * {@code through}, with the set that installs them.
     */
    private static List<RequirementsSet> keep(Path root, List<Found> chosen, List<RequirementsSet> earlier,
            Map<Path, RequirementsSet> loaded, Map<Path, String> through) {
        List<RequirementsSet> out = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        for (Found f : chosen) {
            if (!seen.add(f.file())) {
                continue;
            }
            RequirementsSet set = loaded.get(f.file());
            Optional<RequirementsSet> before = earlier.stream().filter(e -> e.installedFiles().contains(f.file()))
                    .findFirst();
            if (before.isPresent()) {
                through.put(f.file(), relative(root, before.get().file()));
                continue;
            }
            Optional<Found> includer = chosen.stream().filter(o -> !o.file().equals(f.file()))
                    .filter(o -> loaded.get(o.file()).installedFiles().contains(f.file()))
                    .filter(o -> !set.installedFiles().contains(o.file()))
                    .findFirst();
            if (includer.isPresent()) {
                through.put(f.file(), includer.get().relative());
                continue;
            }
            out.add(set);
        }
        return out;
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static Optional<String> includer(Path root, Path file, List<RequirementsSet> main,
            List<RequirementsSet> dev) {
        for (List<RequirementsSet> stage : List.of(main, dev)) {
            for (RequirementsSet s : stage) {
                if (s.installedFiles().contains(file)) {
                    return Optional.of(relative(root, s.file()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * requirements.txt; else the first base or main set; else the one set the others include
     * (read leniently: a set that does not parse includes nothing here).
     */
    private static Optional<Found> defaultMain(Path root, List<Found> found) {
        for (String preferred : ProjectScanner.MAIN_REQUIREMENTS) {
            Optional<Found> f = found.stream().filter(x -> x.relative().equals(preferred)).findFirst();
            if (f.isPresent()) {
                return f;
            }
        }
        Optional<Found> named = found.stream().filter(f -> BASE_NAMES.contains(key(f.name()))).findFirst();
        if (named.isPresent()) {
            return named;
        }
        Map<Path, Set<Path>> includes = new LinkedHashMap<>();
        for (Found f : found) {
            try {
                Set<Path> files = new LinkedHashSet<>(RequirementsSets.load(root, f.file()).installedFiles());
                files.remove(f.file());
                includes.put(f.file(), files);
            } catch (InputException e) {
                includes.put(f.file(), Set.of());
            }
        }
        List<Found> bases = new ArrayList<>();
        for (Found f : found) {
            boolean included = found.stream().anyMatch(o -> includes.get(o.file()).contains(f.file()));
            boolean includesOthers = found.stream().anyMatch(o -> includes.get(f.file()).contains(o.file()));
            if (included && !includesOthers) {
                bases.add(f);
            }
        }
        return bases.size() == 1 ? Optional.of(bases.get(0)) : Optional.empty();
    }

    /** Every dev or test set, the long-known names first. */
    private static List<Found> defaultDev(List<Found> found) {
        List<Found> out = new ArrayList<>();
        for (String known : ProjectScanner.DEV_REQUIREMENTS) {
            found.stream().filter(f -> f.relative().equals(known)).forEach(out::add);
        }
        found.stream().filter(f -> Project.DEV_NAMES.contains(key(f.name())) && !out.contains(f)).forEach(out::add);
        return out;
    }

    /** The configured names as found sets (a file path may name a file the patterns do not). */
    private static List<Found> resolve(Path root, List<RequirementsChoice> choices, List<Found> all) {
        List<Found> out = new ArrayList<>();
        for (RequirementsChoice c : choices) {
            String written = c.name().strip();
            String path = written.startsWith("./") ? written.substring(2) : written;
            List<Found> matches = all.stream().filter(f -> f.relative().equals(path)).toList();
            if (matches.isEmpty()) {
                matches = all.stream().filter(f -> key(f.name()).equals(key(written))).toList();
            }
            if (matches.size() > 1) {
                throw new InputException(c.location(), "requirements set '" + written + "' names "
                        + matches.size() + " files: "
                        + String.join(", ", matches.stream().map(Found::relative).toList()),
                        "write the file's path instead, such as \"" + matches.get(0).relative() + "\"");
            }
            if (matches.isEmpty()) {
                Found file = asFile(root, path, c);
                all.add(file);
                out.add(file);
            } else {
                out.add(matches.get(0));
            }
        }
        return out;
    }

    /** A configured path to a requirements file inside the project, or the unknown-name error. */
    private static Found asFile(Path root, String path, RequirementsChoice c) {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(path).normalize();
        if (path.endsWith(".txt") && file.startsWith(base) && Files.isRegularFile(file)) {
            return new Found(path, file, relative(base, file));
        }
        List<Found> found = find(root);
        List<String> names = found.stream().map(Found::name).distinct().toList();
        String sets = found.isEmpty() ? "the project has no requirements_NAME.txt or requirements/NAME.txt"
                : "its requirements sets: " + String.join(", ", found.stream().map(f -> f.name() + " ("
                        + f.relative() + ")").toList());
        String hint = DidYouMean.hint(c.name(), names) + sets;
        throw new InputException(c.location(), "no requirements set '" + c.name() + "' in the project", hint);
    }

    /** Names compared as pip compares project names: case and -_. runs aside. */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
