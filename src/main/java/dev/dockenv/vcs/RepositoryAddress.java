package dev.dockenv.vcs;

/** A repository's address as it may be shown and labelled: never with a user's password or token. */
public final class RepositoryAddress {
    private RepositoryAddress() {
    }

    /**
     * {@code https://user:token@host/x.git} becomes {@code https://host/x.git}; an scp-like
     * {@code git@host:team/x.git} keeps its user (it holds no secret), so it is left as it is.
     */
    public static String withoutCredentials(String url) {
        return url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
    }
}
