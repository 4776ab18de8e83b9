/**
 * Releasing the prod image: its tags (the project's version, {@code sha-REV} of the commit,
 * {@code latest}) in the release repository, its OCI labels, and the labelled image built over the
 * prod image. {@link dev.dockenv.release.ReleasePlanner} is pure; {@link
 * dev.dockenv.release.ReleaseImageBuilder} asks the engine. {@code release --check} compares two builds with
 * {@link dev.dockenv.release.ReleaseComparison} (pure) over {@link dev.dockenv.release.ImageArchive}s.
 */
package dev.dockenv.release;
