package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.config.DeploySetting;
import dev.dockenv.engine.Kubectl;
import dev.dockenv.engine.PushedImage;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.errors.IoFailures;
import dev.dockenv.k8s.DeployedApp;
import dev.dockenv.k8s.KubernetesManifests;
import dev.dockenv.k8s.ManifestFolder;
import dev.dockenv.k8s.Manifests;
import dev.dockenv.k8s.RequiredSecret;
import dev.dockenv.plan.AppPlan;
import dev.dockenv.plan.EnvironmentDockerfile;
import dev.dockenv.plan.PlannedApp;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code dockenv deploy k8s}: the release made and pushed (as {@code dockenv push}), then the app's
 * Kubernetes manifests written with the image by the digest the registry gave it, and applied with
 * kubectl when asked.
 */
@Command(name = "k8s", mixinStandardHelpOptions = true,
        description = {"Make and push the release (as dockenv push), then write the app's Kubernetes manifests "
                + "(a ConfigMap of its variables, a Service for its ports, a Deployment running the image by the "
                + "pushed digest as the prod image's unprivileged user) to FOLDER/NAME.yaml; --apply runs "
                + "`kubectl apply -f FOLDER` on kubectl's current cluster.",
            "Secret values are never written: the variables that hold a secret of the stack (DATABASE_URL ...) "
                    + "come from the Secret NAME-secrets, which you create (the command is printed).",
            "Health check: a TCP connection to the first port (--health-path PATH: an HTTP GET of PATH; "
                    + "--no-health: none)."})
final class DeployK8sCommand implements Callable<Integer> {
    @ParentCommand
    private DeployCommand parent;

    @Option(names = "--app", paramLabel = "NAME", description = "The app to deploy (default: the app whose folder "
            + "you are in, else the project).")
    private String app;

    @Option(names = {"-o", "--output"}, paramLabel = "FOLDER", description = "Where to write the manifests "
            + "(default: k8s).")
    private Path output = Path.of("k8s");

    @Option(names = "--force", description = "Overwrite a file of FOLDER that dockenv did not write.")
    private boolean force;

    @Option(names = "--apply", description = "Run kubectl apply -f FOLDER once written.")
    private boolean apply;

    @Option(names = "--allow-dirty", description = "Deploy a release of a tree with uncommitted changes.")
    private boolean allowDirty;

    @Option(names = "--replicas", paramLabel = "N", description = "How many pods (default: replicas of "
            + "[tool.dockenv.deploy], else 1).")
    private Integer replicas;

    @Option(names = "--health-path", paramLabel = "PATH", description = "Probe the app with an HTTP GET of PATH "
            + "on its first port (default: health-path of [tool.dockenv.deploy], else a TCP connection to it).")
    private String healthPath;

    @Option(names = {"--no-healthcheck", "--no-health"}, description = "No readiness, liveness or startup probe "
            + "(healthcheck = false in [tool.dockenv.deploy]).")
    private boolean noHealth;

    @Option(names = "--uid", paramLabel = "UID", description = "The user id the container runs as (default: the "
            + "prod image's, " + EnvironmentDockerfile.APP_UID + "; required with your own Dockerfile).")
    private Long uid;

    @Option(names = {"-q", "--quiet"}, description = "Do not print the client's push progress.")
    private boolean quiet;

    @Override
    public Integer call() {
        DockenvCommand root = parent.root();
        if (replicas != null && replicas < 0) {
            throw new DockenvException(ExitCode.USAGE, "--replicas cannot be negative: " + replicas, "give 0 or more");
        }
        K8sHealth given = new K8sHealth(Optional.ofNullable(healthPath), noHealth);
        Workspace workspace = Workspace.open(root);
        Project project = workspace.project();
        Optional<ProjectApp> chosen = AppSelection.choose(project, app, root.startDirectory());
        DeploySetting setting = ServerRelease.deploySetting(project, chosen);
        K8sHealth health = healthPath != null || noHealth ? given
                : new K8sHealth(setting.healthPath(), setting.noHealthcheck());
        int pods = replicas != null ? replicas : setting.replicas().orElse(1);
        long user = user(project);
        Release.Made made = Release.make(root, app, Optional.empty(), new BuildOptions(false, false, false), plan -> Release.refuseUncommitted(plan, allowDirty, "deploy"));
        Session session = root.session();
        PrintWriter err = session.err();
        if (made.plan().repository().indexOf('/') < 0) {
            err.println("dockenv: " + made.plan().repository() + " names no registry: docker pushes it to Docker Hub "
                    + "(set [tool.dockenv.release] repository to the registry your cluster pulls from)");
        }
        List<PushedImage> pushed = new ReleasePush(session, quiet).push(made.references(Optional.empty()));
        AppPlan appPlan = chosen.flatMap(a -> workspace.plan().plannedApp(a.name())).map(PlannedApp::app)
                .orElse(workspace.plan().app());
        K8sDeployment deployment = new K8sDeployment(made.plan(), pushed, appPlan, project.config().environment(),
                ProjectStack.of(session, project).plan(chosen).appEnvironment(), project.dockerfile().isEmpty(), user,
                pods, health);
        DeployedApp deployed = deployment.deployedApp();
        Manifests manifests = KubernetesManifests.render(deployed);
        Path folder = root.startDirectory().resolve(output).normalize();
        List<ManifestFolder.Written> written;
        try {
            written = new ManifestFolder(folder).write(List.of(manifests), force);
        } catch (IOException e) {
            throw IoFailures.writing(folder, e);
        }
        for (ManifestFolder.Written w : written) {
            err.println("dockenv: " + w.file() + " " + w.outcome().name().toLowerCase(java.util.Locale.ROOT)
                    + " (image " + deployed.image().reference() + ")");
        }
        for (RequiredSecret secret : manifests.requiredSecrets()) {
            err.println("dockenv: the app reads the Secret " + secret.name() + ", which you create in the cluster: "
                    + secret.createCommand(deployed.image()));
        }
        err.flush();
        if (apply) {
            String applied = new Kubectl(session.processes(), session.environment()).apply(folder);
            session.out().print(applied);
        } else {
            err.println("dockenv: apply them with: kubectl apply -f " + folder);
        }
        session.out().flush();
        err.flush();
        return 0;
    }

    /** The user the container runs as: --uid, else the prod image's (dockenv's Dockerfile), else a usage error. */
    private long user(Project project) {
        if (uid != null) {
            if (uid < 1) {
                throw new DockenvException(ExitCode.USAGE, "--uid " + uid + " would run the app as root",
                        "give the unprivileged user id the image runs as (Kubernetes' runAsNonRoot refuses 0)");
            }
            return uid;
        }
        if (project.dockerfile().isPresent()) {
            throw new DockenvException(ExitCode.USAGE, "the project builds with its own Dockerfile ("
                    + project.dockerfile().get() + "): dockenv does not know the user its prod image runs as",
                    "give it: dockenv deploy k8s --uid UID (never 0: the pod runs as non-root)");
        }
        return EnvironmentDockerfile.APP_UID;
    }
}
