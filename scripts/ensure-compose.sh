#!/usr/bin/env bash
# Makes sure a compose implementation is there for the tests that validate the compose.yaml
# `dockenv init` writes (`docker-compose -f compose.yaml config`): Debian's docker-compose (1.29).
# Idempotent and silent when `docker-compose` already runs. Needs root to install.
set -euo pipefail

compose_ok() { docker-compose version --short >/dev/null 2>&1; }

if compose_ok; then exit 0; fi

if [ "$(id -u)" != 0 ]; then
  echo "ensure-compose: docker-compose is missing and installing it needs root (apt-get install docker-compose)" >&2
  exit 1
fi
echo "ensure-compose: installing docker-compose" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
compose_ok || { echo "ensure-compose: docker-compose still does not run after installing it" >&2; exit 1; }
