#!/usr/bin/env bash
# dockenv add benchmark: in a locked project of 30 dependencies, how long does the rebuild after
# `dockenv add PKG` take, against a cold build of the same project, and against the plain docker
# way (a requirements.txt installed by one RUN pip install, the file edited by hand)? Writes its
# section of bench/RESULTS.md and prints the table.
#
#   bench/add.sh [--rebuild]
#
#   --rebuild   always rebuild target/dockenv.jar first (else only when it is missing or older
#               than a file under src/main or pom.xml)
#
# The packages are synthetic (bench/packages.py) with the installed sizes of a typical data
# stack (numpy, pandas, scipy ... flask), served by a local index; their version is new on every
# run, so pip's cache holds none of them when the cold build starts. Nothing in the checkout
# except bench/RESULTS.md is written. No timing assertions: the script fails only when a command
# fails. See bench/README.md.
set -euo pipefail

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
REBUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rebuild) REBUILD=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1 (see --help)" ;;
  esac
done

bench_prepare "$ROOT" "$REBUILD"

# Installed sizes in MB, after the packages of a data-science web app.
PACKAGES=(numpy:40 pandas:60 scipy:100 matplotlib:30 scikit-learn:40 pillow:12 fonttools:12 requests:0.5
  urllib3:1 certifi:0.3 idna:0.5 charset-normalizer:1 six:0.1 python-dateutil:1 pytz:3 tzdata:2
  packaging:0.5 pyparsing:1 kiwisolver:2 cycler:0.1 contourpy:1 joblib:2 threadpoolctl:0.2 click:1
  jinja2:1 markupsafe:0.1 flask:1 werkzeug:2 itsdangerous:0.1 blinker:0.1)
ADDED=(rich:2 httpx:1 tqdm:0.3)
VERSION="1.0.$(date +%s)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dockenv-bench-add.XXXXXX")
SERVER_PID=
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  "$DOCKER" rmi -f "dockenv-bench-plain:$VERSION" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export DOCKENV_CACHE_DIR="$WORK/cache"

log "writing ${#PACKAGES[@]} + ${#ADDED[@]} synthetic packages, version $VERSION"
python3 "$ROOT/bench/packages.py" "$WORK/index" "$VERSION" "${PACKAGES[@]}" "${ADDED[@]}"
INDEX_MB=$(du -sm "$WORK/index/files" | cut -f1)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$WORK/index" && exec python3 -m http.server --bind 127.0.0.1 "$PORT") >/dev/null 2>"$WORK/index.log" &
SERVER_PID=$!
INDEX="http://127.0.0.1:$PORT/simple"
for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('$INDEX/six/')" 2>/dev/null && break; sleep 0.1; done

# The dockenv project and the plain docker project install the same pins from the same index.
mkdir -p "$WORK/app" "$WORK/plain"
{
  echo '[project]'
  echo 'name = "bench-app"'
  echo 'version = "0.1.0"'
  echo 'dependencies = ['
  for p in "${PACKAGES[@]}"; do echo "    \"${p%%:*}==$VERSION\","; done
  echo ']'
  echo
  echo '[tool.dockenv]'
  echo 'python = "3.11"'
  echo "index-url = \"$INDEX\""
} >"$WORK/app/pyproject.toml"
for p in "${PACKAGES[@]}"; do echo "${p%%:*}==$VERSION"; done >"$WORK/plain/requirements.txt"
cat >"$WORK/plain/Dockerfile" <<DOCKERFILE
FROM python:3.11-slim
RUN python3 -m venv /opt/venv
ENV PATH=/opt/venv/bin:\$PATH
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip install --index-url $INDEX -r requirements.txt
DOCKERFILE

