/**
 * devcontainer.json, the Development Container Specification's file that VS Code, the devcontainers
 * CLI and other tools read: a typed model of what dockenv writes, rendered as JSON.
 */
package dev.dockenv.devcontainer;
