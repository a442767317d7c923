#!/usr/bin/env bash
# eventwire's whole test suite: Go tests (with a throwaway PostgreSQL cluster
# for the PostgreSQL store and distributed-mode tests) and the dashboard's
# browser tests in headless Chromium. Installs what the tests need when it
# is missing and this user may install (root with apt-get); otherwise those
# tests skip with a message.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }

# need_deb PACKAGE...: install Debian packages that are missing.
need_deb() {
	local missing=()
	for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
	[ ${#missing[@]} -eq 0 ] && return 0
	if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
		say "installing ${missing[*]}"
		DEBIAN_FRONTEND=noninteractive apt-get update -qq
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
	else
		echo "missing Debian packages (${missing[*]}): the tests that need them will skip" >&2
		return 1
	fi
}

say "go vet"
go vet ./...

# PostgreSQL: a throwaway cluster on loopback for the store/queue tests.
pg_stop=""
if [ -z "${EVENTWIRE_TEST_PG:-}" ] && [ -x scripts/pg-test-cluster.sh ]; then
	if need_deb postgresql; then
		say "starting a throwaway PostgreSQL cluster"
		pgdir=$(mktemp -d)
		if url=$(scripts/pg-test-cluster.sh start "$pgdir"); then
			export EVENTWIRE_TEST_PG="$url"
			pg_stop="scripts/pg-test-cluster.sh stop $pgdir"
		else
			echo "could not start PostgreSQL: its tests will skip" >&2
		fi
	fi
fi
cleanup() { [ -n "$pg_stop" ] && $pg_stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

say "go test"
go test -count=1 -timeout 15m ./...

# Dashboard browser tests (headless Chromium driven by playwright-core).
if [ -x web/test.sh ]; then
	if need_deb chromium && command -v npm >/dev/null; then
		say "browser tests"
		web/test.sh
	else
		echo "chromium or npm missing: browser tests skipped" >&2
	fi
fi
say "all tests passed"
