#!/usr/bin/env bash
# Installs pinned npm packages for the tests into their own folder of the tests' cache, never into
# the checkout: `scripts/npm-tool.sh NAME CHECK PACKAGE@VERSION...` installs the packages into
# ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/NAME (a package.json of its own, so npm never installs
# into a project found above it), then runs CHECK there (a shell command that fails when the install
# is not usable). Node.js and npm come from Debian when missing (needs root then).
# Idempotent and silent when those versions are installed and CHECK passes.
# Used by ensure-kubernetes-models.sh, ensure-devcontainer-cli.sh and ensure-action-validator.sh.
set -euo pipefail

NAME=$1
CHECK=$2
shift 2
PACKAGES=("$@")
CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
DIR="$CACHE/$NAME"
STAMP="$DIR/.installed"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "${PACKAGES[*]}" ] && command -v node >/dev/null \
    && (cd "$DIR" && bash -c "$CHECK") >/dev/null 2>&1; then
  exit 0
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "npm-tool: node and npm are missing and installing them needs root (apt-get install nodejs npm)" >&2
    exit 1
  fi
  echo "npm-tool: installing nodejs npm" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

echo "npm-tool: installing ${PACKAGES[*]} into $DIR" >&2
mkdir -p "$DIR"
rm -f "$STAMP"
[ -f "$DIR/package.json" ] || echo "{\"name\": \"dockenv-test-$NAME\", \"private\": true}" > "$DIR/package.json"
(cd "$DIR" && npm install --no-audit --no-fund --loglevel=error --save-exact "${PACKAGES[@]}" >/dev/null)
(cd "$DIR" && bash -c "$CHECK") >/dev/null || { echo "npm-tool: $NAME does not work after installing: $CHECK" >&2; exit 1; }
echo "${PACKAGES[*]}" > "$STAMP"
