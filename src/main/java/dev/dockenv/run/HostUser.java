package dev.dockenv.run;

/** The user dockenv runs for: container processes get the same uid and gid. */
public record HostUser(long uid, long gid, String name) {

    public boolean isRoot() {
        return uid == 0;
    }

    /** A user name safe for /etc/passwd and as a home directory name. */
    public String safeName() {
        String cleaned = name == null ? "" : name.replaceAll("[^A-Za-z0-9._-]", "");
        if (cleaned.isEmpty() || cleaned.startsWith("-")) {
            return "user" + uid;
        }
        return cleaned;
    }

    /** {@code UID:GID}, as docker's --user and compose's user take them. */
    public String ids() {
        return uid + ":" + gid;
    }

    /** The name the container's USER variable holds: root, else {@link #safeName()}. */
    public String accountName() {
        return isRoot() ? "root" : safeName();
    }

    /** The user running this JVM (POSIX only). */
    public static HostUser current() {
        com.sun.security.auth.module.UnixSystem unix = new com.sun.security.auth.module.UnixSystem();
        return new HostUser(unix.getUid(), unix.getGid(), unix.getUsername());
    }
}
