#!/bin/sh
# Entrypoint of the redis:7 stand-in (see Dockerfile), shaped like the official image's:
# options (or a *.conf file) as the first argument go to redis-server; redis-server started as
# root re-runs this as user redis (setpriv, from util-linux, in place of gosu); protected mode is
# turned off unless the command line or its config file sets it, so other containers on the
# network reach it (compiled defaults otherwise: bind * -::*, dir = the working directory /data).
set -e

if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then
	set -- redis-server "$@"
fi

if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
	find . \! -user redis -exec chown redis '{}' +
	exec setpriv --reuid=redis --regid=redis --init-groups "$0" "$@"
fi

# An appropriate umask unless one is set already.
if [ "$(umask)" = 0022 ]; then
	umask 0077
fi

if [ "$1" = redis-server ]; then
	doProtectedMode=1
	configFile=
	if [ -f "${2:-}" ]; then
		configFile=$2
		if grep -q '^protected-mode' "$configFile"; then
			doProtectedMode=
		fi
	fi
	for arg; do
		if [ "$arg" = --protected-mode ]; then
			doProtectedMode=
		fi
	done
	case "${2:-}" in
		-v|--version|-h|--help|--test-memory|--check-system) doProtectedMode= ;;
	esac
	if [ "$doProtectedMode" ]; then
		shift # redis-server
		if [ "$configFile" ]; then shift; fi
		set -- --protected-mode no "$@"
		if [ "$configFile" ]; then set -- "$configFile" "$@"; fi
		set -- redis-server "$@"
	fi
fi

exec "$@"
