#!/usr/bin/env bash
# Makes sure gitlab-ci-local (npm: runs a .gitlab-ci.yml's jobs on this machine as GitLab's runner
# would, with its predefined variables, rules and needs) is installed for GitlabPipelineIT, which
# runs the pipeline `dockenv ci gitlab` writes with its shell executor, in
# ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/gitlab-ci-local (scripts/npm-tool.sh). 4.60.0 is the
# last version for Node 20; it copies the repository with rsync, installed from Debian when missing.
set -euo pipefail
if ! command -v rsync >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-gitlab-ci-local: rsync is missing and installing it needs root (apt-get install rsync)" >&2
    exit 1
  fi
  echo "ensure-gitlab-ci-local: installing rsync" >&2
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rsync >/dev/null
fi
exec bash "$(dirname "${BASH_SOURCE[0]}")/npm-tool.sh" gitlab-ci-local \
  'node_modules/.bin/gitlab-ci-local --version' gitlab-ci-local@4.60.0
