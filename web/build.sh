#!/usr/bin/env bash
# Builds the dashboard into web/dist (committed; embedded by package web).
# Needs Node.js 20+ and npm with access to the npm registry for `npm ci`.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node scripts/licenses.mjs
npx vite build --logLevel warn
echo "web/dist:"
(cd dist && find . -type f -printf '  %p %s bytes\n' | sort)
printf '  gzip total: %s bytes\n' "$(cat dist/index.html dist/assets/* | gzip -9 | wc -c)"
