#!/usr/bin/env bash
# Makes sure "the server" answers: a second Docker engine beside the main one, for the tests of
# dockenv against a remote engine (-H, DOCKER_HOST, contexts) and of deploying to a server.
# Idempotent and fast when it runs already (one `docker info`). Needs root to start it.
#
#   socket      unix:///run/dockenv-server/docker.sock   (group docker, as the main engine's)
#   tcp         tcp://127.0.0.1:23750                    (plain HTTP, loopback only: tests of tcp://)
#   data-root   /var/lib/dockenv-server
#   exec-root   /run/dockenv-server/exec (its own containerd under it), pidfile /run/dockenv-server/dockerd.pid
#   log         /var/log/dockenv-server.log
#   network     the host's network namespace, its own bridge dockenv-srv0 (172.30.99.1/24) instead
#               of docker0, networks from 172.30.0.0/16 only, and no iptables rules of its own
#               (--iptables=false): the main engine's chains stay the main engine's. A port published
#               on it (-p 127.0.0.1:P:8000) is served by docker-proxy on the host's 127.0.0.1:P; the
#               engine itself (pulls) and builds with --network host reach the host's 127.0.0.1 (a
#               registry there) directly. The main engine's FORWARD policy (DROP) also filters
#               bridged traffic, so one rule in DOCKER-USER (the chain dockerd leaves to users and
#               never flushes) lets the server's containers reach each other (an app and its compose
#               services): traffic from 172.30.0.0/16 to 172.30.0.0/16. Its containers have no route
#               beyond the host (no masquerading).
# The base image python:3.11-slim (and redis:7, for a stack there) is copied from the main engine
# into it when missing.
# Override with DOCKENV_SERVER_DIR (socket folder), DOCKENV_SERVER_TCP_PORT.
set -euo pipefail

DIR=${DOCKENV_SERVER_DIR:-/run/dockenv-server}
SOCKET="$DIR/docker.sock"
TCP_PORT=${DOCKENV_SERVER_TCP_PORT:-23750}
DATA=/var/lib/dockenv-server
BRIDGE=dockenv-srv0
BRIDGE_CIDR=172.30.99.1/24
# the server's networks (its bridge and the compose networks it makes) come from this range alone
POOL=172.30.0.0/16
LOG=/var/log/dockenv-server.log
HOST="unix://$SOCKET"
BASE_IMAGE=python:3.11-slim

fail() { echo "ensure-server-engine: $*" >&2; exit 1; }
# shellcheck source=scripts/dockerd-pid.sh
source "$(dirname "${BASH_SOURCE[0]}")/dockerd-pid.sh"
client() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }
server_up() { client -H "$HOST" info >/dev/null 2>&1; }

if ! server_up; then
  [ "$(id -u)" = 0 ] || fail "the server engine ($HOST) is not running and only root can start it"
  command -v dockerd >/dev/null 2>&1 || fail "dockerd is missing: run scripts/ensure-engine.sh first"
  mkdir -p "$DIR/exec" "$DATA"
  # a dockerd and its containerd killed hard may still be stopping, and their pid files stop new ones
  if ! clear_pid_file "$DIR/dockerd.pid" dockerd 15; then
    fail "a dockerd with $DIR/dockerd.pid runs but does not answer on $HOST; see $LOG"
  fi
  if ! clear_pid_file "$DIR/exec/containerd/containerd.pid" containerd 15; then
    fail "a containerd of no running dockerd runs ($DIR/exec/containerd/containerd.pid)"
  fi
  rm -f "$DIR/dockerd.pid" "$SOCKET"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    ip link add "$BRIDGE" type bridge
    ip addr add "$BRIDGE_CIDR" dev "$BRIDGE"
  fi
  ip link set "$BRIDGE" up
  getent group docker >/dev/null || groupadd --system docker
  echo "ensure-server-engine: starting the server engine on $HOST and tcp://127.0.0.1:$TCP_PORT" >&2
  (exec setsid dockerd --host "$HOST" --host "tcp://127.0.0.1:$TCP_PORT" --group docker \
      --data-root "$DATA" --exec-root "$DIR/exec" --pidfile "$DIR/dockerd.pid" \
      --bridge "$BRIDGE" --iptables=false --ip-masq=false --ip-forward=false \
      --default-address-pool "base=$POOL,size=24" \
      --containerd-namespace dockenv-server --containerd-plugins-namespace dockenv-server-plugins \
      ) </dev/null >"$LOG" 2>&1 &
  for _ in $(seq 90); do server_up && break; sleep 1; done
  server_up || fail "the server engine did not come up on $HOST; see $LOG"
fi

# Containers of the server talk to each other across the main engine's FORWARD policy.
if command -v iptables >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  iptables -N DOCKER-USER 2>/dev/null || true
  iptables -C DOCKER-USER -s "$POOL" -d "$POOL" -j ACCEPT 2>/dev/null \
    || iptables -I DOCKER-USER -s "$POOL" -d "$POOL" -j ACCEPT
  iptables -C FORWARD -j DOCKER-USER 2>/dev/null || iptables -I FORWARD -j DOCKER-USER
fi

# The base image, copied from the main engine (the server has no registry to pull it from either),
# and redis:7 for a stack on the server when the main engine has it (scripts/ensure-service-images.sh).
if ! client -H "$HOST" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
  client image inspect "$BASE_IMAGE" >/dev/null 2>&1 || fail "the main engine has no $BASE_IMAGE (scripts/ensure-base-image.sh)"
  client save "$BASE_IMAGE" | client -H "$HOST" load >/dev/null
fi
if ! client -H "$HOST" image inspect redis:7 >/dev/null 2>&1 && client image inspect redis:7 >/dev/null 2>&1; then
  client save redis:7 | client -H "$HOST" load >/dev/null
fi
exit 0
