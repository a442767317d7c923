#!/usr/bin/env bash
# pg-test-cluster.sh — a throwaway PostgreSQL cluster for eventwire's tests.
#
#   scripts/pg-test-cluster.sh start [DIR]   initdb DIR/data (DIR default: a new
#                                            temp dir, named on stderr), start it
#                                            on 127.0.0.1 at a free port, create
#                                            database "eventwire_test" and print
#                                            its postgres:// URL on stdout
#   scripts/pg-test-cluster.sh restart DIR   pg_ctl restart (fast shutdown)
#   scripts/pg-test-cluster.sh stop DIR      stop the server and delete DIR
#
# Typical use (CI, see scripts/test.sh):
#   dir=$(mktemp -d)
#   export EVENTWIRE_TEST_PG=$(scripts/pg-test-cluster.sh start "$dir")
#   go test ./...
#   scripts/pg-test-cluster.sh stop "$dir"
#
# The fault test of internal/queue restarts the server itself: it asks the
# server for its data directory and runs "restart" on its parent.
#
# PostgreSQL refuses to run as root, so when run as root the cluster belongs
# to the "postgres" system user (created by Debian's postgresql package).
# Authentication is "trust" for local and 127.0.0.1 connections only.
set -euo pipefail

bindir=""
for d in /usr/lib/postgresql/*/bin; do
	[ -x "$d/pg_ctl" ] && bindir="$d"
done
if [ -z "$bindir" ]; then
	if command -v pg_ctl >/dev/null; then
		bindir="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
	else
		echo "pg-test-cluster: no PostgreSQL server binaries (apt-get install postgresql)" >&2
		exit 2
	fi
fi

# as runs a command as the cluster owner.
as() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

free_port() {
	local p
	for _ in $(seq 1 50); do
		p=$((20000 + RANDOM % 30000))
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
			echo "$p"
			return
		fi
	done
	echo "pg-test-cluster: no free port found" >&2
	exit 2
}

cmd="${1:-}"
case "$cmd" in
start)
	dir="${2:-}"
	if [ -z "$dir" ]; then
		dir="$(mktemp -d /tmp/eventwire-pg.XXXXXX)"
	fi
	mkdir -p "$dir"
	: >"$dir/.eventwire-pg"
	if [ "$(id -u)" = 0 ]; then
		chown -R postgres: "$dir"
	fi
	chmod 700 "$dir"
	port="$(free_port)"
	as "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
		as "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || {
		cat "$dir/initdb.log" >&2
		exit 1
	}
	cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 128MB
fsync = on
synchronous_commit = on
log_min_messages = warning
CONF
	as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null || {
		cat "$dir/server.log" >&2
		exit 1
	}
	as "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres eventwire_test
	echo "pg-test-cluster: running in $dir (stop: $0 stop $dir)" >&2
	echo "postgres://postgres@127.0.0.1:$port/eventwire_test?sslmode=disable"
	;;
restart)
	dir="${2:?usage: $0 restart DIR}"
	as "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -m fast restart >/dev/null
	;;
stop)
	dir="${2:?usage: $0 stop DIR}"
	if [ -f "$dir/data/postmaster.pid" ]; then
		as "$bindir/pg_ctl" -D "$dir/data" -w -t 60 -m fast stop >/dev/null || true
	fi
	if [ -f "$dir/.eventwire-pg" ]; then
		rm -rf "$dir"
	else
		echo "pg-test-cluster: stopped; $dir was not made by this script, left in place" >&2
	fi
	;;
*)
	sed -n '2,20p' "$0" >&2
	exit 2
	;;
esac
