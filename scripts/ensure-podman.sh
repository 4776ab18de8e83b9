#!/usr/bin/env bash
# Makes sure Podman can run dockenv's Podman tests (PodmanIT), rootful and rootless (run as root;
# idempotent; quiet and fast when everything is in place):
#   - Debian's podman, uidmap (newuidmap for rootless), slirp4netns (rootless networking; only
#     recommended by podman, so --no-install-recommends leaves it out) and catatonit (what
#     `podman run --init` starts). Never podman-docker: it conflicts with docker.io and would remove
#     the engine.
#   - /etc/containers/containers.conf with `default_ulimits = []` (runc here refuses the default
#     rlimits), unless the file says something about default_ulimits already.
#   - /dev/net/tun readable and writable by all (mode 0666, as udev makes it on an ordinary
#     machine): rootless networking (slirp4netns) opens it.
#   - the base image python:3.11-slim in Podman's own stores, root's and the test user's
#     ($DOCKENV_TEST_USER, default dockenvtest, with /etc/subuid and /etc/subgid ranges), loaded
#     from the Docker engine (`docker save | podman load`: no registry is reachable here). The
#     debootstrap stand-in's root folder may be mode 0700 (an old tarball): where a non-root
#     container user cannot enter it, a layer `chmod 755 /` is added.
set -euo pipefail

IMAGE=python:3.11-slim
USER_NAME=${DOCKENV_TEST_USER:-dockenvtest}
DOCKER=${DOCKENV_TEST_DOCKER:-$( [ -x /usr/bin/docker ] && echo /usr/bin/docker || echo docker)}

fail() { echo "ensure-podman: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || fail "must run as root (it installs podman and prepares its stores)"

missing=()
command -v podman >/dev/null 2>&1 || missing+=(podman)
command -v newuidmap >/dev/null 2>&1 || missing+=(uidmap)
command -v slirp4netns >/dev/null 2>&1 || missing+=(slirp4netns)
[ -x /usr/libexec/podman/catatonit ] || missing+=(catatonit)
if [ ${#missing[@]} -gt 0 ]; then
  echo "ensure-podman: installing ${missing[*]}" >&2
  apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || fail "apt-get install ${missing[*]} failed"
fi

CONF=/etc/containers/containers.conf
if ! grep -qs '^[[:space:]]*default_ulimits' "$CONF"; then
  mkdir -p /etc/containers
  if grep -qs '^\[containers\]' "$CONF"; then
    sed -i 's/^\[containers\]/[containers]\ndefault_ulimits = []/' "$CONF"
  else
    printf '[containers]\ndefault_ulimits = []\n' >>"$CONF"
  fi
fi

if [ -c /dev/net/tun ] && [ "$(stat -c %a /dev/net/tun)" != 666 ]; then chmod 0666 /dev/net/tun; fi

# The test user's subordinate ids (useradd adds them on Debian; a user made otherwise may lack them).
if getent passwd "$USER_NAME" >/dev/null; then
  grep -qs "^$USER_NAME:" /etc/subuid || usermod --add-subuids 200000-265535 "$USER_NAME"
  grep -qs "^$USER_NAME:" /etc/subgid || usermod --add-subgids 200000-265535 "$USER_NAME"
fi

TARBALL=""
cleanup() { if [ -n "$TARBALL" ]; then rm -f "$TARBALL"; fi; }
trap cleanup EXIT
# The image's file system as one tarball without an entry for its root folder (docker export), so
# that folder gets the ordinary mode 0755 in every storage driver (the stand-in's own tarball may
# carry 0700, which rootless Podman's vfs driver keeps).
exported_image() {
  if [ -z "$TARBALL" ]; then
    "$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1 || fail "$IMAGE is not in the Docker engine (scripts/ensure-base-image.sh)"
    TARBALL=$(mktemp /tmp/ensure-podman-XXXXXX.tar)
    chmod 0644 "$TARBALL"
    local container
    container=$("$DOCKER" create "$IMAGE" /bin/true)
    "$DOCKER" export "$container" | tar --delete .dockerenv >"$TARBALL" || true
    "$DOCKER" rm "$container" >/dev/null
    [ -s "$TARBALL" ] || fail "docker export of $IMAGE gave nothing"
  fi
  echo "$TARBALL"
}

# As "$@" (env: root; else runuser -u USER -- env ...): imports the image when it is missing or a
# non-root container user cannot start a program in it.
STAMPS=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}/podman
mkdir -p "$STAMPS"
prepare_store() {
  local as=("$@") id stamp
  stamp="$STAMPS/checked-$("${as[@]}" id -u)"
  id=$("${as[@]}" podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
  if [ -n "$id" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$id" ]; then return 0; fi
  if [ -n "$id" ] && "${as[@]}" podman run --rm --network none --user 65534:65534 "$IMAGE" /bin/true >/dev/null 2>&1; then
    echo "$id" >"$stamp"
    return 0
  fi
  "${as[@]}" podman import -q -c 'ENV LANG=C.UTF-8' -c 'CMD ["python3"]' "$(exported_image)" "$IMAGE" >/dev/null 2>&1 \
    || fail "podman import of $IMAGE failed (${as[*]})"
  "${as[@]}" podman run --rm --network none --user 65534:65534 "$IMAGE" /bin/true >/dev/null 2>&1 \
    || fail "a non-root user cannot start /bin/true in $IMAGE in podman's store (${as[*]})"
  "${as[@]}" podman image prune -f >/dev/null 2>&1 || true
  "${as[@]}" podman image inspect --format '{{.Id}}' "$IMAGE" >"$stamp"
}

prepare_store env
if getent passwd "$USER_NAME" >/dev/null; then
  home=$(getent passwd "$USER_NAME" | cut -d: -f6)
  as_user=(runuser -u "$USER_NAME" -- env HOME="$home" USER="$USER_NAME" LOGNAME="$USER_NAME")
  # Rootless Podman 4.3 without a storage.conf falls back to the vfs driver here (a full copy of the
  # file system per layer: a first build took minutes); the kernel's own overlay works rootless.
  conf="$home/.config/containers/storage.conf"
  if ! grep -qs '^driver *= *"overlay"' "$conf"; then
    "${as_user[@]}" mkdir -p "$home/.config/containers"
    printf '[storage]\ndriver = "overlay"\n' >"$conf"
    chown "$USER_NAME:" "$conf"
  fi
  if [ "$("${as_user[@]}" podman info --format '{{.Store.GraphDriverName}}' 2>/dev/null)" != overlay ]; then
    "${as_user[@]}" podman system reset -f >/dev/null 2>&1 || fail "podman system reset failed for $USER_NAME"
  fi
  prepare_store runuser -u "$USER_NAME" -- env HOME="$home" USER="$USER_NAME" LOGNAME="$USER_NAME"
fi
exit 0
