package dev.dockenv.release;

import dev.dockenv.config.ImageReference;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import dev.dockenv.plan.ImageNames;
import dev.dockenv.vcs.GitReader;
import dev.dockenv.vcs.GitRevision;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes a release's tags and labels. The creation time is SOURCE_DATE_EPOCH when set, else the
 * commit's time, never the clock: the same commit gives the same labels on any machine, in any
 * folder (no label holds a path of this machine).
 */
public final class ReleasePlanner {
    private ReleasePlanner() {
    }

    public static ReleasePlan plan(ReleaseInputs in) {
        List<String> notes = new ArrayList<>();
        String repository = in.setting().repository().orElseGet(() -> localRepository(in.name()));
        Optional<GitRevision> revision = in.git() instanceof GitReader.Result.Found found
                ? Optional.of(found.revision()) : Optional.empty();
        if (in.git() instanceof GitReader.Result.None none) {
            notes.add("no sha- tag and no revision label: " + none.why());
        }
        if (in.metadata().version().isEmpty()) {
            notes.add("no version tag: " + in.metadata().versionSource());
        }
        revision.filter(GitRevision::dirty).ifPresent(r -> notes.add("the tree has uncommitted changes: the revision "
                + "tag is " + ReleaseTags.revisionTag(r) + " (push refuses it without --allow-dirty)"));
        Optional<Instant> created = created(in.sourceDateEpoch()).or(() -> revision.map(GitRevision::commitTime));
        if (created.isEmpty()) {
            notes.add("no created label: set SOURCE_DATE_EPOCH, or commit the project to git");
        }

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(OciLabels.TITLE, in.name());
        in.metadata().description().ifPresent(d -> labels.put(OciLabels.DESCRIPTION, oneLine(d)));
        in.metadata().version().ifPresent(v -> labels.put(OciLabels.VERSION, v));
        revision.ifPresent(r -> labels.put(OciLabels.REVISION, r.commit()));
        revision.flatMap(GitRevision::source).ifPresent(s -> labels.put(OciLabels.SOURCE, oneLine(s)));
        created.ifPresent(c -> labels.put(OciLabels.CREATED, DateTimeFormatter.ISO_INSTANT.format(c)));
        in.metadata().license().ifPresent(l -> labels.put(OciLabels.LICENSES, oneLine(l)));
        labels.put(OciLabels.BASE_NAME, qualified(in.baseImage()));
        in.baseDigest().ifPresent(d -> labels.put(OciLabels.BASE_DIGEST, d));
        return new ReleasePlan(in.name(), repository, ReleaseTags.of(in.metadata().version(), revision), labels,
                in.metadata().version(), revision, created, notes);
    }

    /** The repository of a release that configures none: the name, as an image name (lower case). */
    static String localRepository(String name) {
        return ImageNames.component(name, "app");
    }

    private static Optional<Instant> created(Optional<String> sourceDateEpoch) {
        Optional<String> value = sourceDateEpoch.map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().matches("[0-9]{1,12}")) {
            throw new DockenvException(ExitCode.USAGE, "SOURCE_DATE_EPOCH='" + ImageReference.printable(value.get())
                    + "' is not a number of seconds since 1970", "set it to a Unix time such as "
                    + "$(git log -1 --format=%ct), or unset it to use the commit's time");
        }
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.get())));
    }

    /** docker.io/library/python:3.11-slim for python:3.11-slim, as the OCI spec wants a full reference. */
    static String qualified(String image) {
        // the registry as docker decides it (engine.ImageReference): the first component when it looks like a host
        return dev.dockenv.engine.ImageReference.parse(image).filter(r -> r.registry().isEmpty())
                .map(r -> "docker.io/" + (r.path().contains("/") ? "" : "library/") + image).orElse(image);
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }
}
