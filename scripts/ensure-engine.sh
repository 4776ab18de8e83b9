#!/usr/bin/env bash
# Makes sure a Docker engine answers, installing and starting Debian's docker.io when none does.
# Idempotent: does nothing when `docker info` already works and its default bridge is there. Needs
# root to install.
#
# The default bridge: the main engine's docker0 interface disappears while the engine keeps running
# when the tests' second engine (scripts/ensure-server-engine.sh, a Swarm manager) starts again after
# its daemons were killed: it removes its stale ingress sandbox and, with it, docker0 from the host's
# network namespace (seen with `ip monitor link`: docker0 deleted one second after that engine
# started, its log saying "Removing stale sandbox ingress_sbox"). Then every `docker run` on the
# default network fails with "could not find bridge docker0". When the engine's bridge network names
# an interface that does not exist, it is made again with the engine's own gateway and subnet (root
# only), as dockerd makes it; scripts/test.sh runs this again after starting the server engine.
set -euo pipefail

engine_up() { docker info >/dev/null 2>&1; }

ensure_default_bridge() {
  local name gateway subnet prefix
  name=$(docker network inspect bridge --format '{{index .Options "com.docker.network.bridge.name"}}' 2>/dev/null) || return 0
  [ -n "$name" ] || return 0
  ip link show "$name" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-engine: the engine's default bridge $name is missing; as root: ip link add $name type bridge (or restart dockerd)" >&2
    return 1
  fi
  gateway=$(docker network inspect bridge --format '{{(index .IPAM.Config 0).Gateway}}')
  subnet=$(docker network inspect bridge --format '{{(index .IPAM.Config 0).Subnet}}')
  prefix=${subnet#*/}
  echo "ensure-engine: the engine's default bridge $name was missing: made again ($gateway/$prefix)" >&2
  ip link add "$name" type bridge
  ip addr add "$gateway/$prefix" dev "$name"
  ip link set "$name" up
}

# shellcheck source=scripts/dockerd-pid.sh
source "$(dirname "${BASH_SOURCE[0]}")/dockerd-pid.sh"

if engine_up; then
  ensure_default_bridge
  exit 0
fi

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
  # a dockerd and its containerd killed hard may still be stopping, and their pid files stop new ones
  clear_pid_file /var/run/docker.pid dockerd 15 || {
    echo "ensure-engine: a dockerd ($(cat /var/run/docker.pid)) runs but does not answer; see /var/log/dockerd.log" >&2
    exit 1
  }
  clear_pid_file /var/run/docker/containerd/containerd.pid containerd 15 || {
    echo "ensure-engine: a containerd of no running dockerd runs ($(cat /var/run/docker/containerd/containerd.pid))" >&2
    exit 1
  }
  echo "ensure-engine: starting dockerd" >&2
  (exec setsid dockerd) </dev/null >/var/log/dockerd.log 2>&1 &
  for _ in $(seq 60); do engine_up && break; sleep 1; done
fi

engine_up || { echo "ensure-engine: dockerd did not come up; see /var/log/dockerd.log" >&2; exit 1; }
ensure_default_bridge
