package dev.dockenv.config;

import dev.dockenv.errors.InputException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.tomlj.TomlTable;

/** Reads a {@code release} table: its keys, and the repository checked as an image name at its line. */
final class ReleaseSettingReader {
    static final String KEY = "release";
    static final String EXPECTED = "a table: repository = \"registry.example.com/team/shop\"";
    private static final String REPOSITORY = "repository";

    private ReleaseSettingReader() {
    }

    /** The table at {@code owner + release}, or none when it is not written. */
    static ReleaseSetting read(TomlDocument doc, List<String> owner) {
        List<String> at = Stream.concat(owner.stream(), Stream.of(KEY)).toList();
        if (!doc.contains(at)) {
            return ReleaseSetting.none();
        }
        TomlTable table = doc.table(at).orElseThrow(() -> doc.wrongType(at, EXPECTED));
        StackSettingsReader.refuseUnknownKeys(doc, at, table, List.of(REPOSITORY), "a release table");
        List<String> key = Stream.concat(at.stream(), Stream.of(REPOSITORY)).toList();
        Optional<String> repository = doc.string(key, "an image repository such as \"registry.example.com/team/shop\"");
        repository.ifPresent(r -> ImageReference.repositoryProblem(r).ifPresent(problem -> {
            throw new InputException(doc.locationOf(key), TomlDocument.key(key) + ": '" + ImageReference.printable(r)
                    + "' is not an image repository: " + problem, "write the repository without a tag, such as "
                    + "\"registry.example.com/team/shop\" or \"127.0.0.1:5000/shop\" (lower case): dockenv release "
                    + "adds the tags");
        }));
        return new ReleaseSetting(repository, repository.map(r -> doc.locationOf(key)));
    }
}
