#!/usr/bin/env bash
# Makes sure a Docker engine answers, installing and starting Debian's docker.io when none does.
# Idempotent: does nothing when `docker info` already works. Needs root to install.
set -euo pipefail

engine_up() { docker info >/dev/null 2>&1; }

if engine_up; then exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-engine: no Docker engine and not root: install Docker (docker.io) and start it" >&2
    exit 1
  fi
  echo "ensure-engine: installing docker.io" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
fi

if ! engine_up; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-engine: dockerd is installed but not running; start it (sudo dockerd)" >&2
    exit 1
  fi
  echo "ensure-engine: starting dockerd" >&2
  (exec setsid dockerd) </dev/null >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 60); do engine_up && break; sleep 1; done
fi

engine_up || { echo "ensure-engine: dockerd did not come up; see /var/log/dockerd.log" >&2; exit 1; }
