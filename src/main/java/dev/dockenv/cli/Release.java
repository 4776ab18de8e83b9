package dev.dockenv.cli;

import dev.dockenv.build.BuildOptions;
import dev.dockenv.build.ImageSbom;
import dev.dockenv.sbom.Bom;
import dev.dockenv.sbom.BomContext;
import dev.dockenv.sbom.CycloneDxJson;
import java.time.Instant;
import dev.dockenv.build.EnvironmentImage;
import dev.dockenv.config.ReleaseSetting;
import dev.dockenv.dockerfile.DockerfileSummary;
import dev.dockenv.dockerfile.DockerfileSummaryReader;
import dev.dockenv.context.DeployOutputs;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.engine.ImageSummary;
import dev.dockenv.io.Utf8File;
import dev.dockenv.packaging.DistributionMetadata;
import dev.dockenv.packaging.DistributionMetadataReader;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.release.ReleaseImageBuilder;
import dev.dockenv.release.ReleaseInputs;
import dev.dockenv.release.ReleasePlan;
import dev.dockenv.release.ReleasePlanner;
import dev.dockenv.vcs.GitReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The release of the project (or of one app), shared by {@code release}, {@code push} and
 * {@code save}: the prod image built when missing, the release's tags and labels computed, and the
 * labelled image built over it with every tag.
 */
final class Release {
    private Release() {
    }

    /** A release made: what it tags and labels, and its image. */
    record Made(ReleasePlan plan, ImageSummary image, EnvironmentImage prod, String sbom) {
        ReleaseReferences references(Optional<String> repository) {
            return new ReleaseReferences(repository.orElse(plan.repository()), plan.tags(), image.id());
        }
    }

    static Made make(DockenvCommand root, String appOption, Optional<String> target, BuildOptions options) {
        return make(root, appOption, target, options, plan -> { });
    }

    /** The release, {@code check} given its plan before anything is built (push refuses a dirty tree there). */
    static Made make(DockenvCommand root, String appOption, Optional<String> target, BuildOptions options,
            java.util.function.Consumer<ReleasePlan> check) {
        Workspace workspace = Workspace.open(root);
        Project project = workspace.project();
        Optional<ProjectApp> app = AppSelection.choose(project, appOption, root.startDirectory());
        String stage = AppSelection.stage(workspace.plan(), app, Optional.of(target.orElse("prod"))).orElseThrow();
        ReleasePlan plan = plan(workspace, app, stage);
        check.accept(plan);
        EnvironmentImage prod = workspace.build(app, Optional.of(stage), options);
        var err = workspace.session().err();
        plan.notes().forEach(note -> err.println("dockenv: " + note));
        err.println("dockenv: labelling " + prod.reference() + " as " + String.join(", ", plan.references()));
        err.flush();
        String sbom = sbom(workspace, app, plan, prod);
        ImageSummary image = new ReleaseImageBuilder(workspace.session().engine()).build(prod.reference(), plan, sbom,
                new BuildReporter(err, root.verbose()));
        return new Made(plan, image, prod, sbom);
    }

    /**
     * Refuses, before anything is built, a release of a tree with uncommitted changes unless
     * {@code allowDirty}: its tags would not be a commit's. {@code verb} is what the command does
     * anyway with --allow-dirty ("push", "deploy").
     */
    static void refuseUncommitted(ReleasePlan plan, boolean allowDirty, String verb) {
        if (plan.dirty() && !allowDirty) {
            throw new DockenvException(ExitCode.USAGE, "the project has uncommitted changes: a release of it would not "
                    + "be the one of a commit (" + plan.revision().orElseThrow().shortCommit() + ")",
                    "commit (or stash) the changes, or " + verb + " anyway with --allow-dirty");
        }
    }

    /** The CycloneDX SBOM of the prod image's Python packages, dated as the release (else as the image). */
    private static String sbom(Workspace workspace, Optional<ProjectApp> app, ReleasePlan plan, EnvironmentImage prod) {
        var engine = workspace.session().engine();
        Instant when = plan.created().orElseGet(() -> engine.inspectImage(prod.reference())
                .flatMap(i -> parseInstant(i.created())).orElse(Instant.EPOCH));
        BomContext context = new BomContext(plan.name(), plan.version(), DockenvVersion.get(), when);
        Project project = workspace.project();
        Bom bom = app.isEmpty() ? ImageSbom.of(project, workspace.decision(), engine, prod.reference(), context)
                : ImageSbom.ofApp(project, workspace.decision(), workspace.appLock(app.get().name()), engine,
                        prod.reference(), context);
        return CycloneDxJson.render(bom);
    }

    private static Optional<Instant> parseInstant(String text) {
        try {
            return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * What a release would tag now, for {@code status}: without asking the engine (the base image's
     * digest is left out, which status does not show).
     */
    static ReleasePlan preview(Workspace workspace, Optional<ProjectApp> app) {
        return plan(workspace, app, "prod", false);
    }

    private static ReleasePlan plan(Workspace workspace, Optional<ProjectApp> app, String stage) {
        return plan(workspace, app, stage, true);
    }

    private static ReleasePlan plan(Workspace workspace, Optional<ProjectApp> app, String stage, boolean askEngine) {
        Project project = workspace.project();
        Session session = workspace.session();
        Path metadataRoot = app.map(a -> project.root().resolve(a.folder())).filter(Release::statesMetadata)
                .orElse(project.root());
        DistributionMetadata metadata = DistributionMetadataReader.read(metadataRoot,
                metadataRoot.equals(project.root()) ? project.pyproject() : Optional.empty());
        ReleaseSetting setting = app.map(a -> a.setting().release()).filter(r -> r.repository().isPresent())
                .orElse(project.config().release());
        if (app.isPresent() && app.get().setting().release().repository().isEmpty()
                && setting.repository().isPresent()) {
            // the project's repository is the shared base's; an app without its own gets its name beside it
            setting = new ReleaseSetting(setting.repository().map(r -> r + "-" + app.get().name()), setting.location());
        }
        String name = app.map(a -> project.name() + "-" + a.name()).orElse(project.name());
        GitReader.Result git = new GitReader(session.processes(), session.environment()).read(project.root(),
                DeployOutputs.patterns());
        String base = baseImage(workspace, stage);
        Optional<String> digest = !askEngine ? Optional.empty() : session.engine().inspectImage(base)
                .flatMap(i -> i.repoDigests().stream().filter(d -> d.contains("@"))
                        .map(d -> d.substring(d.indexOf('@') + 1)).findFirst());
        return ReleasePlanner.plan(new ReleaseInputs(name, setting, metadata, git,
                session.env("SOURCE_DATE_EPOCH"), base, digest));
    }

    /** Whether an app's folder states its own version (a pyproject.toml, setup.cfg or setup.py). */
    private static boolean statesMetadata(Path folder) {
        return List.of("pyproject.toml", "setup.cfg", "setup.py").stream().anyMatch(f -> Files.isRegularFile(folder.resolve(f)));
    }

    /** The image the stage is built FROM at the root of its chain of stages. */
    private static String baseImage(Workspace workspace, String stage) {
        Optional<Path> dockerfile = workspace.project().dockerfile();
        if (dockerfile.isEmpty()) {
            return workspace.plan().baseImage();
        }
        DockerfileSummary summary = DockerfileSummaryReader.read(dockerfile.get(), Utf8File.read(dockerfile.get()));
        String from = stage;
        Set<String> seen = new HashSet<>();
        while (summary.stage(from).isPresent() && seen.add(from)) {
            from = summary.stage(from).get().from();
        }
        return from;
    }
}
