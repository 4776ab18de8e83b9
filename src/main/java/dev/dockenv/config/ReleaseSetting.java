package dev.dockenv.config;

import dev.dockenv.errors.SourceLocation;
import java.util.Optional;

/**
 * How the project (or one app) is released, as written under {@code [tool.dockenv.release]} or
 * {@code [tool.dockenv.apps.NAME.release]}.
 *
 * @param repository the image repository the release is tagged in and pushed to, such as
 *                   {@code registry.example.com/team/shop} (no tag, no digest): when not written,
 *                   the project's (or app's) name, local to this engine
 * @param location   where it is written, for messages
 */
public record ReleaseSetting(Optional<String> repository, Optional<SourceLocation> location) {

    public static ReleaseSetting none() {
        return new ReleaseSetting(Optional.empty(), Optional.empty());
    }
}
