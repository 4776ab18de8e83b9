#!/usr/bin/env bash
# Makes sure the non-root user the tests switch to exists (run as root; idempotent; silent on
# success): `dockenvtest` (uid 4242, or the next free uid), with its own group and a home directory,
# in the `docker` group, and the engine's socket readable and writable by that group. Tests run
# `runuser -u dockenvtest -- ...` to prove dockenv works for a user who is not root.
# Override the name with DOCKENV_TEST_USER.
set -euo pipefail

USER_NAME=${DOCKENV_TEST_USER:-dockenvtest}
WANT_UID=4242

fail() { echo "ensure-test-user: $*" >&2; exit 1; }
# Runs a command quietly; shows its output only when it fails.
quiet() {
  local out
  if ! out=$("$@" 2>&1); then
    echo "ensure-test-user: failed: $*" >&2
    [ -n "$out" ] && echo "$out" >&2
    exit 1
  fi
}

[ "$(id -u)" = 0 ] || fail "must run as root (it creates the user $USER_NAME)"
for tool in useradd groupadd usermod getent; do
  command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing (package passwd)"
done

# The docker group, and the socket owned by it with group read/write.
getent group docker >/dev/null || quiet groupadd --system docker
SOCKET=/var/run/docker.sock
case "${DOCKER_HOST:-}" in unix://*) SOCKET=${DOCKER_HOST#unix://} ;; esac
if [ -S "$SOCKET" ]; then
  [ "$(stat -c %G "$SOCKET")" = docker ] || quiet chgrp docker "$SOCKET"
  perms=$(stat -c %a "$SOCKET")
  (( (8#$perms & 8#060) == 8#060 )) || quiet chmod g+rw "$SOCKET"
fi

# The user, with its own group.
if ! getent passwd "$USER_NAME" >/dev/null; then
  uid=$WANT_UID
  while getent passwd "$uid" >/dev/null || getent group "$uid" >/dev/null; do uid=$((uid + 1)); done
  getent group "$USER_NAME" >/dev/null || quiet groupadd -g "$uid" "$USER_NAME"
  quiet useradd -u "$uid" -g "$USER_NAME" -G docker -m -d "/home/$USER_NAME" -s /bin/bash "$USER_NAME"
fi

# Repairs for a user that existed already (or was made by hand).
case " $(id -nG "$USER_NAME") " in *" docker "*) ;; *) quiet usermod -aG docker "$USER_NAME" ;; esac
home=$(getent passwd "$USER_NAME" | cut -d: -f6)
if [ ! -d "$home" ]; then
  quiet mkdir -p "$home"
  quiet chown "$USER_NAME:" "$home"
  quiet chmod 0750 "$home"
fi
exit 0
