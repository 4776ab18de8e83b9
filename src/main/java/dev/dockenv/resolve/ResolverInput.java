package dev.dockenv.resolve;

import dev.dockenv.deps.GlobalOption;
import dev.dockenv.deps.LoadedRequirements;
import dev.dockenv.deps.PackageRequirement;
import dev.dockenv.deps.RequirementsLoader;
import dev.dockenv.pep.PepSyntaxException;
import dev.dockenv.pep.Requirement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What pip would resolve for an install's arguments ({@code -c FILE}, {@code -r FILE}, package
 * requirements), read without pip: the requirements and constraints of the files and their
 * includes, and the options that change a resolution ({@code --index-url},
 * {@code --extra-index-url}, {@code --pre}). Whatever only pip can do (a local or URL requirement,
 * find-links, binary choices, an unknown option) makes it {@link Unsupported}, with the reason.
 */
public sealed interface ResolverInput {

    /**
     * Requirements the resolver reads itself.
     *
     * @param hashChecking whether a requirement pins hashes ({@code --hash}) or a file asks for
     *     {@code --require-hashes}: pip's hash-checking mode, in which pip refuses every file whose
     *     hash the requirements do not name
     */
    record Supported(List<Requirement> requirements, List<Requirement> constraints, Optional<String> indexUrl,
            List<String> extraIndexUrls, boolean prereleases, boolean hashChecking) implements ResolverInput {
        public Supported {
            requirements = List.copyOf(requirements);
            constraints = List.copyOf(constraints);
            extraIndexUrls = List.copyOf(extraIndexUrls);
        }
    }

    /** Arguments only pip resolves. */
    record Unsupported(String reason) implements ResolverInput {
    }

    /** Reads pip's install arguments, files relative to {@code root}. */
    static ResolverInput of(Path root, List<String> arguments) {
        List<Requirement> requirements = new ArrayList<>();
        List<Requirement> constraints = new ArrayList<>();
        Optional<String> indexUrl = Optional.empty();
        List<String> extra = new ArrayList<>();
        boolean pre = false;
        boolean hashes = false;
        RequirementsLoader loader = new RequirementsLoader();
        for (int i = 0; i < arguments.size(); i++) {
            String a = arguments.get(i);
            boolean constraint = a.equals("-c") || a.equals("--constraint");
            if ((a.equals("-r") || a.equals("--requirement") || constraint) && i + 1 < arguments.size()) {
                LoadedRequirements loaded = loader.load(root, Path.of(arguments.get(++i)));
                if (!loaded.urlRequirements().isEmpty()) {
                    return new Unsupported("a URL requirement (" + loaded.urlRequirements().get(0) + ")");
                }
                if (!loaded.localRequirements().isEmpty()) {
                    return new Unsupported("a local requirement, which pip builds");
                }
                if (!loaded.remoteIncludes().isEmpty() || !loaded.findLinks().isEmpty()) {
                    return new Unsupported("a remote include or --find-links");
                }
                for (PackageRequirement r : loaded.requirements()) {
                    if (r.requirement().url().isPresent()) {
                        return new Unsupported("a URL requirement (" + r.requirement().text() + ")");
                    }
                    (constraint ? constraints : requirements).add(r.requirement());
                    hashes |= !r.hashes().isEmpty();
                }
                for (PackageRequirement r : loaded.constraints()) {
                    constraints.add(r.requirement());
                    hashes |= !r.hashes().isEmpty();
                }
                for (GlobalOption option : loaded.globalOptions()) {
                    if (option.is(GlobalOption.INDEX_URL)) {
                        indexUrl = option.value();
                    } else if (option.is(GlobalOption.EXTRA_INDEX_URL)) {
                        option.value().ifPresent(extra::add);
                    } else if (option.is(GlobalOption.PRE)) {
                        pre = true;
                    } else if (option.is(GlobalOption.REQUIRE_HASHES)) {
                        hashes = true;
                    } else if (!option.is(GlobalOption.TRUSTED_HOST)
                            && !option.is(GlobalOption.USE_FEATURE)) {
                        return new Unsupported("the option " + option.name());
                    }
                }
            } else if (a.startsWith("-")) {
                return new Unsupported("the option " + a);
            } else {
                try {
                    Requirement r = Requirement.parse(a);
                    if (r.url().isPresent()) {
                        return new Unsupported("a URL requirement (" + a + ")");
                    }
                    requirements.add(r);
                } catch (PepSyntaxException e) {
                    return new Unsupported("'" + a + "', which is no requirement pip reads by name");
                }
            }
        }
        return new Supported(requirements, constraints, indexUrl, extra, pre, hashes);
    }
}
