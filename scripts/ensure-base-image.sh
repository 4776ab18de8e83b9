#!/usr/bin/env bash
# Makes sure the image python:3.11-slim exists in the engine. No registry is reachable on the
# machines this project is tested on, so when the image cannot be pulled a stand-in is built from
# Debian packages (python3, venv, pip) with debootstrap and imported; its tarball is cached in
# ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test} so the next machine run only imports it.
set -euo pipefail

IMAGE=${1:-python:3.11-slim}
CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
TARBALL="$CACHE/python-3.11-slim-standin.tar"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then exit 0; fi
if timeout 20 docker pull -q "$IMAGE" >/dev/null 2>&1; then exit 0; fi

import_tarball() {
  docker import -c 'ENV LANG=C.UTF-8' -c 'CMD ["python3"]' - "$IMAGE" <"$TARBALL" >/dev/null
}

if [ -s "$TARBALL" ]; then import_tarball; exit 0; fi

if [ "$(id -u)" != 0 ]; then
  echo "ensure-base-image: $IMAGE is missing and building a stand-in needs root (debootstrap)" >&2
  exit 1
fi
command -v debootstrap >/dev/null 2>&1 || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
}
echo "ensure-base-image: building a stand-in $IMAGE with debootstrap (about a minute)" >&2
mkdir -p "$CACHE"
ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,python-is-python3 \
  bookworm "$ROOT" http://deb.debian.org/debian >"$CACHE/debootstrap.log" 2>&1 || {
  echo "ensure-base-image: debootstrap failed; see $CACHE/debootstrap.log" >&2; exit 1; }
ln -sf pip3 "$ROOT/usr/bin/pip"
rm -f "$ROOT"/usr/lib/python3.*/EXTERNALLY-MANAGED
rm -rf "$ROOT"/var/cache/apt/archives/*.deb "$ROOT"/var/lib/apt/lists/*
chmod 0755 "$ROOT" # mktemp made it 0700, which the tarball's "./" would give the image's / (rootless Podman keeps it)
tar -C "$ROOT" -c . >"$TARBALL.part"
mv "$TARBALL.part" "$TARBALL"
import_tarball
