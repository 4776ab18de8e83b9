package dev.dockenv.compose;

/** A service's restart policy ({@code restart:}). */
public enum Restart {
    NO("no"),
    ALWAYS("always"),
    ON_FAILURE("on-failure"),
    UNLESS_STOPPED("unless-stopped");

    private final String composeName;

    Restart(String composeName) {
        this.composeName = composeName;
    }

    /** The policy as written in the file (always quoted: a bare {@code no} is false to YAML 1.1 readers). */
    public String composeName() {
        return composeName;
    }
}
