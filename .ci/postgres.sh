#!/usr/bin/env bash
# Start a private PostgreSQL cluster for the storage tests and print its DSN.
#
# Idempotent: a cluster already initialised is reused, one already running is
# left alone. The cluster listens on 127.0.0.1 only, with trust
# authentication, in a directory of its own (never the system cluster).
#
#   eval "$(.ci/postgres.sh)"     # exports DOSSIER_TEST_POSTGRES
#   .ci/postgres.sh --stop        # stops the cluster
#
# Settings (environment): DOSSIER_PG_DIR (default /tmp/dossier-pg),
# DOSSIER_PG_PORT (default 5433), DOSSIER_PG_BIN (default: the newest
# /usr/lib/postgresql/*/bin).
set -euo pipefail

dir=${DOSSIER_PG_DIR:-/tmp/dossier-pg}
port=${DOSSIER_PG_PORT:-5433}
bin=${DOSSIER_PG_BIN:-}
if [ -z "$bin" ]; then
	bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
	echo "postgres.sh: no PostgreSQL binaries found (set DOSSIER_PG_BIN)" >&2
	exit 1
fi

# PostgreSQL refuses to run as root: run its tools as the postgres user then.
as_pg() {
	if [ "$(id -u)" = 0 ]; then
		su postgres -s /bin/sh -c "$*"
	else
		sh -c "$*"
	fi
}

if [ "${1:-}" = "--stop" ]; then
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_pg "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >&2
	fi
	exit 0
fi

mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
	chown postgres "$dir"
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
	as_pg "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1 ||
		as_pg "'$bin/initdb' -D '$dir/data' -U postgres --auth=trust -E UTF8 --locale=C" >"$dir/initdb.log" 2>&1
fi
if ! as_pg "'$bin/pg_ctl' -D '$dir/data' status" >/dev/null 2>&1; then
	as_pg "'$bin/pg_ctl' -D '$dir/data' -w -t 60 -l '$dir/log' -o \"-k '$dir' -p $port -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off\" start" >&2
fi

dsn="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
echo "export DOSSIER_TEST_POSTGRES='$dsn'"
