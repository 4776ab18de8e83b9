package dev.dockenv.run;

import java.util.ArrayList;
import java.util.List;

/**
 * /etc/passwd and /etc/group for a container: the image's own entries plus the host user, so
 * that whoami, id and HOME work for the host's uid without rebuilding the image.
 */
public record AccountFiles(String passwd, String group) {

    /** The home directory the host user gets inside containers. */
    public static String homeOf(HostUser user) {
        return user.isRoot() ? "/root" : "/home/" + user.safeName();
    }

    public static AccountFiles forUser(String imagePasswd, String imageGroup, HostUser user) {
        String name = user.safeName();
        List<String> passwd = new ArrayList<>();
        boolean uidTaken = false;
        for (String line : imagePasswd.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.isBlank() || f.length < 7) {
                continue;
            }
            if (f[2].equals(Long.toString(user.uid()))) {
                uidTaken = true;
                // the image has a user with this uid: give it the host user's name and a writable home
                passwd.add(String.join(":", name, f[1], f[2], Long.toString(user.gid()), f[4], homeOf(user), f[6]));
                continue;
            }
            if (f[0].equals(name)) {
                continue;
            }
            passwd.add(line);
        }
        if (!uidTaken) {
            passwd.add(String.join(":", name, "x", Long.toString(user.uid()), Long.toString(user.gid()),
                    "dockenv host user", homeOf(user), "/bin/bash"));
        }
        List<String> group = new ArrayList<>();
        boolean gidTaken = false;
        for (String line : imageGroup.split("\n")) {
            String[] f = line.split(":", -1);
            if (line.isBlank() || f.length < 4) {
                continue;
            }
            if (f[2].equals(Long.toString(user.gid()))) {
                gidTaken = true;
            } else if (f[0].equals(name)) {
                continue;
            }
            group.add(line);
        }
        if (!gidTaken) {
            group.add(String.join(":", name, "x", Long.toString(user.gid()), ""));
        }
        return new AccountFiles(String.join("\n", passwd) + "\n", String.join("\n", group) + "\n");
    }
}
