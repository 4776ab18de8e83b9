/**
 * Small values every reader shares: a Python version, a version or range as a file declares it,
 * the chosen version with where it came from, a requirement as written with its location.
 */
package dev.dockenv.python;
