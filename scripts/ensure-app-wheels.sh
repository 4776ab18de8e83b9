#!/usr/bin/env bash
# Makes sure the wheels of real applications' packages are in
# ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/app-wheels: Django, psycopg2, Flask, redis-py, gunicorn, uvicorn,
# jupyter-server and their dependencies, made from Debian bookworm's python3-* packages by
# scripts/debian-wheel.py (the list is there), since no public index is reachable here. The tests'
# package index serves them (LocalPackageIndex.APP_WHEELS). Compiled ones are for Python 3.11 and
# need Debian's libraries at run time: libpq5 (psycopg2), libzmq5, libargon2-1, libxslt1.1
# (jupyter-server).
# Idempotent and silent when the wheels are there (the folder's debian-wheel.sha256 is the hash of
# scripts/debian-wheel.py that made them). Written to a temporary folder beside it, then moved in:
# a killed run leaves no half-written folder. Downloads with `apt-get download` (about 9 MB); needs
# root only when apt's package lists lack the packages (apt-get update).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
DIR=$CACHE/app-wheels
CONVERTER=$ROOT/scripts/debian-wheel.py
STAMP=debian-wheel.sha256

want=$(sha256sum "$CONVERTER" | cut -d' ' -f1)
if [ -f "$DIR/$STAMP" ] && [ "$(cat "$DIR/$STAMP")" = "$want" ]; then exit 0; fi

mkdir -p "$CACHE"
# temporary folders of runs killed more than 10 minutes ago (a run beside this one keeps its own)
find "$CACHE" -maxdepth 1 -name '.app-wheels.tmp.*' -mmin +10 -exec rm -rf {} + 2>/dev/null || true
TMP=$(mktemp -d "$CACHE/.app-wheels.tmp.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

echo "ensure-app-wheels: making wheels of Debian's python3 packages in $DIR" >&2
mapfile -t debs < <(python3 "$CONVERTER" --debs)
mkdir "$TMP/debs" "$TMP/wheels"
download() { (cd "$TMP/debs" && apt-get download -qq "${debs[@]}" >/dev/null 2>"$TMP/apt.log"); }
if ! download; then
  if [ "$(id -u)" != 0 ]; then
    echo "ensure-app-wheels: apt-get download failed and updating apt's lists needs root:" >&2
    cat "$TMP/apt.log" >&2
    exit 1
  fi
  apt-get update -qq
  download || { cat "$TMP/apt.log" >&2; exit 1; }
fi
python3 "$CONVERTER" "$TMP/debs" "$TMP/wheels"
echo "$want" > "$TMP/wheels/$STAMP"

if [ -e "$DIR" ]; then mv "$DIR" "$TMP/old"; fi
mv "$TMP/wheels" "$DIR"
echo "ensure-app-wheels: $(ls "$DIR"/*.whl | wc -l) wheels, $(du -sh "$DIR" | cut -f1)" >&2
