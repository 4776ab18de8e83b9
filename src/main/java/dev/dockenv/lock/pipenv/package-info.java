/**
 * Pipenv's files: {@link dev.dockenv.lock.pipenv.PipfileReader} reads a Pipfile (TOML) into
 * {@link dev.dockenv.lock.DeclaredDependencies}, {@link dev.dockenv.lock.pipenv.PipfileLockReader}
 * reads a Pipfile.lock (JSON) into {@link dev.dockenv.lock.LockFile}, and
 * {@link dev.dockenv.lock.pipenv.PipfileDigest} computes the {@code _meta.hash.sha256} pipenv would
 * write for a Pipfile, to tell whether a lock is stale. Nothing here runs pipenv.
 */
package dev.dockenv.lock.pipenv;
