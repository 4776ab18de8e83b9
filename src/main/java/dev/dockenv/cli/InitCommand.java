package dev.dockenv.cli;

import dev.dockenv.dockerfile.Dialect;
import dev.dockenv.dockerfile.DockerfileRenderer;
import dev.dockenv.engine.EngineInfo;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.io.AtomicFiles;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.render.ComposeFile;
import dev.dockenv.render.DockerignoreFile;
import dev.dockenv.services.ComposeEnvFile;
import dev.dockenv.services.SecretStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code dockenv init}: writes the Dockerfile, .dockerignore and compose.yaml dockenv uses. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Write the Dockerfile, .dockerignore and compose.yaml that dockenv uses, to read, edit and own.",
            "Afterwards dockenv builds from your Dockerfile. Existing files are kept unless --force is given."})
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    private DockenvCommand root;

    @Option(names = "--force", description = "Overwrite existing files.")
    private boolean force;

    @Override
    public Integer call() {
        Workspace workspace = Workspace.open(root);
        Path dir = workspace.project().root();
        Dialect dialect = dialect(workspace.session());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(dir.resolve("Dockerfile"), new DockerfileRenderer(dialect)
                .render(EnvironmentDockerfile.compose(workspace.plan(), DockenvVersion.get())));
        files.put(dir.resolve(".dockerignore"), DockerignoreFile.render());
        ProjectStack stack = ProjectStack.of(workspace.session(), workspace.project());
        files.put(dir.resolve("compose.yaml"), ComposeFile.render(workspace.plan(), stack.plan(),
                stack.appPlans(), dir));
        Map<Path, String> derived = new LinkedHashMap<>();
        workspace.plan().generatedFiles().forEach(g -> derived.put(dir.resolve(g.path()), g.content()));
        if (!force) {
            List<String> existing = files.keySet().stream().filter(Files::exists)
                    .map(p -> p.getFileName().toString()).toList();
            if (!existing.isEmpty()) {
                throw new DockenvException(ExitCode.WOULD_OVERWRITE, String.join(", ", existing)
                        + (existing.size() == 1 ? " exists" : " exist") + " in " + dir + "; nothing was written",
                        "dockenv init --force overwrites them");
            }
        }
        try {
            // dockenv's own derived files (under .dockenv/) are refreshed whenever init runs
            files.putAll(derived);
            for (Map.Entry<Path, String> f : files.entrySet()) {
                AtomicFiles.write(f.getKey(), f.getValue());
                workspace.session().out().println("wrote " + dir.relativize(f.getKey())
                        + (f.getKey().endsWith("Dockerfile") && dialect == Dialect.LEGACY
                                ? " (for the legacy builder: this engine's client has no BuildKit)" : ""));
            }
            if (!stack.plan().secrets().isEmpty() && ComposeEnvFile.addMissing(dir.resolve(".env"),
                    SecretStore.of(dir).ensure(stack.plan().secrets()))) {
                workspace.session().out().println("wrote .env (the services' passwords, read by compose; keep it out "
                        + "of git)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write into " + dir, e);
        }
        return 0;
    }

    /** BuildKit (cache mounts) unless the engine answers and can only use the legacy builder. */
    private static Dialect dialect(Session session) {
        try {
            return session.engine().info().builder() == EngineInfo.BuilderKind.LEGACY ? Dialect.LEGACY : Dialect.BUILDKIT;
        } catch (DockenvException e) {
            return Dialect.BUILDKIT;
        }
    }
}
