# syntax=docker/dockerfile:1
# Two stages: build with dev dependencies, run with production dependencies and dist/ only. No secrets are baked in:
# DISCORD_TOKEN, DISCORD_PUBLIC_KEY and the rest come from the environment at `docker run` (see README, "Containers").
# scripts/production-smoke.sh runs these same steps without Docker, and a test runs that script.

# --- build: compile to dist/ and validate data/ into dist/data-snapshot.json --------------------------------------
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY commands ./commands
COPY data ./data
COPY assets ./assets
RUN npm run build

# --- runtime: production dependencies, the build, the data it was built from, the chart fonts ----------------------
FROM node:20-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY data ./data
COPY assets ./assets
COPY scripts/healthcheck.mjs ./scripts/healthcheck.mjs
# The official image's unprivileged user: the bot needs no root, and writes nothing but logs to stdout.
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 CMD ["node", "scripts/healthcheck.mjs"]
# Gateway bot by default (DISCORD_TOKEN); for HTTP interactions run `node dist/src/http/serve.js` (README).
CMD ["node", "dist/src/main.js"]
