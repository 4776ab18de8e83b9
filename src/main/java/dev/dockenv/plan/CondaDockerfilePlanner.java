package dev.dockenv.plan;

import dev.dockenv.deps.FileUrls;
import dev.dockenv.deps.GlobalOption;
import dev.dockenv.deps.IncludeFile;
import dev.dockenv.deps.LocalRequirement;
import dev.dockenv.deps.RequirementsEntry;
import dev.dockenv.deps.RequirementsFileParser;
import dev.dockenv.errors.InputException;
import dev.dockenv.errors.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import dev.dockenv.lock.conda.CondaEnvironment;
import dev.dockenv.lock.conda.MatchSpec;
import dev.dockenv.lock.conda.PipLine;

/**
 * Plans how an image builds a conda environment on a {@code mambaorg/micromamba} image, the way
 * micromamba-docker documents it, keeping conda's order: the conda packages first (a derived
 * environment file without the pip: list, for {@code micromamba install --name base --file}),
 * then the {@code pip:} lines with the environment's own pip, as conda runs them
 * ({@code pip install -U -r FILE --exists-action=b}, in the environment file's directory), then
 * {@code variables:} as image environment variables (micromamba's own support for them varies by
 * version; conda applies them only on activation, after installing). Pure: nothing is read or run.
 */
public final class CondaDockerfilePlanner {
    /** Where the derived files go, project-relative (a {@link GeneratedFile} folder). */
    public static final String GENERATED_DIR = GeneratedFile.FOLDER + "conda/";
    public static final String CONDA_FILE = GENERATED_DIR + "environment.yml";
    public static final String PIP_FILE = GENERATED_DIR + "pip-requirements.txt";
    /** The channel a derived file names when the environment file names none, as repo2docker and Miniforge do. */
    public static final String DEFAULT_CHANNEL = "conda-forge";
    private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");
    /** Any absolute root will do: project-root checks compare paths under it. */
    private static final Path ROOT = Path.of("/project").toAbsolutePath();

    /**
     * The requirements files a pip: list includes, as the project read them.
     *
     * @param files                   every file and local path they read, project-relative, to copy
     * @param requirementsFiles       which of them are requirements files (copied together)
     * @param filesInstallingProject  those with a line installing the project itself ({@code -e .})
     * @param projectExtras           the extras such lines ask for ({@code -e .[test]})
     */
    public record Includes(List<String> files, Set<String> requirementsFiles, List<String> filesInstallingProject,
            Set<String> projectExtras) {
        public Includes {
            files = List.copyOf(files);
            requirementsFiles = Set.copyOf(requirementsFiles);
            filesInstallingProject = List.copyOf(filesInstallingProject);
            projectExtras = Set.copyOf(projectExtras);
        }

        public static Includes none() {
            return new Includes(List.of(), Set.of(), List.of(), Set.of());
        }
    }

    /**
     * What the rest of the project brings to the environment's build.
     *
     * @param baseImage           the micromamba image
     * @param python              a Python version another file names (.python-version ...): the
     *                            derived file pins it when the environment's python names none
     * @param includes            what the pip: list's {@code -r}/{@code -c} files read
     * @param projectRequirements the requirements of the project itself for the extras asked of
     *                            it, installed in place of {@code -e .} (pyproject dependencies)
     * @param notInstalled        the project's other dependency sources, left out (each with the
     *                            way to bring it in), for the Dockerfile to say so
     */
    public record Inputs(String baseImage, Optional<String> python, Includes includes,
            Function<Set<String>, List<String>> projectRequirements, List<String> notInstalled) {

        public Inputs {
            notInstalled = List.copyOf(notInstalled);
        }

        /** Nothing beyond the environment file, on the given micromamba image. */
        public static Inputs of(String baseImage) {
            return new Inputs(baseImage, Optional.empty(), Includes.none(), extras -> List.of(), List.of());
        }
    }

    private CondaDockerfilePlanner() {
    }

