# Sourced by scripts/demo.sh, scripts/test.sh and bench/run.sh: makes sure a Docker engine runs and
# the base image python:3.11-slim exists (installing and building them when missing, see the two
# ensure-* scripts), and picks the docker client dockenv uses.
#
# DOCKENV_DOCKER: Debian's docker.io ships /usr/bin/docker (20.10), which builds with BuildKit;
# some machines put a newer client without the buildx plugin first on PATH, which can only use
# the legacy builder. Prefer /usr/bin/docker when it exists, unless DOCKENV_DOCKER is set.
_prepare_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$_prepare_root/scripts/ensure-engine.sh"
if [ -z "${DOCKENV_DOCKER:-}" ] && [ -x /usr/bin/docker ]; then
  export DOCKENV_DOCKER=/usr/bin/docker
fi
bash "$_prepare_root/scripts/ensure-base-image.sh"
unset _prepare_root
