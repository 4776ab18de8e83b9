/**
 * What the prod image starts when no command is configured, chosen as deploy platforms choose it
 * ({@link dev.dockenv.start.StartDetector}) from what the scan read ({@code project.StartFiles}) and
 * the packages the prod image installs ({@link dev.dockenv.start.ProdPackages}): a
 * {@link dev.dockenv.start.StartCommand} with where it comes from, a sealed
 * {@link dev.dockenv.start.StartSource}. Pure: reads no file, runs nothing.
 */
package dev.dockenv.start;
