package dev.dockenv.decision;

import java.util.List;

/**
 * Dependencies a manifest declares without a lock (a Pipfile, [tool.poetry]), as pip takes them:
 * PEP 508 strings or local paths (./libs/x, -e ./libs/x) for the main and dev stages, the local
 * paths to copy, and the manifest's package indexes.
 */
public record ManifestInstall(String origin, List<String> main, List<String> dev, List<String> copies,
        List<String> indexUrls) {
    public ManifestInstall {
        main = List.copyOf(main);
        dev = List.copyOf(dev);
        copies = List.copyOf(copies);
        indexUrls = List.copyOf(indexUrls);
    }
}
