/**
 * {@code dockenv lock}'s resolution. From the indexes' metadata without a container
 * ({@link dev.dockenv.resolve.DependencyResolver}: the PEP 691/503 pages, PEP 658 metadata or the
 * wheel's own METADATA, kept by hash; the base image's interpreter and platform asked once and
 * kept), the earlier lock's versions preferred; pip's resolver in a throwaway container of the base
 * image ({@link dev.dockenv.resolve.LockResolver}, through the engine) for what only a build or pip
 * can resolve (source distributions, local and URL requirements, find-links), said on the progress
 * stream. Then the file hashes of each pinned version from the index's pages, and the index access
 * (credentials) it needs.
 */
package dev.dockenv.resolve;
