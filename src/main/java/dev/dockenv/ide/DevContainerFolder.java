package dev.dockenv.ide;

import java.util.Locale;
import java.util.Optional;

/**
 * Where the dev container of a project (or of one of its apps) keeps its files, relative to the
 * project's root: devcontainer.json in {@code .devcontainer/} (an app's in {@code .devcontainer/APP/},
 * as the specification lets several configurations live side by side), and the compose file that
 * {@code dockenv ide vscode --prepare} writes for this machine in
 * {@code .dockenv/devcontainer/NAME/}. The devcontainers tools name the compose project after the
 * compose file's folder (lower case, letters and digits kept), so NAME is made of those alone and
 * says whose it is: the project's and app's names, then {@code devcontainer}.
 */
public record DevContainerFolder(String projectName, Optional<String> app) {
    /** The compose service the dev container is. */
    public static final String SERVICE = "app";

    /** devcontainer.json, relative to the project's root. */
    public String config() {
        return ".devcontainer/" + app.map(a -> a + "/").orElse("") + "devcontainer.json";
    }

    /** The compose project the tools run it as (also the compose file's folder name). */
    public String composeProject() {
        String name = (alphanumeric(projectName) + app.map(DevContainerFolder::alphanumeric).orElse(""));
        return (name.isEmpty() ? "project" : name) + "devcontainer";
    }

    /** The compose file, relative to the project's root. */
    public String composeFile() {
        return ".dockenv/devcontainer/" + composeProject() + "/compose.yaml";
    }

    /** The .env beside the compose file, which compose reads for the services' passwords. */
    public String envFile() {
        return ".dockenv/devcontainer/" + composeProject() + "/.env";
    }

    /** The compose file as devcontainer.json names it: relative to devcontainer.json's folder. */
    public String composeFileFromConfig() {
        return (app.isPresent() ? "../../" : "../") + composeFile();
    }

    private static String alphanumeric(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
