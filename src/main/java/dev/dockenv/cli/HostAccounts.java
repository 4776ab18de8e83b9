package dev.dockenv.cli;

import dev.dockenv.io.AtomicFiles;
import dev.dockenv.run.AccountFiles;
import dev.dockenv.run.HostUser;
import dev.dockenv.run.RunSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The host user's account files and home folder for a container of the environment (run, shell, up). */
final class HostAccounts {
    private static final String ACCOUNTS_SEPARATOR = "--dockenv-group--";

    private HostAccounts() {
    }

    /**
     * passwd and group files naming the host user (the image's own entries kept), and a
     * persistent home folder, all under dockenv's cache. The image's files are read once per image.
     */
    static RunSpec.UserMounts prepare(Session session, Path projectRoot, String projectName,
            String imageId, HostUser user) {
        String imageKey = imageId.replace("sha256:", "");
        imageKey = imageKey.substring(0, Math.min(16, imageKey.length()));
        Path accounts = session.cacheDirectory().resolve("accounts").resolve(imageKey);
        Path imagePasswd = accounts.resolve("image-passwd");
        Path imageGroup = accounts.resolve("image-group");
        try {
            if (!Files.isRegularFile(imagePasswd) || !Files.isRegularFile(imageGroup)) {
                String both = session.engine().runForOutput(imageId,
                        List.of("sh", "-c", "cat /etc/passwd; echo " + ACCOUNTS_SEPARATOR + "; cat /etc/group"));
                int cut = both.indexOf(ACCOUNTS_SEPARATOR);
                String passwd = cut < 0 ? both : both.substring(0, cut);
                String group = cut < 0 ? "" : both.substring(cut + ACCOUNTS_SEPARATOR.length());
                AtomicFiles.write(imageGroup, group.strip() + "\n");
                AtomicFiles.write(imagePasswd, passwd.strip() + "\n");
            }
            AccountFiles files = AccountFiles.forUser(Files.readString(imagePasswd), Files.readString(imageGroup), user);
            Path forUser = accounts.resolve(user.uid() + "-" + user.gid());
            Path passwd = forUser.resolve("passwd");
            Path group = forUser.resolve("group");
            AtomicFiles.writeIfAbsent(passwd, files.passwd().getBytes(StandardCharsets.UTF_8));
            AtomicFiles.writeIfAbsent(group, files.group().getBytes(StandardCharsets.UTF_8));
            Path home = session.cacheDirectory().resolve("homes").resolve(
                    projectName.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Workspace.shortHash(projectRoot.toString()));
            Files.createDirectories(home);
            return new RunSpec.UserMounts(passwd, group, home);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the container user's files in " + accounts, e);
        }
    }
}
