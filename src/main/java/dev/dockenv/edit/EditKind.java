package dev.dockenv.edit;

/** What an edit did to a dependency list. */
public enum EditKind {
    /** The requirement was not there and now is. */
    ADDED,
    /** A requirement for the same package was there and now reads as asked. */
    REPLACED,
    /** The very requirement was already there: nothing to write. */
    UNCHANGED,
    /** The package's requirement is gone. */
    REMOVED
}
