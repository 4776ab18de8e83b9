#!/usr/bin/env bash
# dockenv image benchmark: a Flask web app's prod image and cold build against `docker init`'s
# Python Dockerfile and a one-stage `pip install --no-cache-dir` Dockerfile, on the same project
# and the same local index. Writes its section of bench/RESULTS.md and prints the table.
#
#   bench/image.sh [--rounds N] [--rebuild]
#
#   --rounds N  cold builds of each, in turn (default 3); the median is reported
#   --rebuild   always rebuild target/dockenv.jar first (else only when it is missing or older
#               than a file under src/main or pom.xml)
#
# The project: requirements.txt with flask, gunicorn and redis (13 packages with their
# dependencies), from the wheels scripts/ensure-app-wheels.sh makes of Debian's packages, served by
# a PEP 503 index on 127.0.0.1. "Cold" is a build with no build cache at all: `docker builder
# prune -af` before each one (pip's cache mounts go too), so it empties the build cache of the
# machine's engine. Nothing in the checkout except bench/RESULTS.md is written. No timing
# assertions: the script fails only when a command fails. See bench/README.md.
set -euo pipefail

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROUNDS=3
REBUILD=0
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) [ $# -ge 2 ] || usage_error "--rounds needs a number"; ROUNDS=$2; shift 2 ;;
    --rebuild) REBUILD=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1 (see --help)" ;;
  esac
done
positive_count --rounds "$ROUNDS"

bench_prepare "$ROOT" "$REBUILD"
bash "$ROOT/scripts/ensure-app-wheels.sh" >&2 || die "the app wheels are missing (scripts/ensure-app-wheels.sh)"
WHEELS=${DOCKENV_TEST_CACHE:-$HOME/.cache/dockenv-test}/app-wheels
BASE=python:3.11-slim

WORK=$(mktemp -d "${TMPDIR:-/tmp}/dockenv-bench-image.XXXXXX")
SERVER_PID=
TAG="dockenv-bench-image-$$"
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true
  "$DOCKER" rmi -f "$TAG-init" "$TAG-onestage" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export DOCKENV_CACHE_DIR="$WORK/cache"

# a PEP 503 index of the wheels, served on 127.0.0.1
python3 - "$WHEELS" "$WORK/index" <<'PY'
import hashlib, os, re, sys
wheels, out = sys.argv[1], sys.argv[2]
pages = {}
for f in sorted(os.listdir(wheels)):
    if f.endswith(".whl"):
        name = re.sub(r"[-_.]+", "-", f.split("-")[0]).lower()
        digest = hashlib.sha256(open(os.path.join(wheels, f), "rb").read()).hexdigest()
        pages.setdefault(name, []).append(f'<a href="../../files/{f}#sha256={digest}">{f}</a>')
os.makedirs(os.path.join(out, "files"))
for f in os.listdir(wheels):
    if f.endswith(".whl"):
        os.symlink(os.path.join(wheels, f), os.path.join(out, "files", f))
for name, links in pages.items():
    os.makedirs(os.path.join(out, "simple", name))
    with open(os.path.join(out, "simple", name, "index.html"), "w") as page:
        page.write("<!DOCTYPE html><html><body>" + "\n".join(links) + "</body></html>\n")
PY
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$WORK/index" && exec python3 -m http.server --bind 127.0.0.1 "$PORT") >/dev/null 2>&1 &
SERVER_PID=$!
INDEX="http://127.0.0.1:$PORT/simple"
for _ in $(seq 50); do python3 -c "import urllib.request; urllib.request.urlopen('$INDEX/flask/')" 2>/dev/null && break; sleep 0.1; done

APP="$WORK/app"
mkdir -p "$APP"
printf -- '--index-url %s\nflask\ngunicorn\nredis\n' "$INDEX" >"$APP/requirements.txt"
printf '3.11\n' >"$APP/.python-version"
cat >"$APP/app.py" <<'PY'
from flask import Flask

app = Flask(__name__)


@app.get("/")
def index():
    return "hello"
PY
# docker init's Python Dockerfile (its template, the syntax line left out: no registry here; the
# stand-in's Debian python is externally managed, the official image's is not: PIP_BREAK_SYSTEM_PACKAGES)
cat >"$WORK/init.Dockerfile" <<'DOCKERFILE'
ARG PYTHON_VERSION=3.11
FROM python:${PYTHON_VERSION}-slim as base
ENV PYTHONDONTWRITEBYTECODE=1
ENV PYTHONUNBUFFERED=1
ENV PIP_BREAK_SYSTEM_PACKAGES=1
WORKDIR /app
ARG UID=10001
RUN adduser \
    --disabled-password \
    --gecos "" \
    --home "/nonexistent" \
    --shell "/sbin/nologin" \
    --no-create-home \
    --uid "${UID}" \
    appuser
