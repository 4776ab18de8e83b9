#!/usr/bin/env bash
# Makes sure the npm package kubernetes-models (typed Kubernetes objects whose .validate() checks
# an object against the Kubernetes API's OpenAPI schemas) and the YAML parser `yaml` are installed
# for KubernetesManifestsIT, which validates every document `deploy k8s` renders with them
# (src/test/resources/k8s/validate-manifests.cjs). Installed with npm into
# ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/kubernetes-models, never into the checkout.
# Node.js and npm come from Debian when missing (needs root then).
# Idempotent and silent when those versions are already installed.
set -euo pipefail

CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
DIR="$CACHE/kubernetes-models"
PACKAGES=(kubernetes-models@5.1.0 yaml@2.9.1)
STAMP="$DIR/.installed"

if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "${PACKAGES[*]}" ] \
    && [ -d "$DIR/node_modules/kubernetes-models" ] && [ -d "$DIR/node_modules/yaml" ] \
    && command -v node >/dev/null; then
  exit 0
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-kubernetes-models: node and npm are missing and installing them needs root" \
         "(apt-get install nodejs npm)" >&2
    exit 1
  fi
  echo "ensure-kubernetes-models: installing nodejs npm" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

echo "ensure-kubernetes-models: installing ${PACKAGES[*]} into $DIR" >&2
mkdir -p "$DIR"
rm -f "$STAMP"
# a package.json of its own, so npm installs here and not into a project found above
[ -f "$DIR/package.json" ] || echo '{"name": "dockenv-test-kubernetes-models", "private": true}' > "$DIR/package.json"
(cd "$DIR" && npm install --no-audit --no-fund --loglevel=error --save-exact "${PACKAGES[@]}" >/dev/null)
node -e 'require(process.argv[1] + "/node_modules/kubernetes-models/apps/v1"); require(process.argv[1] + "/node_modules/yaml")' "$DIR"
echo "${PACKAGES[*]}" > "$STAMP"