    /**
     * @param env     the environment file, as read
     * @param envFile its path in the project, with '/' ({@code environment.yml},
     *                {@code binder/environment.yml})
     */
    public static CondaDockerfilePlan plan(CondaEnvironment env, String envFile, Inputs inputs) {
        String envDir = parentOf(envFile);
        PipPart pip = pipPart(env, envDir);
        boolean installsProject = pip.installsProject() || !inputs.includes().filesInstallingProject().isEmpty();
        Set<String> extras = new TreeSet<>(pip.projectExtras());
        extras.addAll(inputs.includes().projectExtras());
        List<String> projectRequirements = installsProject ? inputs.projectRequirements().apply(extras) : List.of();

        Optional<GeneratedFile> pipFile = Optional.empty();
        if (!pip.lines().isEmpty() || !projectRequirements.isEmpty()) {
            StringBuilder text = new StringBuilder("# Derived by dockenv from the pip: list of " + envFile
                    + ". Do not edit: dockenv rewrites it.\n");
            pip.lines().forEach(l -> text.append(l).append('\n'));
            if (!projectRequirements.isEmpty()) {
                text.append("# the project's own dependencies (pyproject.toml), in place of the line installing it:\n");
                projectRequirements.forEach(r -> text.append(r).append('\n'));
            }
            pipFile = Optional.of(new GeneratedFile(PIP_FILE, text.toString()));
        }
        Set<String> copies = new LinkedHashSet<>(pip.copies());
        copies.addAll(inputs.includes().files());
        boolean pinned = inputs.python().isPresent()
                || env.python().filter(d -> d.text().matches("\\d+\\.\\d+(\\.\\d+)?")).isPresent();
        GeneratedFile condaFile = new GeneratedFile(CONDA_FILE, condaPart(env, envFile, inputs.python()));
        return new CondaDockerfilePlan(envFile, inputs.baseImage(), condaFile, pipFile, List.copyOf(copies),
                inputs.includes().requirementsFiles(),
                inputs.includes().filesInstallingProject(), installsProject, env.variables(), pinned,
                inputs.notInstalled(), installsProject ? extras : Set.of());
    }

    /**
     * The environment file without its pip: list, as micromamba reads it, with what the build
     * needs added: a channel when it names none, Python (pinned to the version another file
     * names), and pip (dockenv's later steps run the environment's pip).
     */
    static String condaPart(CondaEnvironment env, String envFile, Optional<String> python) {
        List<String> added = new ArrayList<>();
        List<String> channels = new ArrayList<>(env.channelNames());
        if (channels.isEmpty()) {
            channels.add(DEFAULT_CHANNEL);
            added.add("channel " + DEFAULT_CHANNEL + " (" + envFile + " names none)");
        }
        List<String> specs = new ArrayList<>();
        boolean hasPython = false;
        for (MatchSpec spec : env.dependencies()) {
            String text = specText(spec);
            if (spec.isPython() && !hasPython) {
                hasPython = true;
                if (python.isPresent()) {
                    // the version the project names elsewhere (checked against this entry's range, if any)
                    text = spec.channel().map(c -> c + "::").orElse("") + "python=" + python.get();
                    added.add(text + " in place of '" + specText(spec) + "' (the version the project names elsewhere)");
                }
            }
            specs.add(text);
        }
        if (!hasPython) {
            specs.add(0, python.map(v -> "python=" + v).orElse("python"));
            added.add(python.map(v -> "python=" + v + " (the version the project names elsewhere)")
                    .orElse("python (a dockenv environment is a Python environment)"));
        }
        if (!env.listsPip()) {
            specs.add("pip");
            added.add("pip (dockenv installs the pip: list and dev dependencies with the environment's pip)");
        }
        StringBuilder s = new StringBuilder();
        s.append("# Derived by dockenv from ").append(envFile)
                .append(": its conda packages (the pip: list is installed afterwards). Do not edit: dockenv rewrites it.\n");
        for (String a : added) {
            s.append("# added: ").append(a).append('\n');
        }
        s.append("name: base\n");
        s.append("channels:\n");
        channels.forEach(c -> s.append("  - ").append(yamlString(c)).append('\n'));
        s.append("dependencies:\n");
        specs.forEach(d -> s.append("  - ").append(yamlString(d)).append('\n'));
        return s.toString();
    }

