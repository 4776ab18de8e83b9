#!/usr/bin/env bash
# Makes sure the service images postgres:16 and redis:7 exist in the engine (the tests of
# dockenv's services use them). No registry is reachable on the machines this project is tested
# on, so when an image cannot be pulled a stand-in is built from Debian bookworm's packages
# (postgresql-15, redis-server) over the python:3.11-slim stand-in, from the Dockerfiles and
# entrypoints in scripts/standins/ (the PostgreSQL one honours the official image's POSTGRES_USER,
# POSTGRES_PASSWORD, POSTGRES_DB, ... and initdb on an empty data directory). The built image is
# saved to ${DOCKENV_TEST_CACHE:-~/.cache/dockenv-test}/NAME-standin-SHA8.tar, so the next machine
# run only loads it. SHA8 is a hash of the stand-in's files, also put on the image as the label
# dev.dockenv.standin: a changed Dockerfile or entrypoint builds again, and a stand-in in the
# engine from older files is replaced. An image without that label (the real one) is kept.
# Idempotent and silent when both images are there.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}
LABEL=dev.dockenv.standin

if [ -n "${DOCKENV_DOCKER:-}" ]; then
  DOCKER=$DOCKENV_DOCKER
elif [ -x /usr/bin/docker ]; then
  DOCKER=/usr/bin/docker # Debian's 20.10 client: BuildKit without the buildx plugin
else
  DOCKER=docker
fi

# The stand-in's files: IMAGE -> folder under scripts/standins.
standin_dir() { echo "$ROOT/scripts/standins/${1%%:*}"; }

# The first 8 hex digits of a hash of the folder's file names and contents.
standin_sha() {
  (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum) | sha256sum | cut -c1-8
}

# The image's stand-in label: empty when the image has none; fails when there is no such image.
image_label() {
  "$DOCKER" image inspect --format "{{with .Config.Labels}}{{index . \"$LABEL\"}}{{end}}" "$1" 2>/dev/null
}

# Whether IMAGE is there and is not a stand-in from other files than SHA.
image_current() {
  local label
  label=$(image_label "$1") || return 1
  [ -z "$label" ] || [ "$label" = "$2" ]
}

buildkit() {
  local major
  major=$("$DOCKER" version --format '{{.Client.Version}}' 2>/dev/null | cut -d. -f1)
  if [ -n "$major" ] && [ "$major" -lt 23 ] 2>/dev/null; then echo 1; return; fi
  if "$DOCKER" buildx version >/dev/null 2>&1; then echo 1; else echo 0; fi
}

ensure() {
  local image=$1 dir sha name tarball old_id log
  dir=$(standin_dir "$image")
  sha=$(standin_sha "$dir")
  if image_current "$image" "$sha"; then return 0; fi

  mkdir -p "$CACHE"
  exec 9>"$CACHE/service-images.lock"
  flock 9 # another run may be making the same image
  if image_current "$image" "$sha"; then exec 9>&-; return 0; fi

  old_id=$("$DOCKER" image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
  if timeout 20 "$DOCKER" pull -q "$image" >/dev/null 2>&1; then exec 9>&-; return 0; fi

  name=$(echo "$image" | tr ':/' '--')-standin
  tarball="$CACHE/$name-$sha.tar"
  if [ -s "$tarball" ]; then
    echo "ensure-service-images: loading the stand-in $image from $tarball" >&2
    "$DOCKER" load -q -i "$tarball" >/dev/null
  else
    bash "$ROOT/scripts/ensure-base-image.sh"
    log="$CACHE/$name-build.log"
    echo "ensure-service-images: building a stand-in $image from Debian packages (about a minute)" >&2
    DOCKER_BUILDKIT=$(buildkit) "$DOCKER" build --label "$LABEL=$sha" -t "$image" "$dir" >"$log" 2>&1 || {
      echo "ensure-service-images: building the stand-in $image failed; the end of $log:" >&2
      tail -n 20 "$log" >&2
      exit 1
    }
    "$DOCKER" save -o "$tarball.part" "$image"
    chmod 0644 "$tarball.part"
    mv "$tarball.part" "$tarball"
    find "$CACHE" -maxdepth 1 -name "$name-*.tar" ! -name "$name-$sha.tar" -delete
  fi
  if [ "$(image_label "$image")" != "$sha" ]; then
    echo "ensure-service-images: $image does not carry $LABEL=$sha after loading or building it" >&2
    exit 1
  fi
  # The older stand-in, now untagged; kept when a container still uses it.
  if [ -n "$old_id" ] && [ "$old_id" != "$("$DOCKER" image inspect --format '{{.Id}}' "$image")" ]; then
    "$DOCKER" rmi "$old_id" >/dev/null 2>&1 || true
  fi
  exec 9>&-
}

IMAGES=(postgres:16 redis:7)

# The usual case in one client call: every image there and current.
all_current() {
  local labels i=0 label sha
  labels=$("$DOCKER" image inspect --format "{{with .Config.Labels}}{{index . \"$LABEL\"}}{{end}}" "${IMAGES[@]}" 2>/dev/null) || return 1
  while IFS= read -r label; do
    sha=$(standin_sha "$(standin_dir "${IMAGES[$i]}")")
    [ -z "$label" ] || [ "$label" = "$sha" ] || return 1
    i=$((i + 1))
  done <<<"$labels"
  [ "$i" = "${#IMAGES[@]}" ]
}

if all_current; then exit 0; fi
for image in "${IMAGES[@]}"; do
  ensure "$image"
done
