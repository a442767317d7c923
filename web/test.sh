#!/usr/bin/env bash
# Dashboard tests: dependencies, a check that the committed web/dist matches
# a fresh build of web/src, unit checks (node --test) and the browser
# end-to-end test against the real `eventwire serve` (needs Go, Debian's
# chromium at /usr/bin/chromium, and loopback only).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing Debian's chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "web/test.sh: /usr/bin/chromium is missing (apt-get install -y chromium)" >&2
    exit 1
  fi
fi
npm ci --no-audit --no-fund --loglevel=error

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npx vite build --logLevel error --outDir "$tmp/dist" --emptyOutDir
if ! diff -r dist "$tmp/dist" >/dev/null; then
  echo "web/dist is stale: it differs from a fresh build of web/src; run web/build.sh and commit web/dist" >&2
  diff -rq dist "$tmp/dist" >&2 || true
  exit 1
fi
echo "web/dist matches a fresh build"

node --test test/unit.test.mjs
node test/e2e.mjs
