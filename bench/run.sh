#!/usr/bin/env bash
# dockenv startup benchmark: how long does a warm `dockenv run` take compared with the plain
# `docker run` it replaces? Writes its section of bench/RESULTS.md and prints the table.
#
#   bench/run.sh [--runs N] [--rebuild] [--baseline REV]
#
#   --runs N        measured invocations per command (default 15)
#   --rebuild       always rebuild target/dockenv.jar first (else only when it is missing or older
#                   than a file under src/main or pom.xml)
#   --baseline REV  also time dockenv built from git revision REV (in a temporary worktree),
#                   interleaved with this one: a before/after on the same machine at the same time
#
# Environment: DOCKENV_DOCKER picks the docker client for dockenv and for the plain docker runs
# (default /usr/bin/docker when it exists, else docker on PATH). Nothing in the checkout except
# bench/RESULTS.md is written; the example project is copied to a temporary folder and dockenv's
# cache (run cache, class-data-sharing archive) lives in a temporary folder too.
# See bench/README.md. No timing assertions: the script fails only when a command fails.
set -euo pipefail

usage() { sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RUNS=15
REBUILD=0
BASELINE=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) [ $# -ge 2 ] || usage_error "--runs needs a number"; RUNS=$2; shift 2 ;;
    --runs=*) RUNS=${1#--runs=}; shift ;;
    --rebuild) REBUILD=1; shift ;;
    --baseline) [ $# -ge 2 ] || usage_error "--baseline needs a git revision"; BASELINE=$2; shift 2 ;;
    --baseline=*) BASELINE=${1#--baseline=}; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage_error "unknown argument: $1 (see --help)" ;;
  esac
done
positive_count --runs "$RUNS"

JAR="$ROOT/target/dockenv.jar"

# --- 1. jar, engine, base image ---------------------------------------------------------------
bench_prepare "$ROOT" "$REBUILD"

JAVA=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then JAVA="$JAVA_HOME/bin/java"; fi

# --- 2. a private copy of the example project, warmed -------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/dockenv-bench.XXXXXX")
BASE_TREE="$WORK/baseline"
cleanup() {
  if [ -d "${PROJECT_SVC:-}" ]; then (cd "$PROJECT_SVC" && "$DOCKENV" down --volumes </dev/null >/dev/null 2>&1) || true; fi
  if [ -d "$BASE_TREE" ]; then git -C "$ROOT" worktree remove --force "$BASE_TREE" 2>/dev/null || true; fi
  rm -rf "$WORK"
  git -C "$ROOT" worktree prune 2>/dev/null || true
}
trap cleanup EXIT
PROJECT="$WORK/example"
cp -R "$ROOT/example" "$PROJECT"
export DOCKENV_CACHE_DIR="$WORK/cache"   # fresh run cache and CDS archive for this jar
ERR="$WORK/stderr"

cd "$PROJECT"
log "warming: dockenv run -- true (builds the image if needed)"
"$DOCKENV" run -- true </dev/null || die "warm-up 'dockenv run -- true' failed"
log "warming: dockenv run -- true (again: class-data-sharing archive)"
"$DOCKENV" run -- true </dev/null || die "second warm-up 'dockenv run -- true' failed"
log "warming: dockenv run -- python -c pass (the launcher's record of the measured command)"
"$DOCKENV" run -- python -c pass </dev/null || die "warm-up 'dockenv run -- python -c pass' failed"
IMAGE=$("$DOCKENV" build </dev/null 2>"$ERR" | tail -n 1) || { cat "$ERR" >&2; die "dockenv build failed"; }
[ -n "$IMAGE" ] || die "dockenv build printed no image reference"
"$DOCKER" image inspect "$IMAGE" >/dev/null 2>&1 || die "image '$IMAGE' (from dockenv build) not found"
# A copy with a service (redis:7, the stand-in scripts/ensure-service-images.sh makes): its warm run
# with the service up, beside plain docker run on the stack's network.
bash "$ROOT/scripts/ensure-service-images.sh" || die "the service image redis:7 is missing"
PROJECT_SVC="$WORK/example-services"
cp -R "$ROOT/example" "$PROJECT_SVC"
printf '\n[tool.dockenv.services]\ncache = "redis:7"\n' >>"$PROJECT_SVC/pyproject.toml"
log "warming: dockenv run -- true with a service (starts redis:7)"
(cd "$PROJECT_SVC" && "$DOCKENV" run -- true </dev/null && "$DOCKENV" run -- python -c pass </dev/null) \
  || die "warm-up of the project with a service failed"
SVC_NETWORK=$(grep -A2 '^networks:' "$PROJECT_SVC/.dockenv/stack/compose.yaml" | sed -n 's/^ *name: *"\(.*\)"$/\1/p')
[ -n "$SVC_NETWORK" ] || die "no network in $PROJECT_SVC/.dockenv/stack/compose.yaml"
SVC_ENV="$PROJECT_SVC/.dockenv/stack/app.env"
# The baseline: dockenv of another revision, built in a worktree, with a cache folder of its own
# (its class-data-sharing archive and run cache), warmed the same way.
BASE_REV=""
if [ -n "$BASELINE" ]; then
  BASE_REV=$(git -C "$ROOT" rev-parse --short "$BASELINE^{commit}" 2>/dev/null) \
    || die "--baseline $BASELINE is not a git revision of $ROOT"
  log "building the baseline $BASE_REV in $BASE_TREE"
  git -C "$ROOT" worktree add --detach -q "$BASE_TREE" "$BASE_REV" || die "git worktree add failed"
  (cd "$BASE_TREE" && mvn -q -B -ntp -DskipTests package) >"$ERR" 2>&1 || { cat "$ERR" >&2; die "building $BASE_REV failed"; }
  BASE_DOCKENV="$BASE_TREE/bin/dockenv"
  for w in 1 2; do
    DOCKENV_CACHE_DIR="$WORK/cache-baseline" "$BASE_DOCKENV" run -- true </dev/null \
      || die "warm-up of the baseline $BASE_REV failed"
  done
fi
JAR_SUM_BEFORE=$(cksum <"$JAR")
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# The JVM floor: a hello-world class with the launcher's own JVM flags (read from bin/dockenv,
# without its per-jar archive flags and log switches).
JVM_FLAGS=()
while IFS= read -r flag; do JVM_FLAGS+=("$flag"); done < <(
  grep -v '^[[:space:]]*#' "$DOCKENV" | grep -oE -- '-X[A-Za-z0-9:+_.=-]+' \
    | grep -vE 'SharedArchiveFile|ArchiveClassesAtExit|^-Xlog' | awk '!seen[$0]++')
JVM_FLAGS_NOTE="read from bin/dockenv"
if [ ${#JVM_FLAGS[@]} -eq 0 ]; then
  JVM_FLAGS=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto)
  JVM_FLAGS_NOTE="none found in bin/dockenv; defaults used"
fi
mkdir -p "$WORK/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
  >"$WORK/hello/Hello.java"
javac -d "$WORK/hello" "$WORK/hello/Hello.java" || die "javac failed"

# --- 3. measure, round-robin -------------------------------------------------------------------
UID_GID="$(id -u):$(id -g)"
NAMES=(a b c d e f g h i)
declare -A LABEL CMD SAMPLES
LABEL[a]='`dockenv run -- python -c pass` (warm)'
LABEL[b]='`docker run --rm -i --init -u UID:GID -v PROJECT:/app -w /app IMAGE python -c pass`'
LABEL[c]='`docker run --rm IMAGE python -c pass`'
LABEL[d]='`dockenv --version`'
LABEL[e]='JVM floor: hello world with the launcher'"'"'s JVM flags'
LABEL[f]='`dockenv status`'
LABEL[g]='`dockenv run -- python -c pass` (warm, with a service up: redis:7)'
LABEL[h]='`docker run --rm -i --init -u UID:GID -v PROJECT:/app -w /app --network STACK --env-file APP_ENV IMAGE python -c pass`'
LABEL[i]='`DOCKENV_NO_FAST=1 dockenv run -- python -c pass` (warm, through the JVM: what a changed input costs once)'
if [ -n "$BASE_REV" ]; then
  NAMES+=(A D F)
  LABEL[A]="a, dockenv of the baseline $BASE_REV"
  LABEL[D]="d, dockenv of the baseline $BASE_REV"
  LABEL[F]="f, dockenv of the baseline $BASE_REV"
fi
run_cmd() {
  case "$1" in
    a) "$DOCKENV" run -- python -c pass ;;
    b) "$DOCKER" run --rm -i --init -u "$UID_GID" -v "$PROJECT:/app" -w /app "$IMAGE" python -c pass ;;
    c) "$DOCKER" run --rm "$IMAGE" python -c pass ;;
    d) "$DOCKENV" --version ;;
    e) "$JAVA" "${JVM_FLAGS[@]}" -cp "$WORK/hello" Hello ;;
    f) "$DOCKENV" status ;;
    g) (cd "$PROJECT_SVC" && "$DOCKENV" run -- python -c pass) ;;
    h) "$DOCKER" run --rm -i --init -u "$UID_GID" -v "$PROJECT_SVC:/app" -w /app --network "$SVC_NETWORK" \
         --env-file "$SVC_ENV" "$IMAGE" python -c pass ;;
    i) DOCKENV_NO_FAST=1 "$DOCKENV" run -- python -c pass ;;
    A) DOCKENV_CACHE_DIR="$WORK/cache-baseline" "$BASE_DOCKENV" run -- python -c pass ;;
    D) DOCKENV_CACHE_DIR="$WORK/cache-baseline" "$BASE_DOCKENV" --version ;;
    F) DOCKENV_CACHE_DIR="$WORK/cache-baseline" "$BASE_DOCKENV" status ;;
  esac
}

