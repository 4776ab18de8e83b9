package dev.dockenv.decision;

import dev.dockenv.io.Sha256;
import dev.dockenv.project.Project;
import dev.dockenv.project.ProjectApp;
import dev.dockenv.project.RequirementsSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The digest of what a lock is resolved from: the Python version, the requirements files (and the
 * files they include) by content, the declared packages of main and dev, and the package indexes.
 * Equal inputs give an equal digest; {@code dockenv lock --check} compares it with the lock's.
 */
public final class LockInputs {
    private static final String VERSION = "dockenv-lock-inputs 1";

    private LockInputs() {
    }

    /** "sha256:hex" of what the project declares when it installs without a lock. */
    public static String digest(Project project, InstallDecision.Unlocked unlocked) {
        StringBuilder s = new StringBuilder(VERSION).append('\n');
        s.append("python ").append(project.python().version()).append('\n');
        stage(s, "main", project, unlocked.stages().main());
        stage(s, "dev", project, unlocked.stages().dev());
        // constraints change the resolution; a project without them digests as before
        project.constraints().ifPresent(c -> c.files().forEach(f -> s.append("constraints file ")
                .append(project.relative(f)).append(' ').append(contentHash(f)).append('\n')));
        var index = unlocked.index();
        index.indexUrl().ifPresent(u -> s.append("index-url ").append(u).append('\n'));
        index.extraIndexUrls().forEach(u -> s.append("extra-index-url ").append(u).append('\n'));
        index.trustedHosts().forEach(h -> s.append("trusted-host ").append(h).append('\n'));
        return "sha256:" + sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * "sha256:hex" of what an app's lock is resolved from: the shared environment's inputs
     * ({@link #digest}) and the app's requirements files by content.
     */
    public static String appDigest(Project project, InstallDecision.Unlocked unlocked, ProjectApp app) {
        StringBuilder s = new StringBuilder(VERSION).append(" app ").append(app.name()).append('\n');
        s.append("shared ").append(digest(project, unlocked)).append('\n');
        stage(s, "app main", project, new StageDependencies(app.requirements(), List.of(), List.of(), List.of()));
        stage(s, "app dev", project, new StageDependencies(app.devRequirements(), List.of(), List.of(), List.of()));
        return "sha256:" + sha256(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void stage(StringBuilder s, String group, Project project, StageDependencies stage) {
        Set<Path> files = new LinkedHashSet<>();
        for (RequirementsSet set : stage.requirements()) {
            files.add(set.file());
            files.addAll(set.files());
        }
        for (Path f : files) {
            s.append(group).append(" file ").append(project.relative(f)).append(' ').append(contentHash(f)).append('\n');
        }
        stage.packages().forEach(p -> s.append(group).append(" package ").append(p).append('\n'));
    }

    private static String contentHash(Path file) {
        if (!Files.isRegularFile(file)) {
            return "missing";
        }
        try {
            return sha256(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static String sha256(byte[] data) {
        return Sha256.hex(data);
    }
}
