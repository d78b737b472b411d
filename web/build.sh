#!/usr/bin/env bash
# Builds the web UI into web/dist, which the api's build puts in its jar (served at /). Without Node 20+ and npm it
# says so and skips the UI: the server still builds and runs, with GraphiQL only.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "web: Node and npm are not on this machine: the UI is skipped (apt-get install nodejs npm to build it)"
  exit 0
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "web: Node $major is older than 20: the UI is skipped"
  exit 0
fi
# npm ci again only when the lock file changed since the last install
if ! cmp -s package-lock.json node_modules/.package-lock.json.installed 2>/dev/null; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.package-lock.json.installed
fi
npm run build --silent
