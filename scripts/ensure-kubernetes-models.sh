#!/usr/bin/env bash
# Makes sure the npm package kubernetes-models (typed Kubernetes objects whose .validate() checks
# an object against the Kubernetes API's OpenAPI schemas) and the YAML parser `yaml` are installed
# for KubernetesManifestsIT, which validates every document `deploy k8s` renders with them
# (src/test/resources/k8s/validate-manifests.cjs), in ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/kubernetes-models
# (scripts/npm-tool.sh).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/npm-tool.sh" kubernetes-models \
  'node -e "require(process.cwd() + \"/node_modules/kubernetes-models/apps/v1\"); require(process.cwd() + \"/node_modules/yaml\")"' \
  kubernetes-models@5.1.0 yaml@2.9.1