# Microseconds since the epoch; $EPOCHREALTIME (bash 5) costs no fork, date +%s%N is the fallback.
if [ -n "${EPOCHREALTIME:-}" ]; then
  now_us() { NOW=${EPOCHREALTIME//[!0-9]/}; }
  TIMER='bash $EPOCHREALTIME (microseconds, no extra process)'
else
  now_us() { NOW=$(( $(date +%s%N) / 1000 )); }
  TIMER='date +%s%N (one extra process per timestamp)'
fi

log "measuring $RUNS rounds of: ${NAMES[*]} (image $IMAGE, client $DOCKER)"
for ((i = 1; i <= RUNS; i++)); do
  for n in "${NAMES[@]}"; do
    now_us; t0=$NOW
    if run_cmd "$n" </dev/null >/dev/null 2>"$ERR"; then rc=0; else rc=$?; fi
    now_us; t1=$NOW
    if [ "$rc" != 0 ]; then
      cat "$ERR" >&2
      die "round $i: command $n (${LABEL[$n]}) exited $rc"
    fi
    SAMPLES[$n]+="$(( (t1 - t0) / 1000 )).$(printf '%03d' $(( (t1 - t0) % 1000 ))) "
  done
  printf '.' >&2
done
echo >&2
JAR_SUM_AFTER=$(cksum <"$JAR")
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)

# median (mean of the two middle values for even N), min, p90 (nearest rank: ceil(0.9 N)).
stats() {
  tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '
    { v[NR] = $1 }
    END {
      n = NR; med = (n % 2) ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
      r = int(0.9 * n); if (r < 0.9 * n) r++
      printf "%.1f %.1f %.1f %d\n", med, v[1], v[r], n
    }'
}
declare -A MED MIN P90 CNT
for n in "${NAMES[@]}"; do
  read -r MED[$n] MIN[$n] P90[$n] CNT[$n] < <(stats "${SAMPLES[$n]}")
done
# paired: the median over rounds of X - Y, both of the same round (the machine's drift cancels out)
paired() {
  paste -d' ' <(tr ' ' '\n' <<<"${SAMPLES[$1]}" | grep .) <(tr ' ' '\n' <<<"${SAMPLES[$2]}" | grep .) \
    | awk '{ print $1 - $2 }' | median | awk '{ printf "%.1f", $1 }'
}
PAIRED_AB=$(paired a b)
PAIRED_GH=$(paired g h)
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
verdict() { awk "BEGIN { print (($1) <= $2) ? \"PASS\" : \"FAIL\" }"; }
OVER_B=$(calc "${MED[a]} - ${MED[b]}")
OVER_C=$(calc "${MED[a]} - ${MED[c]}")
OVER_SVC=$(calc "${MED[g]} - ${MED[a]}")
OVER_H=$(calc "${MED[g]} - ${MED[h]}")
OVER_JVM=$(calc "${MED[i]} - ${MED[b]}")
V_SVC=$(verdict "$OVER_H" 20)
V_OVER=$(verdict "$OVER_B" 15)
V_VERSION=$(verdict "${MED[d]}" 60)

# --- 4. report ----------------------------------------------------------------------------------
table() {
  echo "| | command | median ms | min | p90 | runs |"
  echo "|---|---|---:|---:|---:|---:|"
  for n in "${NAMES[@]}"; do
    echo "| $n | ${LABEL[$n]} | ${MED[$n]} | ${MIN[$n]} | ${P90[$n]} | ${CNT[$n]} |"
  done
}
summary() {
  echo "- warm overhead vs the equivalent plain docker run: median(a) - median(b) = **$OVER_B ms**; paired (the"
  echo "  median over rounds of a - b, run one after the other): **$PAIRED_AB ms** (with a service: g - h, $PAIRED_GH ms)"
  echo "- warm overhead vs the bare docker run: median(a) - median(c) = **$OVER_C ms**"
  echo "- with a service up: median(g) - median(a) = **$OVER_SVC ms** (what the services cost a warm run: one"
  echo "  look at the engine, and joining the stack's network); against the same plain docker run on"
  echo "  that network, median(g) - median(h) = **$OVER_H ms**"
  echo "- through the JVM (the launcher's record unused: the run after an input changed), median(i) - median(b) ="
  echo "  **$OVER_JVM ms**"
  echo
  echo "| target (from the issue) | measured | verdict |"
  echo "|---|---:|---|"
  echo "| warm overhead over plain docker run, median(a) - median(b) <= 15 ms | $OVER_B ms | $V_OVER |"
  echo "| warm run with a service up over the same plain docker run, median(g) - median(h) <= 20 ms | $OVER_H ms | $V_SVC |"
  echo "| \`dockenv --version\`, median(d) <= 60 ms | ${MED[d]} ms | $V_VERSION |"
  if [ -n "$BASE_REV" ]; then
    echo
    echo "Against the baseline $BASE_REV, measured in the same rounds (so the machine's speed cancels out):"
    echo "warm run median(a) - median(A) = **$(calc "${MED[a]} - ${MED[A]}") ms**, \`--version\` median(d) - median(D) ="
    echo "**$(calc "${MED[d]} - ${MED[D]}") ms**, \`status\` median(f) - median(F) = **$(calc "${MED[f]} - ${MED[F]}") ms**."
  fi
}

GIT_REV=$(git_rev "$ROOT")
MEM=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo unknown)
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
DOCKER_VERSIONS=$("$DOCKER" version --format 'client {{.Client.Version}}, server {{.Server.Version}}' 2>/dev/null || echo unknown)
JAVA_VERSION=$("$JAVA" -version 2>&1 | head -n 1)
DOCKENV_VERSION=$("$DOCKENV" --version 2>/dev/null | head -n 1 || echo unknown)
JAR_NOTE="unchanged during the measurement"
if [ "$JAR_SUM_BEFORE" != "$JAR_SUM_AFTER" ]; then
  JAR_NOTE="**CHANGED during the measurement (a concurrent build?): the dockenv rows mix two builds; run again**"
