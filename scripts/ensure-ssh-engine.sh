#!/usr/bin/env bash
# Makes "the server" (scripts/ensure-server-engine.sh, run it first) reachable as a deploy server
# usually is: over ssh://, for the tests of remote engines through ssh (RemoteEngineIT). Starts an
# OpenSSH server of its own (Debian's openssh-server, installed when missing without starting the
# system's), listening on 127.0.0.1:23722 only (DOCKENV_TEST_SSH_PORT), key-only login as root with
# a key made for the tests, whose sessions get DOCKER_HOST set to the server engine, so that
# `docker -H ssh://root@127.0.0.1:23722 ...` (docker system dial-stdio on the other side) reaches
# the server, not the main engine. The system's ssh configuration, keys and known_hosts are not
# touched: the tests' ssh client reads the config file written here (CONFIG below), through the
# wrapper bin/ssh that tests put first on PATH (the docker client runs `ssh` from PATH). Idempotent
# and fast when it runs already. Needs root.
#
#   --env   print DOCKENV_TEST_SSH_HOST=ssh://root@127.0.0.1:PORT and DOCKENV_TEST_SSH_PATH=DIR/bin
#           for `eval`
set -euo pipefail

PORT=${DOCKENV_TEST_SSH_PORT:-23722}
SERVER=${DOCKENV_TEST_SERVER:-unix:///run/dockenv-server/docker.sock}
DIR=${DOCKENV_TEST_SSH_DIR:-${HOME:-/root}/.cache/dockenv-test/ssh}
print_env=false
[ "${1:-}" = --env ] && print_env=true

fail() { echo "ensure-ssh-engine: $*" >&2; exit 1; }
emit_env() {
  if $print_env; then
    echo "export DOCKENV_TEST_SSH_HOST=ssh://root@127.0.0.1:$PORT"
    echo "export DOCKENV_TEST_SSH_PATH=$DIR/bin"
  fi
}
# the engine an ssh session reaches is the server (its ID), not the main engine
answers() {
  local id remote
  id=$(docker -H "$SERVER" info --format '{{.ID}}' 2>/dev/null) || return 1
  remote=$("$DIR/bin/ssh" -p "$PORT" root@127.0.0.1 docker info --format "'{{.ID}}'" 2>/dev/null) || return 1
  [ -n "$id" ] && [ "$id" = "$remote" ]
}

[ "$(id -u)" = 0 ] || fail "needs root (an sshd that logs in as root)"
if [ -f "$DIR/sshd.pid" ] && kill -0 "$(cat "$DIR/sshd.pid")" 2>/dev/null && answers; then
  emit_env
  exit 0
fi

if [ ! -x /usr/sbin/sshd ]; then
  # installed, not started: a policy that forbids starting services while apt runs, when none exists
  policy=/usr/sbin/policy-rc.d
  made_policy=false
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && made_policy=true
  fi
  trap '$made_policy && rm -f "$policy"' EXIT
  mkdir -p "$DIR"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      openssh-server; } >"$DIR/apt.log" 2>&1 || { cat "$DIR/apt.log" >&2; fail "apt-get install openssh-server failed"; }
fi

mkdir -p "$DIR/bin" /run/sshd
chmod 700 "$DIR"
[ -f "$DIR/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C dockenv-test-host -f "$DIR/host_ed25519"
[ -f "$DIR/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C dockenv-test-client -f "$DIR/id_ed25519"
cp "$DIR/id_ed25519.pub" "$DIR/authorized_keys"
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1,2 "$DIR/host_ed25519.pub")" > "$DIR/known_hosts"

cat > "$DIR/sshd_config" <<CONF
# the tests' sshd (scripts/ensure-ssh-engine.sh): 127.0.0.1 only, one key, sessions on the server engine
Port $PORT
ListenAddress 127.0.0.1
HostKey $DIR/host_ed25519
AuthorizedKeysFile $DIR/authorized_keys
PidFile $DIR/sshd.pid
PermitRootLogin prohibit-password
AllowUsers root
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
X11Forwarding no
AllowTcpForwarding no
SetEnv DOCKER_HOST=$SERVER
CONF

cat > "$DIR/config" <<CONF
# the tests' ssh client (scripts/ensure-ssh-engine.sh)
Host 127.0.0.1
  IdentityFile $DIR/id_ed25519
  IdentitiesOnly yes
  UserKnownHostsFile $DIR/known_hosts
  StrictHostKeyChecking yes
  BatchMode yes
CONF

cat > "$DIR/bin/ssh" <<WRAP
#!/bin/sh
# the system's ssh client with the tests' configuration (scripts/ensure-ssh-engine.sh)
exec /usr/bin/ssh -F "$DIR/config" "\$@"
WRAP
chmod 755 "$DIR/bin/ssh"

if [ -f "$DIR/sshd.pid" ]; then
  kill "$(cat "$DIR/sshd.pid")" 2>/dev/null || true
  rm -f "$DIR/sshd.pid"
fi
/usr/sbin/sshd -t -f "$DIR/sshd_config" || fail "sshd refuses its configuration $DIR/sshd_config"
/usr/sbin/sshd -f "$DIR/sshd_config" -E "$DIR/sshd.log"
for _ in $(seq 1 50); do
  if answers; then
    emit_env
    exit 0
  fi
  sleep 0.2
done
fail "sshd on 127.0.0.1:$PORT does not let the tests reach the server engine (see $DIR/sshd.log)"
