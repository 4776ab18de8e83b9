package dev.dockenv.cli;

import dev.dockenv.build.EnvironmentBuilder;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.plan.ContainerPaths;
import dev.dockenv.run.AccountFiles;
import dev.dockenv.run.CommandCheck;
import dev.dockenv.run.DockerRunArguments;
import dev.dockenv.run.HostUser;
import dev.dockenv.config.PortMapping;
import dev.dockenv.run.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts a container of the environment for run and shell: as the host user, the project mounted. */
final class ContainerLauncher {
    private static final String ACCOUNTS_SEPARATOR = "--dockenv-group--";

    private ContainerLauncher() {
    }

    static int launch(DockenvCommand root, RunOptions options, List<String> command, boolean defaultCommand) {
        Session session = root.session();
        List<PortMapping> ports = new ArrayList<>();
        for (String spec : options.ports) {
            ports.add(port(spec));
        }
        List<Path> envFiles = new ArrayList<>();
        for (Path f : options.envFiles) {
            Path file = session.workingDirectory().resolve(f).normalize();
            if (!Files.isRegularFile(file)) {
                throw new DockenvException(ExitCode.USAGE, "env file " + file + " does not exist", null);
            }
            envFiles.add(file);
        }
        Optional<ScriptRun> script = defaultCommand ? Optional.empty() : ScriptRun.find(root.startDirectory(), command);
        RunResolution.Ready ready = RunResolution.resolve(root, options, script.map(ScriptRun::script));
        List<String> argv0 = script.map(s -> s.commandIn(ready.root(), root.startDirectory())).orElse(command);
        if (defaultCommand) {
            argv0 = ready.run().configCommand();
            if (argv0.isEmpty()) {
                throw new DockenvException(ExitCode.USAGE, "no command to run",
                        "give one (dockenv run -- python app.py) or set command in [tool.dockenv]");
            }
            for (String spec : ready.run().configPorts()) {
                ports.add(port(spec));
            }
        }
        if (ready.run().uninstalled().isPresent()) {
            argv0 = new CommandCheck(ready.run().imageReference(),
                    ready.run().uninstalled().get().hintFor(argv0.get(0))).wrap(argv0);
        }
        HostUser user = HostUser.current();
        String name = ready.run().projectName();
        Optional<RunSpec.UserMounts> mounts = user.isRoot() ? Optional.empty()
                : Optional.of(userMounts(session, ready.root(), name, ready.imageId(), user));
        Path projectRoot = ready.root();
        Path cwd = root.startDirectory();
        String workdir = cwd.startsWith(projectRoot) && !cwd.equals(projectRoot)
                ? ContainerPaths.PROJECT + "/" + projectRoot.relativize(cwd).toString().replace('\\', '/')
                : ContainerPaths.PROJECT;
        RunSpec spec = new RunSpec(ready.run().imageReference(), projectRoot, workdir, user, mounts, ports,
                options.env, envFiles, session.interactiveTerminal(), argv0, hostname(name),
                Map.of(EnvironmentBuilder.LABEL_PROJECT, name));
        List<String> argv = new ArrayList<>(session.engine().client());
        argv.addAll(DockerRunArguments.of(spec, session.engine().runOptions(user)));
        return ExecHandoff.execute(session, argv);
    }

    private static PortMapping port(String spec) {
        return PortMapping.parse(spec).orElseThrow(() -> new DockenvException(ExitCode.USAGE,
                "'" + spec + "' is not a port", "write 8000, 8080:8000 or 0.0.0.0:8080:8000"));
    }

    private static String hostname(String project) {
        String h = project.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        return (h.isEmpty() ? "dockenv" : h.length() > 50 ? h.substring(0, 50) : h);
    }

    /**
     * passwd and group files naming the host user (the image's own entries kept), and a
     * persistent home folder, all under dockenv's cache. The image's files are read once per image.
     */
    private static RunSpec.UserMounts userMounts(Session session, Path projectRoot, String projectName,
            String imageId, HostUser user) {
        String imageKey = imageId.replace("sha256:", "");
        imageKey = imageKey.substring(0, Math.min(16, imageKey.length()));
        Path accounts = session.cacheDirectory().resolve("accounts").resolve(imageKey);
        Path imagePasswd = accounts.resolve("image-passwd");
        Path imageGroup = accounts.resolve("image-group");
        try {
            if (!Files.isRegularFile(imagePasswd) || !Files.isRegularFile(imageGroup)) {
                String both = session.engine().runForOutput(imageId,
                        List.of("sh", "-c", "cat /etc/passwd; echo " + ACCOUNTS_SEPARATOR + "; cat /etc/group"));
                int cut = both.indexOf(ACCOUNTS_SEPARATOR);
                String passwd = cut < 0 ? both : both.substring(0, cut);
                String group = cut < 0 ? "" : both.substring(cut + ACCOUNTS_SEPARATOR.length());
                AtomicFiles.write(imageGroup, group.strip() + "\n");
                AtomicFiles.write(imagePasswd, passwd.strip() + "\n");
            }
            AccountFiles files = AccountFiles.forUser(Files.readString(imagePasswd), Files.readString(imageGroup), user);
            Path forUser = accounts.resolve(user.uid() + "-" + user.gid());
            Path passwd = forUser.resolve("passwd");
            Path group = forUser.resolve("group");
            AtomicFiles.writeIfAbsent(passwd, files.passwd().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.writeIfAbsent(group, files.group().getBytes(StandardCharsets.UTF_8));
            Path home = session.cacheDirectory().resolve("homes").resolve(
                    projectName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Workspace.shortHash(projectRoot.toString()));
            Files.createDirectories(home);
            return new RunSpec.UserMounts(passwd, group, home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the container user's files in " + accounts, e);
        }
    }
}
