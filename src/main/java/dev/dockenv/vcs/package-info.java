/**
 * The project's version control, as a release needs it: the commit, whether the tree has
 * uncommitted changes, the commit's time and the repository's address. Read with the {@code git}
 * program through {@link dev.dockenv.engine.ProcessRunner}, so tests can stand in for it.
 */
package dev.dockenv.vcs;
