#!/usr/bin/env bash
# Makes sure a real registry answers for the push, pull and save tests (RegistryIT and others):
# Debian's docker-registry (distribution 2.8) on 127.0.0.1, without a container, with htpasswd
# auth (one test user, a password made once and kept in the cache, bcrypt as `htpasswd -B`
# writes it) and a storage root of its own, all under
# ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/registry:
#   config.yml   the registry's configuration (http.addr 127.0.0.1:PORT, auth.htpasswd, storage)
#   htpasswd     the test user's bcrypt entry
#   test.env     DOCKENV_TEST_REGISTRY=127.0.0.1:PORT, DOCKENV_TEST_REGISTRY_USER,
#                DOCKENV_TEST_REGISTRY_PASSWORD (rw-------); the tests read it when those
#                variables are not set (it/support/TestRegistry)
#   data/        the registry's storage (emptied when the registry starts and it holds more than
#                DOCKENV_TEST_REGISTRY_MAX_MB, default 2048: the tests' repositories are throwaway)
#   registry.log what the registry printed; registry.pid its process
# Installs docker-registry and apache2-utils (htpasswd) when missing (needs root then). Starts
# `docker-registry serve config.yml` detached (setsid) when nothing answers on the port, and waits
# until /v2/ answers 401 without credentials and 200 with them. Idempotent and fast (two curl
# calls) when it runs already; a port that another program holds is an error naming it.
#
#   scripts/ensure-registry.sh             # ensure it runs; silent on success
#   scripts/ensure-registry.sh --env       # also print `export` lines for the variables above
#   scripts/ensure-registry.sh --stop      # stop the registry this script started
#
# DOCKENV_TEST_REGISTRY_PORT picks the port (default 5000).
set -euo pipefail

CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
DIR=$CACHE/registry
PORT=${DOCKENV_TEST_REGISTRY_PORT:-5000}
ADDR=127.0.0.1:$PORT
USER_NAME=dockenv-test

fail() { echo "ensure-registry: $*" >&2; exit 1; }

# The HTTP status of GET /v2/ (000 when nothing answers), with credentials when given.
status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$@" "http://$ADDR/v2/" || true
}

if [ "${1:-}" = --stop ]; then
  if [ -f "$DIR/registry.pid" ] && grep -q "docker-registry" "/proc/$(cat "$DIR/registry.pid")/cmdline" 2>/dev/null; then
    kill "$(cat "$DIR/registry.pid")"
  fi
  rm -f "$DIR/registry.pid"
  exit 0
fi

install_missing() {
  local missing=()
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" = 0 ] || fail "${missing[*]} missing and installing needs root (apt-get install ${missing[*]})"
  echo "ensure-registry: installing ${missing[*]}" >&2
  # the package's own service (/etc/docker/registry) is not used: keep it from starting
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d.dockenv
  local had_policy=0
  [ -e /usr/sbin/policy-rc.d ] && had_policy=1
  [ $had_policy = 1 ] || install -m 0755 /usr/sbin/policy-rc.d.dockenv /usr/sbin/policy-rc.d
  local ok=0
  if DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1; then
    ok=1
  else
    apt-get -o DPkg::Lock::Timeout=300 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends \
        "${missing[@]}" >/dev/null && ok=1
  fi
  [ $had_policy = 1 ] || rm -f /usr/sbin/policy-rc.d
  rm -f /usr/sbin/policy-rc.d.dockenv
  [ $ok = 1 ] || fail "could not install ${missing[*]}"
}

# The registry's configuration, as this script wants it.
config() {
  cat <<EOF
# written by scripts/ensure-registry.sh
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $DIR/data
  delete:
    enabled: true
http:
  addr: $ADDR
auth:
  htpasswd:
    realm: dockenv-test
    path: $DIR/htpasswd
EOF
}

