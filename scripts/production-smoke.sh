#!/usr/bin/env bash
# The Dockerfile's steps without Docker (which cannot run on the project's machines), so the recipe is tested by proxy
# (tests/production.test.ts). Keep the two in step: each block below names the Dockerfile line it stands for.
#   build stage:   npm ci; npm run build                  (assumes the checkout already has its dev dependencies)
#   runtime stage: copy package*.json, dist/, data/, assets/, scripts/healthcheck.mjs; npm ci --omit=dev
#   then start:    one `ask` answer, and the HTTP server until /healthz answers 200 and the health check passes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
app="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$app"
}
trap cleanup EXIT

# FROM node:20-slim AS build … RUN npm run build
(cd "$root" && npm run --silent build)

# FROM node:20-slim AS runtime: COPY package.json package-lock.json; RUN npm ci --omit=dev
cp "$root/package.json" "$root/package-lock.json" "$app/"
(cd "$app" && npm ci --omit=dev --no-audit --no-fund --prefer-offline --loglevel=error)
# COPY --from=build /app/dist; COPY data; COPY assets; COPY scripts/healthcheck.mjs
cp -R "$root/dist" "$root/data" "$root/assets" "$app/"
mkdir -p "$app/scripts" && cp "$root/scripts/healthcheck.mjs" "$app/scripts/"
cd "$app"
export NODE_ENV=production DISCORD_TOKEN=

# No dev dependency may be needed at run time.
for dev in tsx typescript vitest; do
  if [ -e "node_modules/$dev" ]; then echo "production install holds dev dependency $dev" >&2; exit 1; fi
done

# One answer from the build.
answer="$(node dist/src/console/ask.js --json "/ics name:Devon")"
case "$answer" in
  '{"embeds":'*'"title":"Devon"'*) echo "ask: ok" ;;
  *) echo "ask gave: $answer" >&2; exit 1 ;;
esac

# The HTTP service (CMD node dist/src/http/serve.js) and its HEALTHCHECK.
port="${SMOKE_PORT:-18080}"
export DISCORD_PUBLIC_KEY="$(printf 'ab%.0s' {1..32})" PORT="$port" HOST=127.0.0.1 PRERENDER_CHARTS=off LOG_LEVEL=warn
node dist/src/http/serve.js &
server=$!
for _ in $(seq 1 100); do
  if node scripts/healthcheck.mjs; then echo "healthz: ok"; exit 0; fi
  sleep 0.2
done
echo "the HTTP server never became healthy on port $port" >&2
exit 1
