package dev.dockenv.lock.pipenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dockenv.errors.InputException;
import dev.dockenv.lock.LockFile;
import dev.dockenv.lock.pipenv.PipfileDigest.Scheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PipfileDigestTest {

    /**
     * Each pair was locked by the real pipenv (Debian's 2022.12.19, offline against a local index):
     * its _meta.hash.sha256 is pipenv's own digest of the Pipfile beside it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"simple", "rich", "sources", "categories", "no-source", "non-ascii", "crlf-escapes"})
    void reproducesTheHashThatRealPipenvWroteIntoTheLock(String pair) {
        LockFile lock = PipfileLockReader.read(Fixtures.lock(pair));
        Path pipfile = Fixtures.pipfile(pair);
        assertThat(PipfileDigest.of(pipfile, Scheme.PLETTE_CATEGORIES)).isEqualTo(lock.inputsDigest().orElseThrow());
        assertThat(PipfileDigest.isUpToDate(pipfile, lock)).isTrue();
    }

    /**
     * Every scheme, against reference_digests.py in the fixture README: PLETTE_CATEGORIES is pipenv
     * 2022.12.19's plette.Pipfile.load().get_hash(); the other columns rebuild the older and newer
     * pipenv code paths in Python on the same TOML loaders.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "categories/Pipfile, PIPFILE_LIBRARY, f4e639220aafedf8751c75bf538ac1753f58da9dd0fe2ff67f37a8ce7c90eabf",
        "categories/Pipfile, PLETTE, f4e639220aafedf8751c75bf538ac1753f58da9dd0fe2ff67f37a8ce7c90eabf",
        "categories/Pipfile, PLETTE_CATEGORIES, 92210521dab927259e6280a5eb3da8c13aa1559f131998e67cf5ed2c146dc393",
        "categories/Pipfile, CANONICAL_NAMES, 92210521dab927259e6280a5eb3da8c13aa1559f131998e67cf5ed2c146dc393",
        "no-source/Pipfile, PIPFILE_LIBRARY, 2cf9b35b33ae764399f957ef6f2a929e38da0209ef9815af28768f75e3fcdfa4",
        "no-source/Pipfile, PLETTE, ed6d5d614626ae28e274e453164affb26694755170ccab3aa5866f093d51d3e4",
        "no-source/Pipfile, CANONICAL_NAMES, ed6d5d614626ae28e274e453164affb26694755170ccab3aa5866f093d51d3e4",
        "non-ascii/Pipfile, PIPFILE_LIBRARY, 7e99f34fe1de191dd7ba37fc806833c8f3aed1356f031b23e8ece34b762a6313",
        "non-ascii/Pipfile, CANONICAL_NAMES, e0613981baa187ee9c958f4abc8ab0ea073ddda94f0e8ac04a3b75a2e3c7cf7d",
        "rich/Pipfile, CANONICAL_NAMES, 2646dd75530b2816a1e77eca8710876b3f2339a4da8107fcd96732ebe5a30525",
        "crlf-escapes/Pipfile, PIPFILE_LIBRARY, a519af975efcedd846bc64d9009d367316ee961e9028e65244f761c443523f12",
        "simple/Pipfile, CANONICAL_NAMES, b4149600066485fdcdcfe2e1d5a754d28a1593249748c146e4122cc7829645ab",
        // numbers (0x1F, 1e16, 1e-05, -0.0, 2^53+1), dotted keys, a leading blank line, no [[source]]
        "digest/floats-and-tables.Pipfile, PLETTE, 6af8524f93a5bfc685c22e7acc6a97ef37d1f596a8a6a641497d975fb41ec0c7",
        "digest/floats-and-tables.Pipfile, PLETTE_CATEGORIES, f0495c6170f2901e663ce6f7c83b251435ec3448c480fd71f39ad133da51d577",
        "digest/floats-and-tables.Pipfile, CANONICAL_NAMES, 2cb1e8cc8cf08243324633936f1c5732be2bb39873de51d5303c6f6f486fb996",
        // escaped keys and control characters; U+FB01 sorts before U+1F600 (by code point, not UTF-16)
        "digest/key-order.Pipfile, PLETTE_CATEGORIES, 70a47c1b53a4101b59f4c11edbb0a684677a44d15c128ba74289b06814d5a780",
        "digest/key-order.Pipfile, CANONICAL_NAMES, 70a47c1b53a4101b59f4c11edbb0a684677a44d15c128ba74289b06814d5a780",
    })
    void eachSchemeMatchesItsPythonReference(String fixture, Scheme scheme, String digest) {
        assertThat(PipfileDigest.of(Fixtures.path(fixture), scheme)).isEqualTo(digest);
    }

    /**
     * Pipfiles published in pipenv's issue tracker with the hashes real pipenv releases wrote for
     * them: pypa/pipenv#4699 (pipenv 2021, the pipfile library; the same hashes quoted again in
     * pull request #6609 for pipenv 2026.4+) and pypa/pipenv#6664 (pipenv 2026.0.3, and the hash the
     * newest pipenv expects; this Pipfile has no [[source]]).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "issue-4699-mixed-case.Pipfile, PIPFILE_LIBRARY, c99365b83495db0f676ba97f11db58b35955f8f5e7da5b56495dbf7044d303bf",
        "issue-4699-lower-case.Pipfile, PIPFILE_LIBRARY, d993d725f2bfe31e06c4a1f3716caf2d4b1a9a5d8cb8d24a140b58eabe90a3e3",
        "issue-4699-mixed-case.Pipfile, CANONICAL_NAMES, d993d725f2bfe31e06c4a1f3716caf2d4b1a9a5d8cb8d24a140b58eabe90a3e3",
        "issue-4699-lower-case.Pipfile, CANONICAL_NAMES, d993d725f2bfe31e06c4a1f3716caf2d4b1a9a5d8cb8d24a140b58eabe90a3e3",
        "issue-6664.Pipfile, PLETTE_CATEGORIES, 59f3713f2f5778ed7113e0a466d77160d0f19cbe6a2bdd75d73e9170b4a67f49",
        "issue-6664.Pipfile, CANONICAL_NAMES, 621a7675a3672c3842f729f3050624a95db15f1fa190a9839207c18c999f17d6",
    })
    void reproducesHashesPublishedByPipenvUsers(String fixture, Scheme scheme, String digest) {
        assertThat(PipfileDigest.of(Fixtures.path("digest/" + fixture), scheme)).isEqualTo(digest);
    }

    @Test
    void theCurrentSchemeNormalizesPackageNames() {
        Path pipfile = Fixtures.pipfile("rich");
        Map<Scheme, String> all = PipfileDigest.all(pipfile);
        assertThat(all).containsOnlyKeys(Scheme.values());
        assertThat(PipfileDigest.of(pipfile)).isEqualTo(all.get(Scheme.CANONICAL_NAMES))
                .isNotEqualTo(all.get(Scheme.PLETTE_CATEGORIES));
        String written = PipfileLockReader.read(Fixtures.lock("rich")).inputsDigest().orElseThrow();
        assertThat(PipfileDigest.matching(pipfile, written)).contains(Scheme.PLETTE_CATEGORIES);
        assertThat(PipfileDigest.matching(pipfile, "0".repeat(64))).isEmpty();
    }

    @Test
    void aChangedPipfileMakesTheLockStale(@TempDir Path dir) throws IOException {
        Path pipfile = dir.resolve("Pipfile");
        Files.writeString(pipfile, Files.readString(Fixtures.pipfile("simple")).replace("colorsay = \"*\"",
                "colorsay = \"*\"\ngreeting = \"*\""));
        LockFile lock = PipfileLockReader.read(Fixtures.lock("simple"));
        assertThat(PipfileDigest.isUpToDate(pipfile, lock)).isFalse();
    }

    @Test
    void commentsAndLayoutDoNotChangeTheDigest(@TempDir Path dir) throws IOException {
        Path pipfile = dir.resolve("Pipfile");
        Files.writeString(pipfile, "# a comment\n[[source]]\nname = 'local'\nverify_ssl = false\n"
                + "url = \"http://127.0.0.1:18741/simple\"\n[requires]\npython_version = '3.11'\n"
                + "[dev-packages]\ndevtool = {version = \"==0.3.0\"}\n[packages]\n\"colorsay\" = \"*\"   # ok\n");
        // {version = "==0.3.0"} is not "==0.3.0": only the layout may change
        assertThat(PipfileDigest.of(pipfile, Scheme.PLETTE_CATEGORIES))
                .isNotEqualTo("b4149600066485fdcdcfe2e1d5a754d28a1593249748c146e4122cc7829645ab");
        Files.writeString(pipfile, Files.readString(pipfile).replace("{version = \"==0.3.0\"}", "\"==0.3.0\""));
        assertThat(PipfileDigest.of(pipfile, Scheme.PLETTE_CATEGORIES))
                .isEqualTo("b4149600066485fdcdcfe2e1d5a754d28a1593249748c146e4122cc7829645ab");
    }

    @Test
    void aDateCannotBeHashed(@TempDir Path dir) throws IOException {
        Path pipfile = dir.resolve("Pipfile");
        Files.writeString(pipfile, "[packages]\nx = {version = \"*\", when = 2024-01-01}\n");
        assertThatThrownBy(() -> PipfileDigest.of(pipfile)).isInstanceOf(InputException.class)
                .hasMessage(pipfile + ":2:21: packages.x.when: pipenv cannot hash a date or time value "
                        + "(json.dumps rejects it)");
    }

    @Test
    void aSyntaxErrorIsReportedAtItsPlaceInThePipfile(@TempDir Path dir) throws IOException {
        Path pipfile = dir.resolve("Pipfile");
        Files.writeString(pipfile, "[packages]\nx = \"*\n");
        assertThatThrownBy(() -> PipfileDigest.of(pipfile)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(pipfile + ":2:").hasMessageContaining("invalid TOML");
    }
}
