package dev.dockenv.lock.pipenv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dockenv.errors.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken Pipfiles and Pipfile.locks: each is one InputException at file:line:column, never a stack trace. */
class MalformedInputTest {
    private static final String SOURCE = "[[source]]\nname = \"pypi\"\nurl = \"https://pypi.org/simple\"\n"
            + "verify_ssl = true\n";
    private static final String HEX = "ab".repeat(32);

    @TempDir
    Path dir;

    private InputException failure(String fileName, String content, Consumer<Path> reader) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content);
        InputException e = catchThrowableOfType(InputException.class, () -> reader.accept(file));
        assertThat(e).as("an InputException for:\n" + content).isNotNull();
        assertThat(e.location().file()).isEqualTo(file);
        return e;
    }

    private static Arguments bad(String content, int line, int column, String fragment) {
        return Arguments.of(content, line, column, fragment);
    }

    static Stream<Arguments> pipfiles() {
        return Stream.of(
                bad("[packages]\nrequests = \"*\n", 2, 14, "invalid TOML"),
                bad("[packages]\na = \"*\"\na = \"1\"\n", 3, 1, "invalid TOML"),
                bad("packages = 3\n", 1, 1, "packages: expected a table of packages"),
                bad("[packages]\nrequests = 3\n", 2, 1, "packages.requests: expected a version string"),
                bad("[packages]\nrequests = \">=1,<\"\n", 2, 1, "invalid version '>=1,<' for requests"),
                bad("[packages]\nrequests = \"==1..2\"\n", 2, 1, "invalid version '==1..2' for requests"),
                bad("[packages]\nrequests = {version = \"=>1\"}\n", 2, 13, "invalid version '=>1' for requests"),
                bad("[packages]\nrequests = {version = 2}\n", 2, 13, "packages.requests.version: expected a string"),
                bad("[packages]\nrequests = {markers = \"os_name = 'nt'\"}\n", 2, 13,
                        "invalid markers 'os_name = 'nt'' for requests"),
                bad("[packages]\nrequests = {sys_platform = \"linux\"}\n", 2, 13,
                        "invalid sys_platform 'sys_platform linux' for requests"),
                bad("[packages]\nrequests = {extras = \"socks\"}\n", 2, 13, "expected an array of extra names"),
                bad("[packages]\nrequests = {extras = [\"ok\", \"so cks\"]}\n", 2, 29, "expected extra names"),
                bad("[packages]\nrequests = {vesion = \"*\"}\n", 2, 13, "unknown key 'vesion' in the entry for requests"),
                bad(SOURCE + "[packages]\nrequests = {version = \"*\", index = \"pipy\"}\n", 6, 28,
                        "index 'pipy' names no [[source]] of the Pipfile"),
                bad("[packages]\nrequests = {version = \"*\", index = \"internal\"}\n", 2, 28,
                        "index 'internal' names no [[source]]"),
                bad("[packages]\nx = {path = \".\", git = \"https://e.org/x\"}\n", 2, 18,
                        "gives both path and git"),
                bad("[packages]\nx = {version = \"*\", ref = \"main\"}\n", 2, 21, "ref is only meaningful with git"),
                bad("[packages]\nx = {path = \".\", subdirectory = \"a\"}\n", 2, 18, "subdirectory is only meaningful"),
                bad("[packages]\nx = {path = \".\", editable = \"yes\"}\n", 2, 18,
                        "packages.x.editable: expected true or false"),
                bad("[packages]\nx = {path = \"\"}\n", 2, 6, "path: expected a path or URL"),
                bad("[packages]\nx = {git = \"https://e.org/a b\"}\n", 2, 1, "is not a valid requirement"),
                bad("[packages]\n\"-bad\" = \"*\"\n", 2, 1, "'-bad' is not a valid package name"),
                bad("[source]\nurl = \"https://pypi.org/simple\"\n", 1, 1,
                        "source: expected an array of tables, each written [[source]]"),
                bad("[[source]]\nname = \"a\"\n", 1, 1, "this [[source]] has no url"),
                bad("[[source]]\nname = \"a\"\nurl = 3\n", 3, 1, "source.url: expected a non-empty string"),
                bad("[[source]]\nname = \"a\"\nurl = \"u\"\nverify_ssl = \"no\"\n", 4, 1,
                        "source.verify_ssl: expected true or false"),
                bad(SOURCE + SOURCE, 6, 1, "a second source is named 'pypi'"),
                bad("[requires]\npython_version = 3.11\n", 2, 1, "requires.python_version: expected a Python version"),
                bad("requires = \"3.11\"\n", 1, 1, "requires: expected a table"),
                bad("[docs]\na = \"*\"\n[Docs]\nb = \"*\"\n", 3, 1, "[Docs] and [docs] are the same package category"),
                bad("[dev]\na = \"*\"\n[dev-packages]\nb = \"*\"\n", 3, 1, "are the same package category"));
    }

    @ParameterizedTest
    @MethodSource("pipfiles")
    void brokenPipfiles(String content, int line, int column, String fragment) throws IOException {
        InputException e = failure("Pipfile", content, PipfileReader::read);
        assertThat(e.location().line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.location().column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.problem()).contains(fragment);
    }

    @Test
    void aTypoInAKeyIsNamed() throws IOException {
        InputException e = failure("Pipfile", "[packages]\nrequests = {vesion = \"*\"}\n", PipfileReader::read);
        assertThat(e.hint()).contains("did you mean 'version'?");
        e = failure("Pipfile", SOURCE + "[packages]\nrequests = {index = \"pipy\"}\n", PipfileReader::read);
        assertThat(e.hint()).contains("did you mean 'pypi'?");
        e = failure("Pipfile", "[packages]\nx = {sys_platform = \"linux\"}\n", PipfileReader::read);
        assertThat(e.hint().orElseThrow()).contains("sys_platform = \"== 'linux'\"");
    }

    static Stream<Arguments> locks() {
        String pkg = "{\"_meta\": {\"sources\": [{\"name\": \"pypi\", \"url\": \"https://pypi.org/simple\", "
                + "\"verify_ssl\": true}]},\n\"default\": {\n\"a\": %s\n}}";
        return Stream.of(
                bad("", 1, 1, "invalid JSON: the file is empty"),
                bad("{\"_meta\": {},\n\"default\": {", 2, 13,
                        "invalid JSON: Unexpected end-of-input: expected close marker for Object (start marker at line 2, "
                                + "column 12)"),
                bad("{\"default\": {\"a\": {\"version\": \"==1\"},}}", 1, 38, "invalid JSON"),
                bad("{\"default\": {\n  \"a\": {\"version\": ==1}}}", 2, 20, "invalid JSON"),
                bad("[]", 1, 1, "a Pipfile.lock document must be an object, not an array"),
                bad("{}\n{}", 2, 1, "invalid JSON: unexpected '{' after the end of the document"),
                bad("{\"default\": {},\n \"default\": {}}", 2, 2, "the key \"default\" is repeated (first at line 1)"),
                bad("{\"_meta\": []}", 1, 11, "_meta must be an object, not an array"),
                bad("{\"_meta\": {\"hash\": {\"sha256\": \"xyz\"}}}", 1, 31, "_meta.hash.sha256 must be 64 hexadecimal"),
                bad("{\"_meta\": {\"hash\": {\"sha256\": 5}}}", 1, 31, "_meta.hash.sha256 must be a string, not a number"),
                bad("{\"_meta\": {\"sources\": {}}}", 1, 23, "_meta.sources must be an array, not an object"),
                bad("{\"_meta\": {\"sources\": [{\"name\": \"x\"}]}}", 1, 24, "this source has no \"url\""),
                bad("{\"_meta\": {\"requires\": {\"python_version\": \"three\"}}}", 1, 43, "is not a version"),
                bad("{\"default\": []}", 1, 13, "category \"default\" must be an object, not an array"),
                bad(pkg.formatted("\"==1.0\""), 3, 6, "the entry for a must be an object, not a string"),
                bad(pkg.formatted("{\"version\": \">=1.0\"}"), 3, 18, "the version of a must be pinned with '=='"),
                bad(pkg.formatted("{\"version\": \"==1.*\"}"), 3, 18, "is not an exact PEP 440 version"),
                bad(pkg.formatted("{\"version\": 1}"), 3, 18, "\"version\" must be a string, not a number"),
                bad(pkg.formatted("{\"hashes\": [\"sha256:abc\"]}"), 3, 18, "'sha256:abc' is not a hash of a"),
                bad(pkg.formatted("{\"hashes\": [\"md5:" + HEX.substring(0, 32) + "\"]}"), 3, 18, "is not a hash of a"),
                bad(pkg.formatted("{\"hashes\": [\"sha256:" + HEX.substring(1) + "g\"]}"), 3, 18, "is not a hash of a"),
                bad(pkg.formatted("{\"hashes\": \"sha256:" + HEX + "\"}"), 3, 17, "the hashes of a must be an array"),
                bad(pkg.formatted("{\"hashes\": [null]}"), 3, 18, "each hash of a must be a string, not null"),
                bad(pkg.formatted("{\"markers\": \"os_name == 'nt' or\"}"), 3, 37, "invalid markers for a"),
                bad(pkg.formatted("{\"index\": \"pipy\"}"), 3, 16, "the index 'pipy' of a names no source"),
                bad(pkg.formatted("{\"editable\": \"yes\"}"), 3, 19, "\"editable\" must be true or false"),
                bad(pkg.formatted("{\"path\": \".\", \"git\": \"https://e.org/x\"}"), 3, 20,
                        "gives both \"path\" and \"git\""),
                bad(pkg.formatted("{\"git\": \"\"}"), 3, 14, "\"git\" of a is empty"),
                bad("{\"default\": {\"-a\": {}}}", 1, 14, "'-a' is not a valid package name"),
                bad("{\"docs\": {}, \"Docs\": {}}", 1, 14, "categories \"Docs\" and \"docs\" are the same group 'docs'"));
    }

    @ParameterizedTest
    @MethodSource("locks")
    void brokenLocks(String content, int line, int column, String fragment) throws IOException {
        InputException e = failure("Pipfile.lock", content, PipfileLockReader::read);
        assertThat(e.location().line()).as(e.getMessage()).isEqualTo(line);
        assertThat(e.location().column()).as(e.getMessage()).isEqualTo(column);
        assertThat(e.problem()).contains(fragment);
    }

    @Test
    void missingAndUnreadableFiles() throws IOException {
        Path missing = dir.resolve("Pipfile");
        assertThat(catchThrowableOfType(InputException.class, () -> PipfileReader.read(missing)))
                .hasMessage(missing + ": file not found");
        Path lock = dir.resolve("Pipfile.lock");
        Files.write(lock, "{\n\"default\": {\"caf\u00e9\": {}}\n}".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(catchThrowableOfType(InputException.class, () -> PipfileLockReader.read(lock)))
                .hasMessage(lock + ":2:17: the file is not valid UTF-8 text at line 2 (byte 0xE9 at byte offset 18)");
        assertThat(catchThrowableOfType(InputException.class, () -> PipfileDigest.of(dir.resolve("nope"))))
                .hasMessageEndingWith("nope: file not found");
    }
}
