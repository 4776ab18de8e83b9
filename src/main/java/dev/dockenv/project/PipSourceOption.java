package dev.dockenv.project;

/**
 * An option of a requirements file that tells pip where to look for packages
 * ({@code --index-url}, {@code --extra-index-url}, {@code --trusted-host}, {@code --find-links},
 * {@code --no-index}), as pip would be given it on its command line: other pip runs of the same
 * build (the project's own build) look in the same places.
 *
 * @param value       the option's value, empty for {@code --no-index}
 * @param projectPath whether the value is a folder of the project (a local {@code --find-links}),
 *                    given project-relative
 */
public record PipSourceOption(String name, String value, boolean projectPath) {
}
