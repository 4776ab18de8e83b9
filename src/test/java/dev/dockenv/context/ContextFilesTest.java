package dev.dockenv.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.errors.DockenvException;
import dev.dockenv.errors.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextFilesTest {

    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2001-01-01T00:00:00Z"));

    @TempDir
    Path root;

    @BeforeEach
    void project() throws IOException {
        write(".git/HEAD", "ref: refs/heads/main\n");
        write(".git/objects/ab/cdef", "blob");
        write("src/pkg/__init__.py", "");
        write("src/pkg/mod.py", "print('hi')\n");
        write("src/pkg/__pycache__/mod.cpython-312.pyc", "bytecode");
        write("docs/a.md", "a");
        write("docs/keep.md", "keep");
        write("README.md", "readme");
        write(".env", "SECRET=1");
        write(".env.example", "SECRET=");
        write("a-b.txt", "");
        write("a0", "");
        write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("src"));
        Files.createDirectories(root.resolve("empty"));
    }

    @Test
    void listsIncludedEntriesSortedWithoutIgnoredOnes() {
        IgnoreRules rules = IgnoreRules.of("docs", "!docs/keep.md").plus(DefaultIgnores.rules());

        List<ContextEntry> entries = ContextFiles.walk(root, rules);

        assertThat(entries).extracting(ContextEntry::path).containsExactly(
                ".env.example", "README.md", "a-b.txt", "a0", "docs", "docs/keep.md", "empty", "link",
                "run.sh", "src", "src/pkg", "src/pkg/__init__.py", "src/pkg/mod.py");
    }

    @Test
    void describesEachEntry() throws IOException {
        List<ContextEntry> entries = ContextFiles.walk(root, DefaultIgnores.rules());

        assertThat(find(entries, "run.sh")).isEqualTo(
                ContextEntry.file("run.sh", root.toRealPath().resolve("run.sh"), 10, true));
        assertThat(find(entries, "src/pkg/mod.py").executable()).isFalse();
        assertThat(find(entries, "src/pkg/mod.py").size()).isEqualTo(12);
        assertThat(find(entries, "src").kind()).isEqualTo(ContextEntry.Kind.DIRECTORY);
        ContextEntry link = find(entries, "link");
        assertThat(link.kind()).isEqualTo(ContextEntry.Kind.SYMLINK);
        assertThat(link.linkTarget()).isEqualTo("src");
        assertThat(entries).extracting(ContextEntry::path).noneMatch(p -> p.startsWith("link/"));
    }

    @Test
    void ordersPathsByBytesSoParentsComeFirst() {
        List<String> paths = ContextFiles.walk(root, DefaultIgnores.rules()).stream().map(ContextEntry::path).toList();

        assertThat(paths).isSortedAccordingTo(SlashPath.BYTE_ORDER);
        assertThat(paths.indexOf("a-b.txt")).isLessThan(paths.indexOf("a0"));
        assertThat(paths.indexOf("src")).isLessThan(paths.indexOf("src/pkg"));
    }

    @Test
    void neverReadsASkippedDirectory() throws IOException {
        Path git = root.resolve(".git");
        Path control = root.resolve("src");
        setAccessTime(git, LONG_AGO);
        setAccessTime(control, LONG_AGO);

        ContextFiles.walk(root, DefaultIgnores.rules());

        assumeTrue(accessTime(control).compareTo(LONG_AGO) > 0, "this file system does not record access times");
        assertThat(accessTime(git)).isEqualTo(LONG_AGO);
    }

    @Test
    void ignoresAnUnreadableExcludedDirectory() throws IOException {
        Path objects = root.resolve(".git/objects");
        Files.setPosixFilePermissions(objects, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(objects), "running as root: permissions are not enforced");

            List<ContextEntry> entries = ContextFiles.walk(root, IgnoreRules.of(".git", "!**/*.md"));

            assertThat(entries).extracting(ContextEntry::path).noneMatch(p -> p.startsWith(".git"));
        } finally {
            Files.setPosixFilePermissions(objects, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void readsAnUnreadableIncludedDirectoryAsAnError() throws IOException {
        Path pkg = root.resolve("src/pkg");
        Files.setPosixFilePermissions(pkg, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(pkg), "running as root: permissions are not enforced");

            assertThatThrownBy(() -> ContextFiles.walk(root, IgnoreRules.none()))
                    .isInstanceOfSatisfying(DockenvException.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.FILE_ACCESS);
                        assertThat(e.getMessage()).startsWith("cannot read ").contains("src/pkg")
                                .endsWith(": Permission denied");
                        assertThat(e.hint()).hasValueSatisfying(h -> assertThat(h).contains("chmod u+r")
                                .endsWith("; or exclude it in .dockerignore"));
                    });
        } finally {
            Files.setPosixFilePermissions(pkg, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void skipsVersionControlWithTheDefaults() {
        IgnoreRules rules = DefaultIgnores.rules();

        assertThat(rules.mayContainIncluded(".git")).isFalse();
        assertThat(ContextFiles.walk(root, rules)).extracting(ContextEntry::path)
                .noneMatch(p -> p.startsWith(".git") || p.contains("__pycache__") || p.equals(".env"));
    }

    @Test
    void walksSelectedPathsWithTheirParents() {
        List<ContextEntry> entries = ContextFiles.walkSelected(root,
                List.of("src/pkg", "README.md", "./src/pkg/mod.py", "link"), DefaultIgnores.rules());

        assertThat(entries).extracting(ContextEntry::path).containsExactly(
                "README.md", "link", "src", "src/pkg", "src/pkg/__init__.py", "src/pkg/mod.py");
    }

    @Test
    void appliesTheRulesToSelectedPaths() {
        List<ContextEntry> entries = ContextFiles.walkSelected(root, List.of(".env", ".env.example", "."),
                IgnoreRules.of("*", "!.env.example"));

        assertThat(entries).extracting(ContextEntry::path).containsExactly(".env.example");
    }

    @Test
    void refusesAMissingSelectedPath() {
        assertThatThrownBy(() -> ContextFiles.walkSelected(root, List.of("src", "nope/setup.py"), IgnoreRules.none()))
                .isInstanceOfSatisfying(DockenvException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                    assertThat(e.getMessage()).contains("nope/setup.py").contains("does not exist");
                    assertThat(e.hint()).isPresent();
                });
    }

    @Test
    void refusesSelectedPathsOutsideTheRootOrThroughALink() {
        assertThatThrownBy(() -> ContextFiles.walkSelected(root, List.of("../x"), IgnoreRules.none()))
                .isInstanceOf(DockenvException.class);
        assertThatThrownBy(() -> ContextFiles.walkSelected(root, List.of("/etc/passwd"), IgnoreRules.none()))
                .isInstanceOf(DockenvException.class);
        assertThatThrownBy(() -> ContextFiles.walkSelected(root, List.of("link/pkg"), IgnoreRules.none()))
                .isInstanceOf(DockenvException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void refusesARootThatIsNotADirectory() {
        assertThatThrownBy(() -> ContextFiles.walk(root.resolve("README.md"), IgnoreRules.none()))
                .isInstanceOf(DockenvException.class);
    }

    private static void setAccessTime(Path dir, FileTime time) throws IOException {
        Files.getFileAttributeView(dir, BasicFileAttributeView.class).setTimes(null, time, null);
    }

    private static FileTime accessTime(Path dir) throws IOException {
        return Files.readAttributes(dir, BasicFileAttributes.class).lastAccessTime();
    }

    private static ContextEntry find(List<ContextEntry> entries, String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow();
    }

    private void write(String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