    /** The spec without the comment conda would cut off. */
    private static String specText(MatchSpec spec) {
        String text = spec.text();
        int hash = text.indexOf('#');
        return (hash < 0 ? text : text.substring(0, hash)).strip();
    }

    /** A YAML double-quoted scalar (JSON escapes, which YAML 1.2 shares). */
    static String yamlString(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\t' -> s.append("\\t");
                case '\r' -> s.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** The pip lines to install, the project files they name, whether one installs the project, with which extras. */
    private record PipPart(List<String> lines, List<String> copies, boolean installsProject, Set<String> projectExtras) {
    }

    private static PipPart pipPart(CondaEnvironment env, String envDir) {
        List<String> lines = new ArrayList<>();
        Set<String> copies = new LinkedHashSet<>();
        boolean installsProject = false;
        Set<String> extras = new TreeSet<>();
        Path base = envDir.isEmpty() ? ROOT : ROOT.resolve(envDir);
        for (PipLine line : env.pipLines()) {
            boolean project = false;
            String text = line.text();
            for (RequirementsEntry entry : RequirementsFileParser.parse(env.file(), line.text()).entries()) {
                if (entry instanceof LocalRequirement local) {
                    if (LocalRequirement.isProjectRoot(ROOT, base.resolve(local.path()).normalize())) {
                        project = true;
                        extras.addAll(local.extras());
                    } else {
                        copies.add(projectPath(envDir, local.path(), line.location()));
                    }
                } else if (entry instanceof IncludeFile include && !include.isRemote()) {
                    String path = localPath(include.rawPath(), line.location());
                    copies.add(projectPath(envDir, path, line.location()));
                    if (FileUrls.isFileUrl(include.rawPath())) {
                        // pip reads -r file:X against / (file:///X): the derived file names the path itself
                        text = (include.kind() == IncludeFile.Kind.CONSTRAINTS ? "-c " : "-r ") + path;
                    }
                } else if (entry instanceof GlobalOption option && option.is(GlobalOption.FIND_LINKS)
                        && option.value().filter(v -> !URL_SCHEME.matcher(v).matches()).isPresent()) {
                    copies.add(projectPath(envDir, option.value().get(), line.location()));
                }
            }
            if (project) {
                installsProject = true;
            } else {
                lines.add(text);
            }
        }
        return new PipPart(lines, List.copyOf(copies), installsProject, extras);
    }

    /** The path a pip: line's {@code -r}/{@code -c} names: as written, or a {@code file:} URL's path (pip reads both). */
    private static String localPath(String raw, SourceLocation at) {
        if (FileUrls.isFileUrl(raw)) {
            return FileUrls.toPath(raw); // relative (file:requirements.txt) as conda and pip read it; absolute is refused
        }
        if (URL_SCHEME.matcher(raw).matches()) {
            throw new InputException(at, "dockenv copies the files a pip: line includes by their path, not '" + raw
                    + "'", "write the path relative to the environment file, e.g. -r requirements.txt");
        }
        return raw;
    }

    /** {@code rel} (relative to the environment file's directory) as a normalized project path. */
    static String projectPath(String envDir, String rel, SourceLocation at) {
        if (rel.startsWith("/") || rel.matches("^[A-Za-z]:[\\\\/].*")) {
            throw new InputException(at, "the pip: line names the absolute path " + rel
                    + ", which a container build cannot see", "write it relative to the environment file");
        }
        Deque<String> parts = new ArrayDeque<>();
        for (String part : ((envDir.isEmpty() ? "" : envDir + "/") + rel).split("[/\\\\]+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new InputException(at, "the pip: line names " + rel + ", outside the project directory",
                            "the project directory is all a container build can see: move it into the project");
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        return parts.isEmpty() ? "." : String.join("/", parts);
    }

    private static String parentOf(String envFile) {
        int slash = envFile.lastIndexOf('/');
        return slash < 0 ? "" : envFile.substring(0, slash);
    }
}
