#!/usr/bin/env bash
# Makes sure action-validator (npm @action-validator/cli: checks a GitHub Actions workflow against
# GitHub's workflow schema) is installed for GithubWorkflowIT, which checks the workflow
# `dockenv ci github` writes with it, in ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/action-validator
# (scripts/npm-tool.sh).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/npm-tool.sh" action-validator \
  'node_modules/.bin/action-validator --help' @action-validator/cli@0.6.0