if [ -n "${EPOCHREALTIME:-}" ]; then now_us() { NOW=${EPOCHREALTIME//[!0-9]/}; }; else now_us() { NOW=$(( $(date +%s%N) / 1000 )); }; fi
# timed LABEL COMMAND...: runs it (output to $WORK/last.log), sets SECONDS_TAKEN; dies on failure.
timed() {
  local label=$1; shift
  log "$label"
  now_us; local t0=$NOW
  "$@" </dev/null >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; die "$label failed"; }
  now_us
  SECONDS_TAKEN=$(awk "BEGIN { printf \"%.2f\", ($NOW - $t0) / 1e6 }")
}
# What the index served since the last call: project pages (the packages pip looked at) and
# wheels (the packages downloaded, by pip or by dockenv's wheel installer, which reads no page).
LOG_SEEN=0
pages_since() {
  local total new; total=$(wc -l <"$WORK/index.log")
  new=$(tail -n +"$((LOG_SEEN + 1))" "$WORK/index.log")
  PAGES=$(grep -c '"GET /simple/' <<<"$new" || true)
  WHEELS=$(grep -c '"GET /files/[^ ]*\.whl HTTP' <<<"$new" || true)
  READS="$PAGES pages, $WHEELS wheels"
  LOG_SEEN=$total
}
plain_build() { DOCKER_BUILDKIT=1 "$DOCKER" build --network host -t "dockenv-bench-plain:$VERSION" "$@" "$WORK/plain"; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

cd "$WORK/app"
timed "dockenv lock (30 packages)" "$DOCKENV" lock; LOCK_S=$SECONDS_TAKEN
pages_since
# from scratch (no earlier lock to prefer), the caches warm; then the same with pip's resolver in the base image
rm -f pylock.toml
timed "dockenv lock from scratch (caches warm)" "$DOCKENV" lock; LOCK_SCRATCH_S=$SECONDS_TAKEN
pins() { grep -E '^(name|version) = ' pylock.toml | paste -d' ' - - | sort; }
pins >"$WORK/pins-index"
rm -f pylock.toml
timed "DOCKENV_RESOLVER=pip dockenv lock from scratch" env DOCKENV_RESOLVER=pip "$DOCKENV" lock; LOCK_PIP_S=$SECONDS_TAKEN
if cmp -s "$WORK/pins-index" <(pins); then SAME_PINS="the same $(wc -l <"$WORK/pins-index") pins"; else SAME_PINS="**different pins**"; fi
pages_since
timed "cold: dockenv build --no-cache" "$DOCKENV" build --no-cache; COLD_S=$SECONDS_TAKEN
pages_since; COLD_WHEELS=$WHEELS
timed "plain cold: docker build --no-cache" plain_build --no-cache; PLAIN_COLD_S=$SECONDS_TAKEN
pages_since; PLAIN_COLD_WHEELS=$WHEELS

ROWS=()
RATIOS=()
ENDS=()
for added in "${ADDED[@]}"; do
  name=${added%%:*}
  timed "dockenv add --no-sync $name" "$DOCKENV" add --no-sync "$name==$VERSION"; ADD_S=$SECONDS_TAKEN
  pages_since
  timed "rebuild: dockenv build (after adding $name)" "$DOCKENV" build; REBUILD_S=$SECONDS_TAKEN
  pages_since; REBUILD_READS=$READS
  echo "$name==$VERSION" >>"$WORK/plain/requirements.txt"
  timed "plain rebuild: docker build (after adding $name)" plain_build; PLAIN_S=$SECONDS_TAKEN
  pages_since; PLAIN_READS=$READS
  RATIO=$(awk "BEGIN { printf \"%.3f\", $REBUILD_S / $COLD_S }")
  RATIOS+=("$RATIO")
  END=$(awk "BEGIN { printf \"%.2f\", $ADD_S + $REBUILD_S }")
  ENDS+=("$END")
  ROWS+=("| $name (${added##*:} MB) | $ADD_S | $REBUILD_S | **$END** | $REBUILD_READS | $RATIO | $PLAIN_S | $PLAIN_READS |")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
WORST=$(printf '%s\n' "${RATIOS[@]}" | sort -g | tail -n 1)
VERDICT=$(awk "BEGIN { print ($WORST <= 0.05) ? \"PASS\" : \"FAIL\" }")
WORST_END=$(printf '%s\n' "${ENDS[@]}" | sort -g | tail -n 1)
VERDICT_END=$(awk "BEGIN { print ($WORST_END <= 3) ? \"PASS\" : \"FAIL\" }")
VERDICT_LOCK=$(awk "BEGIN { print ($LOCK_SCRATCH_S <= 2) ? \"PASS\" : \"FAIL\" }")
IMAGE=$("$DOCKENV" build 2>/dev/null | tail -n 1)
cp -R "$WORK/app" "$WORK/app-init"
(cd "$WORK/app-init" && "$DOCKENV" init >/dev/null 2>&1) || true
LAYERS=$(grep -c '^FROM system AS deps-main-' "$WORK/app-init/Dockerfile" 2>/dev/null || true)

GIT_REV=$(git_rev "$ROOT")
table() {
  echo "| added package | \`dockenv add --no-sync\` s (relock) | rebuild s (\`dockenv build\`) | end to end s | index reads | rebuild / cold | plain docker rebuild s | index reads |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
}
{
  echo "## Adding a package: the rebuild against a cold build"
  echo
  echo "Written by \`bench/add.sh\` on $(date -u '+%Y-%m-%d %H:%M:%S UTC'), dockenv git $GIT_REV, $(nproc) CPUs,"
  echo "load average $LOAD_BEFORE before, $LOAD_AFTER after (other work on the machine slows every row alike)."
  echo
  echo "- project: pyproject.toml with ${#PACKAGES[@]} pinned dependencies (synthetic wheels, $INDEX_MB MB in the index for"
  echo "  all $(( ${#PACKAGES[@]} + ${#ADDED[@]} )) packages; sizes of a data stack: numpy 40 MB, pandas 60, scipy 100 ...), locked"
  echo "  with \`dockenv lock\` in $LOCK_S s (the index's metadata read for the first time); its environment installs"
  echo "  the lock in ${LAYERS:-?} layers. The index serves each wheel's core metadata beside it (PEP 658), as PyPI does."
  echo "- \`dockenv lock\` from scratch (no earlier lock; dockenv's metadata cache and pip's cache warm): **$LOCK_SCRATCH_S s**"
  echo "  from the index's metadata; $LOCK_PIP_S s with pip's resolver in the base image (\`DOCKENV_RESOLVER=pip\`):"
  echo "  $SAME_PINS."
  echo "- cold build: \`dockenv build --no-cache\`, no cache holding these packages: **$COLD_S s** ($COLD_WHEELS wheels"
  echo "  downloaded; dockenv's wheel installer installs every layer whose packages the lock names with their URLs)"
  echo "- plain docker cold build (\`docker build --no-cache\`, one \`RUN pip install -r requirements.txt\`"
  echo "  with a pip cache mount, pip's cache already warm): $PLAIN_COLD_S s"
  echo
  table
  echo
  echo "| target (from the issue) | measured (worst of ${#ADDED[@]}) | verdict |"
  echo "|---|---:|---|"
  echo "| \`dockenv add PKG\` end to end (relock + rebuild) <= 3 s | $WORST_END s | $VERDICT_END |"
  echo "| rebuild after adding one package <= 0.05 of a cold build | $WORST | $VERDICT |"
  echo "| \`dockenv lock\` from scratch, caches warm, <= 2 s | $LOCK_SCRATCH_S s | $VERDICT_LOCK |"
  echo
  echo "How: each added package is added with \`dockenv add --no-sync PKG==V\` (edits pyproject.toml and"
  echo "resolves pylock.toml again), then \`dockenv build\` is timed; the plain docker project gets the same"
  echo "line appended to its requirements.txt and \`docker build\` again. \"Index reads\" counts the index's"
  echo "project pages (the packages pip looked at) and wheel downloads during that build: dockenv installs the"
  echo "added package's layer alone (fetching its wheel from the lock's URL, no page), plain docker reinstalls"
  echo "every package (from pip's cache, after reading every page). Wall clock with bash \$EPOCHREALTIME; final"
  echo "image $IMAGE."
} | write_section add "$OUT"
echo
table
echo
echo "cold: $COLD_S s; worst rebuild/cold: $WORST ($VERDICT); worst add end to end: $WORST_END s ($VERDICT_END);"
echo "lock from scratch: $LOCK_SCRATCH_S s ($VERDICT_LOCK), with pip: $LOCK_PIP_S s"
echo "(written to $OUT)"
