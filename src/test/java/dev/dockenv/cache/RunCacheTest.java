package dev.dockenv.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import dev.dockenv.decision.UninstalledPackages;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCacheTest {
    @TempDir
    Path tmp;
    Path requirements;
    Path absent;
    final ResolvedRun run = new ResolvedRun("dockenv-x:dev-0123456789ab", "x", List.of("8000"),
            List.of("python", "-c", "print('a\\nb')"), Optional.of(new UninstalledPackages(
                    Map.of("pytest", "pytest is in [dependency-groups] test\u001f; add it\n"), List.of("lint", "docs"))),
            Optional.empty());

    @BeforeEach
    void setUp() throws Exception {
        requirements = Files.writeString(tmp.resolve("requirements.txt"), "flask\n");
        absent = tmp.resolve("requirements-dev.txt");
    }

    private RunCache cache(String key) {
        return new RunCache(tmp.resolve("cache"), key);
    }

    @Test
    void unchangedInputsGiveTheStoredResolution() {
        cache("k").store(run, RunCache.stamp(List.of(requirements, absent)));
        assertThat(cache("k").lookup()).contains(run);
    }

    @Test
    void aRunOfTheProjectsOwnDockerfileIsStoredUnchecked() {
        ResolvedRun own = new ResolvedRun("x:dev", "x", List.of(), List.of(), Optional.empty(), Optional.empty());
        cache("k").store(own, RunCache.stamp(List.of(requirements)));
        assertThat(cache("k").lookup()).contains(own);
    }

    @Test
    void aCheckedRunWithNothingUninstalledStaysChecked() {
        ResolvedRun none = new ResolvedRun("x:dev", "x", List.of(), List.of(),
                Optional.of(new UninstalledPackages(Map.of(), List.of())), Optional.empty());
        cache("k").store(none, RunCache.stamp(List.of(requirements)));
        assertThat(cache("k").lookup()).contains(none);
    }

    @Test
    void aRunWithServicesKeepsTheStackButNoSecret() throws Exception {
        ResolvedRun withStack = new ResolvedRun("x:dev", "x", List.of(), List.of(), Optional.empty(),
                Optional.of(new RunStack("dockenv-x-0a1b2c3d", "dockenv-x-0a1b2c3d", List.of("db", "cache"),
                        "/home/ada/x/.dockenv/app.env")));
        cache("k").store(withStack, RunCache.stamp(List.of(requirements)));
        assertThat(cache("k").lookup()).contains(withStack);
    }

    @Test
    void anotherKeyMisses() {
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        assertThat(cache("other").lookup()).isEmpty();
    }

    @Test
    void aChangedFileMisses() throws Exception {
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        Files.writeString(requirements, "flask==3.0\n");
        Files.setLastModifiedTime(requirements, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void aFileThatAppearsMisses() throws Exception {
        cache("k").store(run, RunCache.stamp(List.of(requirements, absent)));
        Files.writeString(absent, "pytest\n");
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void anInputEditedWhileBuildingIsNotStored() throws Exception {
        List<FileStamp> before = RunCache.stamp(List.of(requirements));
        Files.writeString(requirements, "flask==3.0\n");
        Files.setLastModifiedTime(requirements, FileTime.from(Instant.now().plusSeconds(5)));
        cache("k").store(run, before);
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void aCorruptCacheFileIsAMiss() throws Exception {
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        try (var files = Files.list(tmp.resolve("cache"))) {
            Path file = files.findFirst().orElseThrow();
            Files.writeString(file, "dockenv-run-cache 2\ngarbage");
        }
        assertThat(cache("k").lookup()).isEmpty();
    }

    private static final String SETS = "(?i)requirements\\.txt|requirements[-_](.+)\\.txt|(.+)[-_]requirements\\.txt";

    private List<InputStamp> withListings() {
        List<InputStamp> stamps = new java.util.ArrayList<>(RunCache.stamp(List.of(requirements)));
        stamps.add(ListingStamp.of(tmp, SETS));
        stamps.add(ListingStamp.of(tmp.resolve("requirements"), "(?i)(.+)\\.txt"));
        return stamps;
    }

    @Test
    void aRequirementsSetThatAppearsMisses() throws Exception {
        cache("k").store(run, withListings());
        Files.writeString(tmp.resolve("requirements_parser.txt"), "lark\n");
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void aSetFolderThatAppearsMisses() throws Exception {
        cache("k").store(run, withListings());
        Files.createDirectories(tmp.resolve("requirements"));
        assertThat(cache("k").lookup()).as("an empty folder changes nothing").contains(run);
        Files.writeString(tmp.resolve("requirements/prod.txt"), "gunicorn\n");
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void anyOtherFileBesideThemKeepsTheCache() throws Exception {
        cache("k").store(run, withListings());
        Files.writeString(tmp.resolve("notes.txt"), "todo\n");
        Files.createDirectories(tmp.resolve(".pytest_cache"));
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cache("k").lookup()).contains(run);
        Files.delete(tmp.resolve("requirements.txt"));
        assertThat(cache("k").lookup()).isEmpty();
    }

    @Test
    void aFolderWithOtherNewEntriesIsStoredWithItsNewStampForTheLauncher() throws Exception {
        cache("k").store(run, withListings());
        Files.writeString(tmp.resolve("notes.txt"), "todo\n");
        Files.setLastModifiedTime(tmp, FileTime.from(Instant.now().plusSeconds(5)));
        CachedRun found = cache("k").lookupEntry().orElseThrow();
        assertThat(found.run()).isEqualTo(run);
        ListingStamp root = (ListingStamp) found.stamps().get(1);
        assertThat(root.folder()).as("the stamp the launcher compares is the folder's now").isEqualTo(FileStamp.of(tmp));
        assertThat(cache("k").lookupEntry().orElseThrow().stamps()).as("stored again").isEqualTo(found.stamps());
    }

    @Test
    void aListingSurvivesTheCacheFile() {
        ListingStamp stamp = ListingStamp.of(tmp, SETS);
        assertThat(stamp.names()).containsExactly("requirements.txt");
        assertThat(InputStamp.decode(stamp.encode())).isEqualTo(stamp);
        ListingStamp none = ListingStamp.of(tmp.resolve("requirements"), "(?i)(.+)\\.txt");
        assertThat(none.names()).isEmpty();
        assertThat(InputStamp.decode(none.encode())).isEqualTo(none);
    }

    @Test
    void theKeyIsStoredAsADigestInAPrivateFile() throws Exception {
        String key = "/p|dev|http://user:SECRET-TOKEN@host/simple/|https://u:SECRET-TOKEN@x/simple/||0.1.0|1:2";
        cache(key).store(run, RunCache.stamp(List.of(requirements)));
        assertThat(cache(key).lookup()).contains(run);
        assertThat(cache(key.replace("SECRET-TOKEN", "OTHER"))).extracting(RunCache::lookup)
                .isEqualTo(java.util.Optional.empty());
        Path dir = tmp.resolve("cache");
        List<Path> files;
        try (var listing = Files.list(dir)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.get(0).getFileName().toString()).doesNotContain("SECRET-TOKEN");
        assertThat(Files.readString(files.get(0))).doesNotContain("SECRET-TOKEN").doesNotContain("host");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))))
                .isEqualTo("rw-------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
    }

    @Test
    void filesOfTheOldFormatWhichHeldTheKeyAreRemovedOnStore() throws Exception {
        Path legacy = Files.createDirectories(tmp.resolve("cache")).resolve("1a2b3c-4d5e6f.run");
        Files.writeString(legacy, "dockenv-run-cache 2\n/p|dev|http://user:SECRET-TOKEN@host/simple/\n");
        Path other = Files.writeString(tmp.resolve("cache").resolve("notes.txt"), "kept\n");
        cache("k").store(run, RunCache.stamp(List.of(requirements)));
        assertThat(legacy).doesNotExist();
        assertThat(other).exists();
        assertThat(cache("k").lookup()).contains(run);
    }

    @Test
    void aScriptsStampFollowsItsMetadataNotItsCode() throws Exception {
        String block = "# /// script\n# dependencies = [\"rich\"]\n# ///\n";
        Path script = Files.writeString(tmp.resolve("tool.py"), block + "print(1)\n");
        cache("s").store(run, List.of(ScriptStamp.of(script)));
        assertThat(cache("s").lookup()).contains(run);

        Files.writeString(script, "import sys\n" + block + "print(2)\n");
        Files.setLastModifiedTime(script, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(cache("s").lookup()).as("the code edited, the metadata the same").contains(run);

        Files.writeString(script, block.replace("rich", "rich<14") + "print(2)\n");
        Files.setLastModifiedTime(script, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(cache("s").lookup()).as("the dependencies changed").isEmpty();
    }

    @Test
    void aScriptWithoutMetadataIsNeverCurrentOnceChanged() throws Exception {
        Path script = Files.writeString(tmp.resolve("plain.py"), "print(1)\n");
        ScriptStamp stamp = ScriptStamp.of(script);
        assertThat(InputStamp.decode(stamp.encode())).isEqualTo(stamp);
        assertThat(stamp.isCurrent()).isTrue();
        Files.writeString(script, "print(2)\n");
        Files.setLastModifiedTime(script, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(stamp.isCurrent()).isFalse();
    }
}
