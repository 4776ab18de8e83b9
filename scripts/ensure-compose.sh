#!/usr/bin/env bash
# Makes sure a compose implementation is there for the tests that validate the compose.yaml
# `dockenv init` writes (`docker-compose -f compose.yaml config`): Debian's docker-compose (1.29).
# Idempotent and silent when `docker-compose` already runs. Needs root to install.
# As root it also makes sure of Python's paramiko, without which docker-compose 1.29 cannot reach an
# ssh:// engine ("Install paramiko package to enable ssh:// support"; Debian's docker-compose does
# not bring it along): `deploy compose -H ssh://...` is tested (DeployComposeIT).
set -euo pipefail

compose_ok() { docker-compose version --short >/dev/null 2>&1; }
# the Python docker-compose runs with (Debian's: /usr/bin/python3), not whichever python3 is first on PATH
paramiko_ok() { /usr/bin/python3 -c 'import paramiko' >/dev/null 2>&1; }

if compose_ok && { paramiko_ok || [ "$(id -u)" != 0 ]; }; then exit 0; fi
if compose_ok && [ "$(id -u)" = 0 ]; then
  echo "ensure-compose: installing python3-paramiko (docker-compose's ssh:// engines)" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-paramiko >/dev/null 2>&1 \
    || { echo "ensure-compose: apt-get install python3-paramiko failed" >&2; exit 1; }
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "ensure-compose: docker-compose is missing and installing it needs root (apt-get install docker-compose)" >&2
  exit 1
fi
echo "ensure-compose: installing docker-compose" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-paramiko >/dev/null 2>&1 \
  || { echo "ensure-compose: apt-get install python3-paramiko failed" >&2; exit 1; }
compose_ok || { echo "ensure-compose: docker-compose still does not run after installing it" >&2; exit 1; }
