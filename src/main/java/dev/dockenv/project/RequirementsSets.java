package dev.dockenv.project;

import dev.dockenv.deps.GlobalOption;
import dev.dockenv.errors.InputException;
import dev.dockenv.deps.LoadedFile;
import dev.dockenv.deps.LoadedRequirements;
import dev.dockenv.deps.RequirementsLoader;
import dev.dockenv.deps.ResolvedFindLinks;
import dev.dockenv.deps.ResolvedLocalRequirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Loads a requirements file (with its includes) into the {@link RequirementsSet} a build needs. */
final class RequirementsSets {
    private RequirementsSets() {
    }

    static RequirementsSet load(Path root, Path file) {
        LoadedRequirements loaded = new RequirementsLoader().load(root, file);
        List<Path> files = loaded.files().stream().map(LoadedFile::path).toList();
        List<Path> local = new ArrayList<>();
        Set<String> extras = new LinkedHashSet<>();
        Set<Path> selfFiles = new LinkedHashSet<>();
        for (ResolvedLocalRequirement r : loaded.localRequirements()) {
            if (r.projectRoot()) {
                extras.addAll(r.requirement().extras());
                selfFiles.add(root.resolve(r.requirement().location().file()).toAbsolutePath().normalize());
            } else {
                local.add(r.path());
            }
        }
        List<Path> findLinks = loaded.findLinks().stream().map(ResolvedFindLinks::path).toList();
        List<String> urls = new ArrayList<>();
        for (GlobalOption o : loaded.indexOptions()) {
            if (!o.is(GlobalOption.TRUSTED_HOST) && o.value().isPresent()) {
                String url = o.value().get();
                if (url.matches("(?i)^[a-z][a-z0-9+.-]*://[^/@]*@.*")) {
                    throw new InputException(o.location(), o.name() + " carries credentials: this file is copied "
                            + "into the image, so they would stay in one of its layers",
                            "give the index URL without credentials");
                }
                urls.add(url);
            }
        }
        List<Path> installed = loaded.files().stream().filter(f -> !f.constraints()).map(LoadedFile::path).toList();
        java.util.Map<String, Path> names = new java.util.LinkedHashMap<>();
        for (dev.dockenv.deps.PackageRequirement r : loaded.requirements()) {
            names.putIfAbsent(r.requirement().normalizedName(),
                    root.resolve(r.location().file()).toAbsolutePath().normalize());
        }
        return new RequirementsSet(file, files, local, findLinks, loaded.installsProject(), List.copyOf(selfFiles),
                extras, urls, sourceOptions(loaded), installed, names);
    }

    /** The options that send pip to an index or a folder of packages, in the order pip reads them. */
    private static List<PipSourceOption> sourceOptions(LoadedRequirements loaded) {
        List<PipSourceOption> out = new ArrayList<>();
        for (GlobalOption o : loaded.globalOptions()) {
            switch (o.name()) {
                case GlobalOption.INDEX_URL, GlobalOption.EXTRA_INDEX_URL, GlobalOption.TRUSTED_HOST ->
                        out.add(new PipSourceOption(o.name(), o.value().orElse(""), false));
                case GlobalOption.NO_INDEX -> out.add(new PipSourceOption(o.name(), "", false));
                case GlobalOption.FIND_LINKS -> {
                    var local = loaded.findLinks().stream().filter(f -> f.option().equals(o)).findFirst();
                    out.add(local.map(f -> new PipSourceOption(o.name(), f.relativePath().toString().replace('\\', '/'),
                            true)).orElse(new PipSourceOption(o.name(), o.value().orElse(""), false)));
                }
                default -> {
                    // other options change how pip resolves, not where it looks
                }
            }
        }
        return out;
    }
}
