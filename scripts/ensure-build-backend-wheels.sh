#!/usr/bin/env bash
# Makes sure Debian's setuptools and wheel wheels are in /usr/share/python-wheels: the integration
# tests' local package index serves them as the build backend of the projects pip builds (a
# pyproject.toml [build-system], a setup.py), since no public index is reachable here.
# Packages python3-setuptools-whl and python3-wheel-whl. Idempotent and silent when both are there.
# Needs root to install.
set -euo pipefail

DIR=/usr/share/python-wheels
wheels_ok() { compgen -G "$DIR/setuptools-*.whl" >/dev/null && compgen -G "$DIR/wheel-*.whl" >/dev/null; }

if wheels_ok; then exit 0; fi

if [ "$(id -u)" != 0 ]; then
  echo "ensure-build-backend-wheels: $DIR lacks setuptools or wheel, and installing them needs root" \
       "(apt-get install python3-setuptools-whl python3-wheel-whl)" >&2
  exit 1
fi
echo "ensure-build-backend-wheels: installing python3-setuptools-whl python3-wheel-whl" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-setuptools-whl python3-wheel-whl >/dev/null
wheels_ok || { echo "ensure-build-backend-wheels: still no setuptools or wheel wheel in $DIR" >&2; exit 1; }
