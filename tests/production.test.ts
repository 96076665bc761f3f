// The container recipe, tested by proxy: scripts/production-smoke.sh performs the Dockerfile's steps (build, a
// production-only install in a fresh folder, start) without Docker, which cannot run on the project's machines.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
const script = readFileSync(new URL('../scripts/production-smoke.sh', import.meta.url), 'utf8');

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('the container recipe', () => {
  it('builds with dev dependencies and runs as a non-root user with production dependencies and a health check', () => {
    expect(dockerfile).toMatch(/^FROM node:20-slim AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:20-slim AS runtime$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev /m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*scripts\/healthcheck\.mjs/m);
    expect(dockerfile).not.toMatch(/^(ENV|ARG) .*(TOKEN|PUBLIC_KEY)/m);
  });

  it('copies into the runtime stage exactly what the smoke script copies', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    const copied = [...runtime.matchAll(/^COPY (?:--from=build \/app\/)?(\S+)/gm)].map((m) => m[1]);
    expect(copied).toEqual(['package.json', 'dist', 'data', 'assets', 'scripts/healthcheck.mjs']);
    for (const path of ['package-lock.json', '/dist', '/data', '/assets', 'scripts/healthcheck.mjs']) expect(script).toContain(path);
  });

  it('works: build, production install in a fresh folder, one ask answer, HTTP healthy', async () => {
    const port = await freePort();
    const result = spawnSync('bash', ['scripts/production-smoke.sh'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SMOKE_PORT: String(port) },
      timeout: 300_000,
    });
    expect(result.stderr).not.toMatch(/dev dependency/);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('ask: ok');
    expect(result.stdout).toContain('healthz: ok');
  }, 320_000);
});
