#!/usr/bin/env bash
# Makes sure the Dev Containers CLI (npm @devcontainers/cli, the reference implementation of the
# Development Container Specification that VS Code's Dev Containers build on) is installed for
# DevContainerIT, which runs `devcontainer up` and `devcontainer exec` on the files
# `dockenv ide vscode` writes, in ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/devcontainer-cli
# (scripts/npm-tool.sh); the tests run node_modules/.bin/devcontainer from there.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/npm-tool.sh" devcontainer-cli \
  'node_modules/.bin/devcontainer --version' @devcontainers/cli@0.89.0
