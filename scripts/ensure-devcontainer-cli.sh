#!/usr/bin/env bash
# Makes sure the Dev Containers CLI (npm @devcontainers/cli, the reference implementation of the
# Development Container Specification that VS Code's Dev Containers build on) is installed for
# DevContainerIT, which runs `devcontainer up` and `devcontainer exec` on the files
# `dockenv ide vscode` writes. Installed with npm into ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/devcontainer-cli,
# never into the checkout; the tests run node_modules/.bin/devcontainer from there.
# Node.js and npm come from Debian when missing (needs root then).
# Idempotent and silent when that version is already installed.
set -euo pipefail

CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
DIR="$CACHE/devcontainer-cli"
PACKAGES=(@devcontainers/cli@0.89.0)
STAMP="$DIR/.installed"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "${PACKAGES[*]}" ] && [ -x "$DIR/node_modules/.bin/devcontainer" ] \
    && command -v node >/dev/null; then
  exit 0
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-devcontainer-cli: node and npm are missing and installing them needs root" \
         "(apt-get install nodejs npm)" >&2
    exit 1
  fi
  echo "ensure-devcontainer-cli: installing nodejs npm" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

echo "ensure-devcontainer-cli: installing ${PACKAGES[*]} into $DIR" >&2
mkdir -p "$DIR"
rm -f "$STAMP"
# a package.json of its own, so npm installs here and not into a project found above
[ -f "$DIR/package.json" ] || echo '{"name": "dockenv-test-devcontainer-cli", "private": true}' > "$DIR/package.json"
(cd "$DIR" && npm install --no-audit --no-fund --loglevel=error --save-exact "${PACKAGES[@]}" >/dev/null)
"$DIR/node_modules/.bin/devcontainer" --version >/dev/null
echo "${PACKAGES[*]}" > "$STAMP"
