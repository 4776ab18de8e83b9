package dev.dockenv.release;

import dev.dockenv.config.ReleaseSetting;
import dev.dockenv.packaging.DistributionMetadata;
import dev.dockenv.vcs.GitReader;
import java.util.Optional;

/**
 * Everything a release plan is computed from, read beforehand.
 *
 * @param name            the project's (or app's) name, the repository when none is configured
 * @param setting         the release table
 * @param metadata        the version, description and license the project states
 * @param git             the commit, or why there is none
 * @param sourceDateEpoch the SOURCE_DATE_EPOCH variable as set, if it is
 * @param baseImage       the image the prod image is built FROM, as written
 * @param baseDigest      that image's registry digest (sha256:...), when the engine knows one
 */
public record ReleaseInputs(String name, ReleaseSetting setting, DistributionMetadata metadata, GitReader.Result git,
        Optional<String> sourceDateEpoch, String baseImage, Optional<String> baseDigest) {
}
