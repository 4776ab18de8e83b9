#!/usr/bin/env bash
# Makes sure "the server" (scripts/ensure-server-engine.sh, run it first) is a single-node Swarm
# manager, for the tests of Swarm stacks (SwarmStackIT). Idempotent and fast when it is one already
# (one `docker info`). Needs root only when the server must be started.
#
# Why the server engine and not the main one: the main engine runs every other test, and a Swarm
# there would change what they see (docker-compose 1.29 warns on every `up` that the engine is in
# swarm mode, `docker network ls` lists ingress and docker_gwbridge); the server is where a deploy
# goes anyway. What this machine's kernel lacks: IPVS (no ip_vs, no modules to load), so Swarm's
# routing mesh (ingress published ports, a service's virtual IP) cannot balance on any engine
# here. Services reached by DNS round robin (deploy.endpoint_mode: dnsrr) over an overlay network
# work: the tests reach a stack's replicas from a container on its attachable overlay network.
#
#   swarm        advertise and listen on 127.0.0.1:23770 only (DOCKENV_SWARM_PORT)
#   overlays     from 172.31.240.0/20 (--default-addr-pool), apart from the server's 172.30.0.0/16
#   gwbridge     Swarm's docker_gwbridge network made first, as the Linux bridge dockenv-gwbr
#                (172.30.98.0/24, no masquerading, no inter-container traffic), so that it never
#                takes the name docker_gwbridge, which a Swarm of the main engine would use
set -euo pipefail

HOST=${DOCKENV_TEST_SERVER:-unix:///run/dockenv-server/docker.sock}
PORT=${DOCKENV_SWARM_PORT:-23770}
GW_BRIDGE=dockenv-gwbr
GW_SUBNET=172.30.98.0/24
POOL=172.31.240.0/20

fail() { echo "ensure-swarm: $*" >&2; exit 1; }
client() { if [ -x /usr/bin/docker ]; then /usr/bin/docker -H "$HOST" "$@"; else docker -H "$HOST" "$@"; fi; }

state=$(client info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}' 2>/dev/null) \
  || fail "the server engine ($HOST) does not answer: run scripts/ensure-server-engine.sh first"
case "$state" in
  "active true") exit 0 ;;
  "inactive false") ;;
  *) fail "the server engine is in a Swarm state this script does not repair ($state): \`docker -H $HOST swarm leave --force\`, then run it again" ;;
esac

if ! client network inspect docker_gwbridge >/dev/null 2>&1; then
  client network create --driver bridge --subnet "$GW_SUBNET" \
    -o com.docker.network.bridge.name="$GW_BRIDGE" \
    -o com.docker.network.bridge.enable_icc=false \
    -o com.docker.network.bridge.enable_ip_masquerade=false \
    docker_gwbridge >/dev/null
fi
echo "ensure-swarm: making the server engine a single-node Swarm (127.0.0.1:$PORT)" >&2
client swarm init --advertise-addr 127.0.0.1 --listen-addr "127.0.0.1:$PORT" --default-addr-pool "$POOL" >/dev/null
[ "$(client info --format '{{.Swarm.LocalNodeState}} {{.Swarm.ControlAvailable}}')" = "active true" ] \
  || fail "the server engine did not become a Swarm manager; see /var/log/dockenv-server.log"
