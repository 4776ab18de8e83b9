package dev.dockenv.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dockenv.errors.IoFailures.Cause;
import dev.dockenv.errors.IoFailures.Operation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The hints' reading of the file system, on a made-up one: tests run as root, for whom every
 * permission check passes, so which folder refuses whom is only testable this way (NonRootIT-style
 * integration tests see the real thing).
 */
class FileAccessHintsTest {
    private final Fake fs = new Fake();

    @Test
    void aFolderOnTheWayThatCannotBeEnteredIsBlamed() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/srv", "root", "drwxr-xr-x");
        fs.add("/srv/team", "alice", "drwx------");
        fs.add("/srv/team/app", "bob", "drwxrwxrwx");
        fs.add("/srv/team/app/requirements.txt", "bob", "-rw-r--r--");

        String hint = hint(Cause.PERMISSION_DENIED, Operation.READ, "/srv/team/app/requirements.txt", null);

        assertThat(hint).isEqualTo("/srv/team (owner alice, drwx------): bob cannot enter it; "
                + "ask its owner or an administrator for access, or use a folder you own");
    }

    @Test
    void aFileLeftByARootContainerInTheProjectIsGivenBack() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/home", "root", "drwxr-xr-x");
        fs.add("/home/bob", "bob", "drwxrwxrwx");
        fs.add("/home/bob/app", "bob", "drwxrwxrwx");
        fs.add("/home/bob/app/pylock.toml", "root", "-r--r--r--");
        fs.add("/home/bob/app/.dockenv", "root", "dr-xr-xr-x");

        assertThat(hint(Cause.PERMISSION_DENIED, Operation.READ, "/home/bob/app/pylock.toml", null))
                .startsWith("the permissions of /home/bob/app/pylock.toml allow it"); // readable: nothing to blame
        assertThat(hint(Cause.PERMISSION_DENIED, Operation.WRITE, "/home/bob/app/.dockenv/requirements-main.txt", null))
                .isEqualTo("/home/bob/app/.dockenv (owner root, dr-xr-xr-x): bob cannot create files in it; "
                        + "make it yours again: sudo chown -R bob /home/bob/app/.dockenv");
    }

    @Test
    void ownFilesNeedOnlyAChmod() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/home", "root", "drwxr-xr-x");
        fs.add("/home/bob", "bob", "drwxrwxrwx");
        fs.add("/home/bob/setup.cfg", "bob", "----r--r--");

        assertThat(hint(Cause.PERMISSION_DENIED, Operation.READ, "/home/bob/setup.cfg", null))
                .isEqualTo("/home/bob/setup.cfg (owner bob, ----r--r--): bob cannot read it; chmod u+r /home/bob/setup.cfg");
    }

    @Test
    void aCacheInAFolderTheUserCannotWriteSuggestsAnotherCache() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/var", "root", "drwxr-xr-x");
        fs.add("/var/cache", "root", "drwxr-xr-x");

        String hint = hint(Cause.PERMISSION_DENIED, Operation.WRITE, "/var/cache/dockenv/runs/1.run", "/var/cache/dockenv");

        assertThat(hint).isEqualTo("/var/cache (owner root, drwxr-xr-x): bob cannot create files in it; "
                + "ask its owner or an administrator for access, or use a folder you own; "
                + "or set DOCKENV_CACHE_DIR to another folder");
        assertThat(hint).doesNotContain("chown"); // never for folders above the user's own
    }

    @Test
    void whenThePermissionBitsAllowItSomethingElseRefused() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/home", "root", "drwxr-xr-x");
        fs.add("/home/bob", "bob", "drwxr-xr-x");
        fs.add("/home/bob/x", "bob", "-rw-r--r--");

        assertThat(hint(Cause.PERMISSION_DENIED, Operation.WRITE, "/home/bob/x", null))
                .isEqualTo("the permissions of /home/bob/x allow it, so an ACL, SELinux or AppArmor, or the mount "
                        + "refused (getfacl /home/bob/x, ls -Z /home/bob/x)");
    }

    @Test
    void aFullDiskMentionsDockerOnlyWhenItIsDockersDisk() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/home", "root", "drwxr-xr-x");
        fs.add("/home/bob", "bob", "drwxrwxrwx");

        String elsewhere = hint(Cause.NO_SPACE, Operation.WRITE, "/home/bob/app/pylock.toml", null);
        assertThat(elsewhere).isEqualTo("the file system holding /home/bob is full: free space there "
                + "(df -h /home/bob; df -i when it is out of inodes)");

        fs.dockerData = Path.of("/var/lib/docker");
        String shared = hint(Cause.NO_SPACE, Operation.WRITE, "/home/bob/app/pylock.toml", null);
        assertThat(shared).contains("it also holds the container engine's data (/var/lib/docker): docker system prune");

        String cache = hint(Cause.NO_SPACE, Operation.WRITE, "/home/bob/.cache/dockenv/runs/1", "/home/bob/.cache/dockenv");
        assertThat(cache).endsWith("; or set DOCKENV_CACHE_DIR to a folder on another disk");
    }

    @Test
    void dockersDataIsFoundOnTheSameFileSystemOnly() {
        Path docker = Path.of("/var/lib/docker");
        assumeTrue(Files.isDirectory(docker), "no docker data folder here");
        FileAccessHints.FileSystemView local = FileAccessHints.FileSystemView.LOCAL;

        assertThat(local.containerDataOnSameFileSystem(docker)).hasValueSatisfying(
                d -> assertThat(d.toString()).startsWith("/var/lib/"));
        assertThat(local.containerDataOnSameFileSystem(Path.of("/proc"))).isEmpty(); // procfs holds no image
    }

    @Test
    void theCacheItselfAFile() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/home", "root", "drwxr-xr-x");
        fs.add("/home/bob", "bob", "drwxrwxrwx");
        fs.add("/home/bob/cache", "bob", "-rw-r--r--");

        assertThat(hint(Cause.NOT_A_DIRECTORY, Operation.ACCESS, "/home/bob/cache", "/home/bob/cache"))
                .startsWith("/home/bob/cache is a file, and dockenv's cache must be a folder");
        assertThat(hint(Cause.NOT_A_DIRECTORY, Operation.ACCESS, "/home/bob/cache/dockenv", "/home/bob/cache/dockenv"))
                .startsWith("/home/bob/cache is a file on the way to dockenv's cache folder /home/bob/cache/dockenv");
        fs.add("/home/bob/c", "bob", "drwxrwxrwx");
        fs.add("/home/bob/c/accounts", "bob", "-rw-r--r--");
        assertThat(hint(Cause.NOT_A_DIRECTORY, Operation.WRITE, "/home/bob/c/accounts/ab", "/home/bob/c"))
                .startsWith("/home/bob/c/accounts is a file where dockenv's cache needs a folder: remove it");
    }

    @Test
    void pathsAreQuotedForTheShell() {
        fs.add("/", "root", "drwxr-xr-x");
        fs.add("/my project", "bob", "drwxr-xr-x");

        assertThat(hint(Cause.IO_ERROR, Operation.READ, "/my project/it's.txt", null)).isEqualTo(
                "the disk or network file system holding /my project/it's.txt failed: check the device (dmesg), "
                        + "remount it, and run the command again");
        assertThat(hint(Cause.OTHER, Operation.READ, "/my project/it's.txt", null))
                .isEqualTo("check /my project/it's.txt (ls -ld '/my project/it'\\''s.txt')");
    }

    private String hint(Cause cause, Operation operation, String path, String cache) {
        return FileAccessHints.of(cause, operation, Path.of(path), cache == null ? null : Path.of(cache), fs);
    }

    /** Paths with an owner and a mode as ls -l shows it; the user is bob, in no group. */
    private static final class Fake implements FileAccessHints.FileSystemView {
        private final Map<Path, String> owners = new HashMap<>();
        private final Map<Path, String> modes = new HashMap<>();
        Path dockerData;

        void add(String path, String owner, String mode) {
            owners.put(Path.of(path), owner);
            modes.put(Path.of(path), mode);
        }

        private boolean bit(Path p, int i) {
            String mode = modes.get(p);
            return mode != null && mode.charAt((user().equals(owners.get(p)) ? 1 : 7) + i) != '-';
        }

        @Override
        public boolean exists(Path p) {
            return owners.containsKey(p);
        }

        @Override
        public boolean isDirectory(Path p) {
            return exists(p) && modes.get(p).startsWith("d");
        }

        @Override
        public boolean isSymbolicLink(Path p) {
            return false;
        }

        @Override
        public boolean canRead(Path p) {
            return bit(p, 0);
        }

        @Override
        public boolean canWrite(Path p) {
            return bit(p, 1);
        }

        @Override
        public boolean canEnter(Path p) {
            return bit(p, 2);
        }

        @Override
        public Optional<String> ownerAndMode(Path p) {
            return Optional.of("owner " + owners.get(p) + ", " + modes.get(p));
        }

        @Override
        public Optional<String> owner(Path p) {
            return Optional.ofNullable(owners.get(p));
        }

        @Override
        public String user() {
            return "bob";
        }

        @Override
        public Optional<Path> home() {
            return Optional.of(Path.of("/home/bob"));
        }

        @Override
        public Optional<Path> containerDataOnSameFileSystem(Path p) {
            return Optional.ofNullable(dockerData);
        }
    }
}
