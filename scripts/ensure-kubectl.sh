#!/usr/bin/env bash
# Makes sure a kubectl program is on PATH for DeployK8sIT, which runs `dockenv deploy k8s --apply`
# with the real kubectl and no cluster (the failure dockenv reports). Debian's kubernetes-client
# when none is installed (needs root then). Idempotent and silent when kubectl is already there.
set -euo pipefail

if command -v kubectl >/dev/null; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ensure-kubectl: kubectl is missing and installing it needs root (apt-get install kubernetes-client)" >&2
  exit 1
fi
echo "ensure-kubectl: installing kubernetes-client" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq kubernetes-client >/dev/null
command -v kubectl >/dev/null