# The files: made once; the password stays the same across runs (the tests' logins keep working).
prepare_files() {
  mkdir -p "$DIR/data"
  chmod 0700 "$DIR"
  if [ ! -s "$DIR/password" ]; then
    (umask 077; head -c 18 /dev/urandom | base64 | tr '+/' '-_' > "$DIR/password.tmp")
    mv "$DIR/password.tmp" "$DIR/password"
  fi
  local password
  password=$(cat "$DIR/password")
  if [ ! -s "$DIR/htpasswd" ] || ! htpasswd -vb "$DIR/htpasswd" "$USER_NAME" "$password" >/dev/null 2>&1; then
    htpasswd -Bbn "$USER_NAME" "$password" > "$DIR/htpasswd.tmp"
    mv "$DIR/htpasswd.tmp" "$DIR/htpasswd"
  fi
  config > "$DIR/config.yml.tmp"
  mv "$DIR/config.yml.tmp" "$DIR/config.yml"
  (umask 077; cat > "$DIR/test.env.tmp" <<EOF
DOCKENV_TEST_REGISTRY=$ADDR
DOCKENV_TEST_REGISTRY_USER=$USER_NAME
DOCKENV_TEST_REGISTRY_PASSWORD=$password
EOF
  )
  mv "$DIR/test.env.tmp" "$DIR/test.env"
}

print_env() {
  [ "${1:-}" = --env ] || return 0
  sed 's/^/export /' "$DIR/test.env"
}

ours_answers() {
  [ -s "$DIR/password" ] || return 1
  [ "$(status)" = 401 ] && [ "$(status -u "$USER_NAME:$(cat "$DIR/password")")" = 200 ]
}

# Fast path: ours answers already, with this configuration.
if ours_answers && [ -s "$DIR/test.env" ] && grep -qx "DOCKENV_TEST_REGISTRY=$ADDR" "$DIR/test.env" \
    && [ "$(config)" = "$(cat "$DIR/config.yml" 2>/dev/null)" ]; then
  print_env "${1:-}"
  exit 0
fi

install_missing

# The registry this script started, when it still runs: its pid, and the address it serves.
OURS=
if [ -f "$DIR/registry.pid" ] && grep -q docker-registry "/proc/$(cat "$DIR/registry.pid")/cmdline" 2>/dev/null; then
  OURS=$(cat "$DIR/registry.pid")
fi
ours_addr() { sed -n 's/^  addr: //p' "$DIR/config.yml" 2>/dev/null; }

# Nothing else may hold the port (checked before anything is changed).
if [ -z "$OURS" ] || [ "$(ours_addr)" != "$ADDR" ]; then
  case "$(status)" in
    000) ;;
    401) fail "another registry answers on $ADDR: stop it, or set DOCKENV_TEST_REGISTRY_PORT" ;;
    *) fail "another program answers HTTP on $ADDR: stop it, or set DOCKENV_TEST_REGISTRY_PORT" ;;
  esac
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    fail "port $PORT on 127.0.0.1 is taken by a program that does not speak HTTP: set DOCKENV_TEST_REGISTRY_PORT"
  fi
fi

prepare_files

# Ours, started with another configuration or not answering: stopped, then started again.
if [ -n "$OURS" ]; then
  kill "$OURS" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$OURS" 2>/dev/null || break; sleep 0.1; done
fi

# The tests push images of random bytes to repositories of their own: the storage is emptied when
# it has grown past DOCKENV_TEST_REGISTRY_MAX_MB (default 2048) before the registry starts.
used=$(du -sm "$DIR/data" 2>/dev/null | cut -f1)
if [ "${used:-0}" -gt "${DOCKENV_TEST_REGISTRY_MAX_MB:-2048}" ]; then
  echo "ensure-registry: emptying the registry's storage ($used MB)" >&2
  rm -rf "$DIR/data/docker"
fi

(cd "$DIR" && exec setsid docker-registry serve "$DIR/config.yml" </dev/null >>"$DIR/registry.log" 2>&1) &
echo $! > "$DIR/registry.pid"
for _ in $(seq 100); do
  if ours_answers; then
    print_env "${1:-}"
    exit 0
  fi
  kill -0 "$(cat "$DIR/registry.pid")" 2>/dev/null || break
  sleep 0.1
done
echo "ensure-registry: the registry did not answer on $ADDR; its log ($DIR/registry.log) ends:" >&2
tail -n 20 "$DIR/registry.log" >&2 || true
exit 1
