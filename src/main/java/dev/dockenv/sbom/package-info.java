/**
 * The software bill of materials of an image's Python packages: a typed CycloneDX 1.6 model
 * ({@link dev.dockenv.sbom.Bom}) rendered as JSON ({@link dev.dockenv.sbom.CycloneDxJson}), built
 * from what dockenv installed: the lock's packages the prod image holds
 * ({@link dev.dockenv.sbom.LockedBom}), or, for a project without a lock, what pip reports as
 * installed in the image ({@link dev.dockenv.sbom.PipInspectReport}, {@link dev.dockenv.sbom.InspectedBom}).
 * Pure: the caller runs pip in the image and passes the time the SBOM is dated.
 */
package dev.dockenv.sbom;
