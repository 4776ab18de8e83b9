package dev.dockenv.build;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hint for a failed build step, chosen from what the step printed: each cause pip, apt or a
 * compiler names in its own words gets its own way out, and a failure none of them names keeps the
 * general hint. The patterns are pip's, apt's and setuptools' messages as they print them (captured
 * from real runs in BuildFailureHintsTest).
 */
public final class BuildFailureHints {
    private static final Pattern NO_DISTRIBUTION = Pattern.compile("No matching distribution found for (\\S+)");
    private static final Pattern NO_MODULE = Pattern.compile("ModuleNotFoundError: No module named '([^']+)'");
    private static final Pattern NO_FILE = Pattern.compile(
            "FileNotFoundError: \\[Errno 2\\] No such file or directory: '([^']+)'");
    private static final Pattern COMPILER = Pattern.compile(
            "command '(?:\\S*-)?(?:gcc|cc|g\\+\\+|c\\+\\+|clang)' failed: No such file or directory"
                    + "|(?:^|\\s)(?:gcc|cc|g\\+\\+): (?:not found|command not found)");
    private static final Pattern APT_MISSING = Pattern.compile("E: Unable to locate package (\\S+)");
    private static final Pattern HASH_PACKAGE = Pattern.compile("^\\s+(\\S+==\\S+) from ");
    private static final List<String> UNREACHABLE = List.of("Failed to establish a new connection",
            "Temporary failure in name resolution", "Name or service not known", "Could not fetch URL",
            "Max retries exceeded with url", "ConnectTimeoutError", "No route to host");

    private BuildFailureHints() {
    }

    /**
     * @param step   the failing step as the builder names it (its command)
     * @param output what the step printed
     * @param index  the package index the build uses, for the message (without credentials)
     */
    public static Optional<String> of(String step, List<String> output, String index) {
        String text = String.join("\n", output);
        boolean editable = step.contains("--editable");
        if (text.contains("THESE PACKAGES DO NOT MATCH THE HASHES")) {
            String which = output.stream().map(HASH_PACKAGE::matcher).filter(Matcher::find).map(m -> m.group(1))
                    .findFirst().map(p -> " for " + p).orElse("");
            return Optional.of("the index served a file" + which + " whose hash is not the one the lock records: if "
                    + "the package was published again, lock again (dockenv lock); otherwise check " + index
                    + ", the file may have been changed");
        }
        Matcher missing = NO_DISTRIBUTION.matcher(text);
        if (missing.find()) {
            String requirement = missing.group(1);
            if (text.contains("pip subprocess to install build dependencies did not run successfully")) {
                return Optional.of("the project's build backend " + requirement + " ([build-system] requires) is not in "
                        + index + ": add it to that index, or set index-url to one that has it");
            }
            if (UNREACHABLE.stream().anyMatch(text::contains)) {
                return Optional.of(unreachable(index));
            }
            return Optional.of(requirement + " is not in " + index + " for linux and the image's Python: check the "
                    + "name and the version, or set index-url to an index that has it");
        }
        if (text.contains("ResolutionImpossible")) {
            return Optional.of("the requirements conflict (\"The conflict is caused by\" above names them): loosen "
                    + "one of the pins, or lock again (dockenv lock)");
        }
        if (UNREACHABLE.stream().anyMatch(text::contains)) {
            return Optional.of(unreachable(index));
        }
        Matcher apt = APT_MISSING.matcher(text);
        if (apt.find()) {
            return Optional.of(apt.group(1) + " is not a Debian package of the base image's release: check the "
                    + "apt setting or apt.txt (the package may have another name there)");
        }
        if (COMPILER.matcher(text).find()) {
            return Optional.of("a package compiles C code and the image has no compiler: add apt = "
                    + "[\"build-essential\"] to the dockenv settings (or a line to apt.txt), or use a version that has "
                    + "a wheel for linux");
        }
        Matcher module = NO_MODULE.matcher(text);
        if (module.find() && metadata(text)) {
            String name = module.group(1);
            return Optional.of(editable
                    ? "the project's build imports " + name + ", which the dev image's editable build does not have: "
                            + "it builds from the packaging files, the files they name and the version statements "
                            + "alone (dockenv status lists them); read the version statically (setup.cfg: version = "
                            + "attr: pkg.__version__, or [project] version)"
                    : "the project's build imports " + name + ", which is not installed while it builds: add it to "
                            + "[build-system] requires");
        }
        Matcher file = NO_FILE.matcher(text);
        if (file.find() && metadata(text) && editable) {
            return Optional.of("the project's build reads " + file.group(1) + ", which the dev image's editable build "
                    + "does not have: it builds from the packaging files and the files they name (dockenv status lists "
                    + "them); name it in the metadata (readme = \"" + file.group(1) + "\", or setup.cfg file: "
                    + "directives) so dockenv copies it");
        }
        return Optional.empty();
    }

    private static boolean metadata(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("egg_info did not run successfully") || lower.contains("metadata-generation-failed")
                || lower.contains("getting requirements to build") || lower.contains("preparing editable metadata")
                || lower.contains("preparing metadata") || lower.contains("building editable");
    }

    private static String unreachable(String index) {
        return "the build cannot reach " + index + ": check that it is up and that the engine's network reaches it "
                + "(an index on this machine's 127.0.0.1 is reached by building with the host's network)";
    }
}
