/**
 * What installs a project's environment, decided once ({@link dev.dockenv.decision.InstallDecider})
 * as a value ({@link dev.dockenv.decision.InstallDecision}): a conda environment file, a lock of a
 * known format (with its freshness), a manifest without a lock, or requirements files and the
 * project's declared dependencies; what each stage declares without a lock
 * ({@link dev.dockenv.decision.DeclaredStages}), the package index the builds use, and the digest
 * of the inputs dockenv's own lock records. Pure: reads project files, runs nothing.
 */
package dev.dockenv.decision;
