package dev.dockenv.render;

import dev.dockenv.context.DefaultIgnores;

/** The .dockerignore dockenv init writes: dockenv's safe defaults, commented. */
public final class DockerignoreFile {
    private DockerignoreFile() {
    }

    public static String render() {
        StringBuilder s = new StringBuilder();
        s.append("# Written by dockenv init. Files matched here never reach an image build:\n");
        s.append("# version control, virtualenvs, caches, and .env files (secrets).\n");
        for (String pattern : DefaultIgnores.patterns()) {
            s.append(pattern).append('\n');
        }
        return s.toString();
    }
}