RUN --mount=type=cache,target=/root/.cache/pip \
    --mount=type=bind,source=requirements.txt,target=requirements.txt \
    python -m pip install -r requirements.txt
USER appuser
COPY . .
EXPOSE 8000
CMD gunicorn 'app:app' --bind=0.0.0.0:8000
DOCKERFILE
cat >"$WORK/onestage.Dockerfile" <<'DOCKERFILE'
FROM python:3.11-slim
ENV PIP_BREAK_SYSTEM_PACKAGES=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["gunicorn", "app:app"]
DOCKERFILE

if [ -n "${EPOCHREALTIME:-}" ]; then now_us() { NOW=${EPOCHREALTIME//[!0-9]/}; }; else now_us() { NOW=$(( $(date +%s%N) / 1000 )); }; fi
# timed COMMAND...: runs it cold (no build cache), prints its seconds; dies on failure.
timed() {
  "$DOCKER" builder prune -af >/dev/null 2>&1 || true
  now_us; local t0=$NOW
  "$@" </dev/null >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; die "$* failed"; }
  now_us
  awk "BEGIN { printf \"%.2f\", ($NOW - $t0) / 1e6 }"
}
build_init() { DOCKER_BUILDKIT=1 "$DOCKER" build --network host -f "$WORK/init.Dockerfile" -t "$TAG-init" "$APP"; }
build_onestage() { DOCKER_BUILDKIT=1 "$DOCKER" build --network host -f "$WORK/onestage.Dockerfile" -t "$TAG-onestage" "$APP"; }

# the same project locked (pylock.toml, wheels with their URLs): its layers go to dockenv's wheel installer
LOCKED="$WORK/locked"
cp -R "$APP" "$LOCKED"
(cd "$LOCKED" && "$DOCKENV" lock </dev/null >"$WORK/last.log" 2>&1) || { cat "$WORK/last.log" >&2; die "dockenv lock failed"; }
(cd "$LOCKED" && "$DOCKENV" build --target prod </dev/null >"$WORK/last.log" 2>&1) || { cat "$WORK/last.log" >&2; die "locked build failed"; }
cd "$APP"
log "the project as docker init's: a requirements.txt, not locked (and a copy of it locked)"
# dockenv's first start with a new jar records its class-data archive (once per jar, as for a user);
# the timed builds start as every later one does
log "warming: dockenv build --target prod (records the JVM's class-data archive)"
"$DOCKENV" build --target prod </dev/null >"$WORK/last.log" 2>&1 || { cat "$WORK/last.log" >&2; die "warm-up build failed"; }
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
PROD=() DEV=() LOCKED_PROD=() INIT=() ONE=()
locked_prod() { (cd "$LOCKED" && "$DOCKENV" build --target prod --no-cache); }
for ((i = 1; i <= ROUNDS; i++)); do
  log "round $i of $ROUNDS: dockenv build --target prod, dockenv build (dev), locked prod, docker init's, one-stage (each cold)"
  PROD+=("$(timed "$DOCKENV" build --target prod --no-cache)")
  DEV+=("$(timed "$DOCKENV" build --no-cache)")
  LOCKED_PROD+=("$(timed locked_prod)")
  INIT+=("$(timed build_init)")
  ONE+=("$(timed build_onestage)")
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)
PROD_IMAGE=$("$DOCKENV" build --target prod 2>/dev/null | tail -n 1)
size() { "$DOCKER" image inspect -f '{{.Size}}' "$1"; }
BASE_B=$(size "$BASE")
PROD_B=$(size "$PROD_IMAGE")
INIT_B=$(size "$TAG-init")
ONE_B=$(size "$TAG-onestage")
# the installed packages' bytes: the venv's site-packages in prod (nothing else is in the venv)
PACKAGES_B=$("$DOCKER" run --rm --entrypoint sh "$PROD_IMAGE" -c 'du -sb "$(python -c "import sysconfig; print(sysconfig.get_paths()[\"purelib\"])")" | cut -f1')
mb() { awk "BEGIN { printf \"%.1f\", $1 / 1048576 }"; }
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
median_of() { printf '%s\n' "$@" | median; }
M_PROD=$(median_of "${PROD[@]}") M_DEV=$(median_of "${DEV[@]}") M_INIT=$(median_of "${INIT[@]}") M_ONE=$(median_of "${ONE[@]}")
M_LOCKED=$(median_of "${LOCKED_PROD[@]}")
R_COLD_LOCKED=$(ratio "$M_LOCKED" "$M_INIT")
R_COLD=$(ratio "$M_PROD" "$M_INIT")
R_COLD_DEV=$(ratio "$M_DEV" "$M_INIT")
R_BYTES=$(ratio "$((PROD_B - BASE_B))" "$PACKAGES_B")
V_COLD=$(awk "BEGIN { print ($R_COLD <= 1.0) ? \"PASS\" : \"FAIL\" }")
V_BYTES=$(awk "BEGIN { print ($R_BYTES <= 1.1) ? \"PASS\" : \"FAIL\" }")
GIT_REV=$(git_rev "$ROOT")
table() {
  echo "| image | cold build s (median of $ROUNDS) | all builds s | bytes over $BASE | ÷ the packages' bytes |"
  echo "|---|---:|---|---:|---:|"
  echo "| dockenv prod (\`dockenv build --target prod --no-cache\`) | $M_PROD | ${PROD[*]} | $(mb $((PROD_B - BASE_B))) MB | $R_BYTES |"
  echo "| dockenv dev (\`dockenv build --no-cache\`) | $M_DEV | ${DEV[*]} | | |"
  echo "| dockenv prod of the project locked (pylock.toml: the wheel installer) | $M_LOCKED | ${LOCKED_PROD[*]} | | |"
  echo "| docker init's Python Dockerfile | $M_INIT | ${INIT[*]} | $(mb $((INIT_B - BASE_B))) MB | $(ratio $((INIT_B - BASE_B)) "$PACKAGES_B") |"
  echo "| one stage, \`pip install --no-cache-dir\` | $M_ONE | ${ONE[*]} | $(mb $((ONE_B - BASE_B))) MB | $(ratio $((ONE_B - BASE_B)) "$PACKAGES_B") |"
}
{
  echo "## Images: a Flask app's prod image and cold build against docker init's"
  echo
  echo "Written by \`bench/image.sh --rounds $ROUNDS\` on $(date -u '+%Y-%m-%d %H:%M:%S UTC'), dockenv git $GIT_REV, $(nproc) CPUs,"
  echo "load average $LOAD_BEFORE before, $LOAD_AFTER after (other work on the machine slows every row alike)."
  echo
  echo "- project: requirements.txt with flask, gunicorn and redis (their 13 packages installed: $(mb "$PACKAGES_B") MB"
  echo "  in the venv's site-packages), from a local index of Debian's packages made into wheels; app.py."
  echo "- cold: no build cache at all (\`docker builder prune -af\` before each build, pip's cache mounts included;"
  echo "  dockenv's builds with \`--no-cache\`, since dockenv builds nothing for an image it has); the base image"
  echo "  $BASE is there. dockenv's times include its own start (its JVM's class-data archive recorded by one"
  echo "  build before, as after a user's first command) and the build context it assembles. The project has no"
  echo "  lock: dockenv resolves it when the image is built (from the index's pages, each time, and the wheels'"
  echo "  metadata, which dockenv keeps in its cache on this machine as uv does) and its wheel installer installs"
  echo "  the packages; docker init's pip resolves, downloads and installs them in its one RUN."
  echo
  table
  echo
  echo "| target (from the issue) | measured | verdict |"
  echo "|---|---:|---|"
  echo "| cold build of prod <= 1.0x docker init's | ${R_COLD}x (dev: ${R_COLD_DEV}x; locked: ${R_COLD_LOCKED}x) | $V_COLD |"
  echo "| prod bytes over the base image ÷ the installed packages' bytes <= 1.1 | $R_BYTES | $V_BYTES |"
  echo
  echo "How: the five builds take turns, each after the build cache was emptied (the wheel installer's cache mount too); bytes are \`docker image"
  echo "inspect\`'s Size less the base image's; the packages' bytes are \`du -sb\` of the prod venv's site-packages"
  echo "(what dockenv's installer installed, byte-compiled). docker init's Dockerfile is its Python template (without the syntax"
  echo "line, which would pull a frontend image); both reference Dockerfiles set PIP_BREAK_SYSTEM_PACKAGES=1 for"
  echo "the base image stand-in, whose Debian python is externally managed."
} | write_section image "$OUT"
echo
table
echo
echo "cold prod/init: ${R_COLD}x ($V_COLD); bytes ratio: $R_BYTES ($V_BYTES)"
echo "(written to $OUT)"
