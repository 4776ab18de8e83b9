#!/usr/bin/env bash
# Entrypoint of the postgres:16 stand-in (see Dockerfile). It follows the official image's
# documented contract:
#   PGDATA                      the data directory (/var/lib/postgresql/data, a volume)
#   POSTGRES_PASSWORD           the superuser's password; required on first start unless
#                               POSTGRES_HOST_AUTH_METHOD=trust
#   POSTGRES_USER               the superuser's name (default postgres)
#   POSTGRES_DB                 the database made on first start (default: POSTGRES_USER)
#   POSTGRES_INITDB_ARGS        extra initdb arguments; POSTGRES_INITDB_WALDIR its --waldir
#   POSTGRES_HOST_AUTH_METHOD   pg_hba method for connections over the network (scram-sha-256)
#   VAR_FILE                    for the variables above: read VAR from that file (secrets)
#   /docker-entrypoint-initdb.d *.sh (run if executable, else sourced), *.sql, *.sql.gz: run once,
#                               after the first initdb, against POSTGRES_DB
# A data directory that has PG_VERSION is used as it is. As root it prepares the directories and
# re-runs itself as user postgres (setpriv, from util-linux); `postgres` then replaces it as PID 1.
set -Eeo pipefail

file_env() {
	local var=$1 fileVar="${1}_FILE" def=${2:-}
	if [ "${!var:-}" ] && [ "${!fileVar:-}" ]; then
		echo >&2 "error: both $var and $fileVar are set (but are exclusive)"
		exit 1
	fi
	local val=$def
	if [ "${!var:-}" ]; then
		val=${!var}
	elif [ "${!fileVar:-}" ]; then
		val=$(<"${!fileVar}")
	fi
	export "$var"="$val"
	unset "$fileVar"
}

# Whether the arguments only ask postgres for help or a version (no data directory needed).
want_help() {
	local arg
	for arg; do
		case "$arg" in
			-'?'|--help|--describe-config|-V|--version) return 0 ;;
		esac
	done
	return 1
}

create_dirs() {
	mkdir -p "$PGDATA"
	chmod 00700 "$PGDATA" || :
	mkdir -p /var/run/postgresql || :
	chmod 03775 /var/run/postgresql || :
	if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
		mkdir -p "$POSTGRES_INITDB_WALDIR"
		chmod 700 "$POSTGRES_INITDB_WALDIR"
	fi
	if [ "$(id -u)" = 0 ]; then
		find "$PGDATA" \! -user postgres -exec chown postgres:postgres '{}' +
		find /var/run/postgresql \! -user postgres -exec chown postgres:postgres '{}' +
		if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
			find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres:postgres '{}' +
		fi
	fi
}

setup_env() {
	file_env POSTGRES_PASSWORD
	file_env POSTGRES_USER postgres
	file_env POSTGRES_DB "$POSTGRES_USER"
	file_env POSTGRES_INITDB_ARGS
	: "${POSTGRES_HOST_AUTH_METHOD:=}"
	DATABASE_ALREADY_EXISTS=
	if [ -s "$PGDATA/PG_VERSION" ]; then
		DATABASE_ALREADY_EXISTS=true
	fi
}

verify_minimum_env() {
	if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
		cat >&2 <<-'EOE'
			Error: Database is uninitialized and superuser password is not specified.
			       You must specify POSTGRES_PASSWORD to a non-empty value for the
			       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

			       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
			       connections without a password. This is *not* recommended.

			       See PostgreSQL documentation about "trust":
			       https://www.postgresql.org/docs/current/auth-trust.html
		EOE
		exit 1
	fi
	if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
		cat >&2 <<-'EOW'
			********************************************************************************
			WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust". This will allow
			         anyone with access to the Postgres port to access your database without
			         a password, even if POSTGRES_PASSWORD is set.
			********************************************************************************
		EOW
	fi
}

init_database_dir() {
	if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
		set -- --waldir "$POSTGRES_INITDB_WALDIR" "$@"
	fi
	# The password reaches initdb through a pipe, never a file or the command line.
	# shellcheck disable=SC2086 # POSTGRES_INITDB_ARGS is a list of words, as in the official image
	eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"' "$@"'
}

setup_hba_conf() {
	local method=${POSTGRES_HOST_AUTH_METHOD:-scram-sha-256}
	{
		printf '\n'
		if [ "$method" = trust ]; then
			printf '# warning trust is enabled for all connections\n'
		fi
		printf 'host all all all %s\n' "$method"
	} >>"$PGDATA/pg_hba.conf"
}

# psql against the temporary server; extra arguments go first.
process_sql() {
	local query_runner=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
	PGHOST='' PGHOSTADDR='' "${query_runner[@]}" "$@"
}

temp_server_start() {
	# Only the Unix socket: nothing from outside sees the half-made database.
	PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" -o "-c listen_addresses='' -p ${PGPORT:-5432}" -w start >/dev/null
}

temp_server_stop() {
	PGUSER=$POSTGRES_USER pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
}

setup_db() {
	if [ "$POSTGRES_DB" != postgres ]; then
		process_sql --dbname postgres --set db="$POSTGRES_DB" <<-'EOSQL'
			CREATE DATABASE :"db" ;
		EOSQL
		echo
	fi
}

process_init_files() {
	local f
	echo
	for f; do
		case "$f" in
			*.sh)
				if [ -x "$f" ]; then
					echo "$0: running $f"
					"$f"
				else
					echo "$0: sourcing $f"
					# shellcheck disable=SC1090
					. "$f"
				fi
				;;
			*.sql) echo "$0: running $f"; process_sql --dbname "$POSTGRES_DB" -f "$f"; echo ;;
			*.sql.gz) echo "$0: running $f"; gunzip -c "$f" | process_sql --dbname "$POSTGRES_DB"; echo ;;
			*) echo "$0: ignoring $f" ;;
		esac
		echo
	done
}

main() {
	# A first argument that is an option is postgres's option.
	if [ "${1:0:1}" = '-' ]; then
		set -- postgres "$@"
	fi

	if [ "$1" = postgres ] && ! want_help "$@"; then
		setup_env
		create_dirs
		if [ "$(id -u)" = 0 ]; then
			# Once more as postgres, keeping the environment (no gosu here: setpriv does the same).
			exec setpriv --reuid=postgres --regid=postgres --init-groups "${BASH_SOURCE[0]}" "$@"
		fi

		if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
			verify_minimum_env
			ls /docker-entrypoint-initdb.d/ >/dev/null
			init_database_dir
			setup_hba_conf
			export PGPASSWORD=${PGPASSWORD:-$POSTGRES_PASSWORD}
			temp_server_start "$@"
			setup_db
			shopt -s nullglob
			process_init_files /docker-entrypoint-initdb.d/*
			shopt -u nullglob
			temp_server_stop
			unset PGPASSWORD
			echo
			echo 'PostgreSQL init process complete; ready for start up.'
			echo
		else
			echo
			echo 'PostgreSQL Database directory appears to contain a database; Skipping initialization'
			echo
		fi
	fi

	exec "$@"
}

main "$@"
