/**
 * {@code dockenv lock}'s resolution: pip's resolver run in a throwaway container of the base image
 * ({@link dev.dockenv.resolve.LockResolver}, through the engine), the file hashes of each pinned
 * version from the index's PEP 503 pages, and the index access (credentials) it needs.
 */
package dev.dockenv.resolve;
