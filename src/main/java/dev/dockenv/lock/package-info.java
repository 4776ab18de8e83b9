/**
 * What dependency manifests and lock files say, in one model whatever the tool that wrote them
 * (Pipfile/Pipfile.lock, poetry, uv, PDM, PEP 751 pylock.toml, conda). Readers live in
 * sub-packages, one per format; each yields {@link dev.dockenv.lock.DeclaredDependencies} for a
 * manifest and {@link dev.dockenv.lock.LockFile} for a lock, with file:line errors
 * ({@link dev.dockenv.errors.InputException}) for malformed input. Nothing here installs anything.
 */
package dev.dockenv.lock;
