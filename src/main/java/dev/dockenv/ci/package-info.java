/**
 * CI pipeline files: typed models of the GitHub Actions workflow and the GitLab CI file dockenv writes, rendered as YAML.
 */
package dev.dockenv.ci;
