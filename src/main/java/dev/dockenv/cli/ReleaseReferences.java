package dev.dockenv.cli;

import dev.dockenv.engine.ImageReference;
import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The references a release gives its one image: {@code REPOSITORY:TAG} for each tag. The seam
 * between what decides the repository and the tags ({@code dockenv release}) and what pushes or
 * saves them ({@link ReleasePush}, {@link ReleaseArchive}).
 *
 * @param repository the repository, with its registry ({@code registry.example.com/team/shop})
 * @param tags       the tags, in the order they are pushed ({@code 1.4.0}, {@code sha-0a1b2c3}, {@code latest})
 * @param imageId    the image they all name ({@code sha256:...}, or a reference the engine has)
 */
record ReleaseReferences(String repository, List<String> tags, String imageId) {

    ReleaseReferences {
        tags = List.copyOf(tags);
        if (tags.isEmpty()) {
            throw new IllegalArgumentException("a release names at least one tag");
        }
        for (String tag : tags) {
            String text = repository + ":" + tag;
            ImageReference.parse(text).filter(r -> r.digest().isEmpty() && r.tag().isPresent())
                    .orElseThrow(() -> new DockenvException(ExitCode.USAGE, "'" + text + "' is not an image reference",
                            "a repository is [REGISTRY/]PATH in lower case (registry.example.com/team/shop), "
                                    + "a tag letters, digits, '_', '.' and '-'"));
        }
    }

    /** {@code REPOSITORY:TAG} for each tag, in order. */
    List<ImageReference> references() {
        List<ImageReference> references = new ArrayList<>();
        for (String tag : tags) {
            references.add(ImageReference.of(repository + ":" + tag));
        }
        return List.copyOf(references);
    }
}
