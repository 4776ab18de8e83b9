package dev.dockenv.build;

import dev.dockenv.context.ContentDigest;
import dev.dockenv.context.ContextEntry;
import dev.dockenv.context.FileDigestCache;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.GeneratedFile;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content hash in an environment image's tag: dockenv's template version, the Dockerfile
 * (which spells out the base image, the Python version, system packages and configuration), the
 * target, build arguments, the build's network and every context file the build reads. Same
 * inputs, same tag; a dependency or configuration change, a new tag; a source file the build
 * does not read changes nothing.
 */
public final class ImageIdentity {
    private ImageIdentity() {
    }

    public static String hash(BuildDefinition definition, List<ContextEntry> entries, FileDigestCache cache) {
        ContentDigest.Builder d = cache == null ? ContentDigest.builder() : ContentDigest.builder(cache);
        d.add("template", Integer.toString(EnvironmentDockerfile.TEMPLATE_VERSION));
        d.add("origin", definition.origin().name());
        d.add("dockerfile", definition.identityText());
        d.add("target", definition.target().orElse(""));
        for (Map.Entry<String, String> arg : new TreeMap<>(definition.buildArgs()).entrySet()) {
            d.add("arg", arg.getKey() + "=" + arg.getValue());
        }
        d.add("network", definition.hostNetwork() ? "host" : "default");
        d.addEntries(entries);
        for (GeneratedFile f : definition.generatedFiles()) {
            d.add("generated:" + f.path(), f.content());
        }
        return d.build();
    }
}
