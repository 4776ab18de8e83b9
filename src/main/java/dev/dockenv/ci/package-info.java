/**
 * CI pipeline files: a typed model of the GitHub Actions workflow dockenv writes, rendered as YAML.
 */
package dev.dockenv.ci;