fi

{
  echo "## Startup: a warm \`dockenv run\` against plain \`docker run\`"
  echo
  echo "Written by \`bench/run.sh --runs $RUNS\` on $(date -u '+%Y-%m-%d %H:%M:%S UTC'). See bench/README.md."
  echo
  echo "### Machine"
  echo
  echo "- CPUs (nproc): $(nproc)${CPU:+ ($CPU)}"
  echo "- memory: $MEM"
  echo "- load average (1, 5, 15 min): $LOAD_BEFORE before the measurement, $LOAD_AFTER after"
  echo "  (well above 0 means other work shared the CPUs: compare with care)"
  echo "- docker ($DOCKER): $DOCKER_VERSIONS"
  echo "- java ($JAVA): $JAVA_VERSION"
  echo "- dockenv: $DOCKENV_VERSION, git $GIT_REV"
  echo "- jar: target/dockenv.jar, cksum $(cut -d' ' -f1,2 <<<"$JAR_SUM_AFTER"), $JAR_NOTE"
  echo "- image: $IMAGE"
  echo "- JVM floor flags ($JVM_FLAGS_NOTE): ${JVM_FLAGS[*]}"
  echo
  echo "### Results (wall clock per invocation, ms)"
  echo
  table
  echo
  summary
  echo
  echo "### How measured"
  echo
  echo "- The example project is copied to a temporary folder and warmed with two"
  echo "  \`dockenv run -- true\` (the first builds the image if needed, the second runs with the"
  echo "  class-data-sharing archive the first one wrote) and one \`dockenv run -- python -c pass\` (after"
  echo "  which the launcher has its record of \`python\` runs and starts a, g without a JVM)."
  echo "  \`DOCKENV_CACHE_DIR\` points to a fresh temporary folder, so the run cache, the launcher's records"
  echo "  and the CDS archive are the ones a user has after the first runs. i is a with the launcher's"
  echo "  record turned off (\`DOCKENV_NO_FAST=1\`): the JVM's warm path, which a run takes once after an"
  echo "  input changed."
  echo "- Then $RUNS rounds, each running ${NAMES[*]} once in that order (round-robin, so drift"
  echo "  in the machine affects every command alike). All samples are kept (nothing is discarded);"
  echo "  median (mean of the two middle samples for an even count), min and p90 (nearest rank) are"
  echo "  computed over all of them."
  echo "- Each invocation is timed from just before it is started to just after it exits, with"
  echo "  $TIMER, from the project folder, with stdin from /dev/null and its output"
  echo "  discarded (a failing command stops the benchmark)."
  echo "  dockenv is started through bin/dockenv (the launcher, including its exec of docker for run)."
  echo "- b is the docker command that \`dockenv run\` replaces, with the same client ($DOCKER) and the"
  echo "  image reference printed by \`dockenv build\`; c is the bare minimum docker run of that image."
  echo "- e starts a hello-world class with the launcher's JVM flags (no application CDS archive):"
  echo "  the floor any JVM-based launcher pays. f is \`dockenv status\` (a JVM start plus project"
  echo "  detection and an image lookup, no build). d is answered by the launcher from the version the"
  echo "  JVM printed before, kept with the jar's stat line."
  if [ -n "$BASE_REV" ]; then
    echo "- A, D, F are a, d, f with dockenv built from $BASE_REV (\`--baseline\`: its own worktree, jar and"
    echo "  cache folder, warmed the same way), in the same rounds: the before/after of a change."
  fi
  echo "- No timing assertions: the targets are reported, never enforced."
  echo
  echo "### Raw samples (ms, in measurement order)"
  echo
  for n in "${NAMES[@]}"; do echo "- $n: ${SAMPLES[$n]% }"; done
} | write_section startup "$OUT"

echo
table
echo
summary
echo
echo "(written to $OUT)"
