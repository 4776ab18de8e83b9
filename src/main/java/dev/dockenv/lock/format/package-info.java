/**
 * The lock formats as one enum ({@link dev.dockenv.lock.format.LockFormat}): file name, reader,
 * freshness and the owning tool's commands. Above the format readers, below the project scan and
 * the decision of what installs the environment.
 */
package dev.dockenv.lock.format;
