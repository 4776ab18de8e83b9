# Shared by the bench scripts (sourced). bench/RESULTS.md holds one section per script, each
# between <!-- begin NAME --> and <!-- end NAME --> markers: a script replaces its own section and
# leaves the others as they are.

# the checkout, its launcher and the results file
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DOCKENV="$ROOT/bin/dockenv"
OUT="$ROOT/bench/RESULTS.md"

# write_section NAME FILE: the section NAME of FILE becomes standard input (written atomically).
write_section() {
  local name=$1 file=$2 tmp body
  body=$(cat)
  tmp=$(mktemp "$file.XXXXXX")
  {
    if [ -f "$file" ] && grep -q '^<!-- begin ' "$file"; then
      awk -v name="$name" -v body="$body" '
        $0 == "<!-- begin " name " -->" { print; print body; skip = 1; done = 1; next }
        $0 == "<!-- end " name " -->" { skip = 0 }
        !skip { print }
        END {
          if (!done) { print ""; print "<!-- begin " name " -->"; print body; print "<!-- end " name " -->" }
        }' "$file"
    else
      echo "# dockenv benchmarks"
      echo
      echo "Written by the scripts in bench/ (see bench/README.md); each section by one script."
      echo
      echo "<!-- begin $name -->"
      echo "$body"
      echo "<!-- end $name -->"
    fi
  } >"$tmp"
  mv "$tmp" "$file"
}

# ensure_jar ROOT REBUILD: builds target/dockenv.jar when REBUILD is 1, or when it is missing or
# older than a file under src/main or pom.xml.
ensure_jar() {
  local root=$1 rebuild=$2 jar="$1/target/dockenv.jar"
  if [ "$rebuild" = 1 ] || [ ! -f "$jar" ] \
      || [ -n "$(find "$root/src/main" "$root/pom.xml" -newer "$jar" -print -quit 2>/dev/null)" ]; then
    echo "bench: building target/dockenv.jar" >&2
    (cd "$root" && mvn -B -q -ntp package -DskipTests) >&2 || { echo "bench: mvn package failed" >&2; exit 1; }
  fi
  [ -f "$jar" ] || { echo "bench: no $jar after the build" >&2; exit 1; }
}

log() { echo "bench: $*" >&2; }
die() { echo "bench: $*" >&2; exit 1; }
# usage_error MESSAGE: a wrong command line (exit 2, as for any usage error)
usage_error() { echo "bench: $*" >&2; exit 2; }
# positive_count OPTION VALUE: a usage error unless VALUE is a positive integer
positive_count() { case "$2" in '' | *[!0-9]* | 0) usage_error "$1 wants a positive integer, got '$2'" ;; esac; }

# median: the median of the numbers on standard input, one per line (the mean of the two middle ones
# for an even count), as awk prints it
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# bench_prepare ROOT REBUILD: the jar (ensure_jar), the engine and the base image
# (scripts/prepare-engine.sh); exports DOCKENV_DOCKER (default docker) and sets DOCKER to it.
bench_prepare() {
  ensure_jar "$1" "$2"
  source "$1/scripts/prepare-engine.sh"
  export DOCKENV_DOCKER=${DOCKENV_DOCKER:-docker}
  DOCKER=$DOCKENV_DOCKER
}

# git_rev ROOT: the checkout's short commit, noting uncommitted changes to what the benchmarks run.
git_rev() {
  local rev
  rev=$(git -C "$1" rev-parse --short HEAD 2>/dev/null || echo unknown)
  if [ -n "$(git -C "$1" status --porcelain -- src pom.xml bin 2>/dev/null)" ]; then
    rev="$rev (with uncommitted changes in src/, pom.xml or bin/)"
  fi
  echo "$rev"
}
