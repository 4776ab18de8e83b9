#!/usr/bin/env bash
# The README's first command: builds dockenv, brings up a Docker engine and the base image when
# there are none, then runs the bundled example project with dockenv:
#     dockenv run -- python app.py
# A first run builds the example's environment image (a few seconds); the next ones start at once.
# Extra arguments replace the command, e.g. scripts/demo.sh python -c 'import seed; print(seed)'
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

echo "demo: building dockenv (mvn package)" >&2
mvn -q -B -ntp -DskipTests package
source scripts/prepare-engine.sh

cd example
if [ $# -eq 0 ]; then set -- python app.py; fi
echo "demo: cd example && dockenv run -- $*" >&2
exec ../bin/dockenv run -- "$@"
