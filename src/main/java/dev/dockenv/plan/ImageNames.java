package dev.dockenv.plan;

import java.util.Locale;

/** Image repository names derived from project names. */
public final class ImageNames {
    private ImageNames() {
    }

    /** dockenv-NAME, NAME reduced to what a repository name allows. */
    public static String repositoryFor(String projectName) {
        String n = projectName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-")
                .replaceAll("^[._-]+", "").replaceAll("[._-]+$", "").replaceAll("[._-]{2,}", "-");
        return "dockenv-" + (n.isEmpty() ? "project" : n);
    }
}
