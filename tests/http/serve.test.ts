// The real entry points as processes: `npm run serve` (src/http/serve.ts) and the cluster (src/http/cluster.ts), on
// 127.0.0.1 with a key made here. They must answer signed PINGs, refuse bad config clearly, and exit 0 on SIGTERM.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { makeKeyPair, postSigned, signedHeaders } from './support.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const keys = makeKeyPair();
const PING = { type: 1, id: '1', application_id: '1100000000000000100', token: 'x', version: 1 };
const children: ChildProcessWithoutNullStreams[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

const METRICS_BEARER = 'test-metrics-token-0123456789';

/** A port nothing is using right now (the config refuses port 0, so the test asks the OS for one first). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function environment(port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // DISCORD_API_BASE points nowhere reachable: nothing these tests send may leave the machine.
  return {
    ...process.env,
    DISCORD_PUBLIC_KEY: keys.publicKeyHex,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    DISCORD_API_BASE: 'http://127.0.0.1:9/api',
    DISCORD_TOKEN: '',
    PRERENDER_CHARTS: 'off',
    ...extra,
  };
}

/** Starts an entry point and resolves once its log has shown `count` lines saying "ready" (pino JSON lines: stdout is a pipe). */
function start(entry: string, env: NodeJS.ProcessEnv, count = 1): Promise<{ child: ChildProcessWithoutNullStreams; log: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env });
  children.push(child);
  let log = '';
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      log += chunk;
      if ((log.match(/"msg":"ready"/g) ?? []).length >= count) resolve({ child, log: () => log });
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
    child.once('exit', (code) => reject(new Error(`${entry} exited early with ${code}:\n${log}`)));
  });
}

describe('npm run serve', () => {
  it('answers a signed PING, reports healthy, and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const { child, log } = await start('src/http/serve.ts', environment(port));
    const base = `http://127.0.0.1:${port}`;
    const answer = await postSigned(base, keys, PING);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ type: 1 });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    expect(log()).toContain('draining');
  });

  it('refuses to start without a usable DISCORD_PUBLIC_KEY, naming it, with no stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/http/serve.ts'], {
      cwd: root,
      env: { ...environment(1), DISCORD_PUBLIC_KEY: 'not-a-key' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toMatch(/DISCORD_PUBLIC_KEY must be 64 hex characters/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('src/http/cluster.ts', () => {
  it('runs workers on one port, sums their metrics, and drains them all on SIGTERM', async () => {
    const port = await freePort();
    const { child } = await start('src/http/cluster.ts', environment(port, { HTTP_WORKERS: '2', METRICS_TOKEN: METRICS_BEARER }), 2);
    const base = `http://127.0.0.1:${port}`;
    const pings = 12;
    for (let i = 0; i < pings; i += 1) {
      const answer = await onNewConnection(`${base}/interactions`, 'POST', JSON.stringify(PING));
      expect(answer.status).toBe(200);
    }
    // Round-robin puts each connection on the next worker, so each has answered about half; whichever worker answers
    // /metrics (asked twice, so both do), the count is the cluster's.
    for (let i = 0; i < 2; i += 1) {
      const metrics = (await onNewConnection(`${base}/metrics`, 'GET', undefined, { authorization: `Bearer ${METRICS_BEARER}` })).text;
      expect(metrics).toMatch(new RegExp(`^interactions_total\\{kind="ping",command="",outcome="replied"\\} ${pings}$`, 'm'));
    }
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });
});

/** A request on a connection of its own (no keep-alive pool), so the cluster's round-robin sees each one. */
function onNewConnection(url: string, method: string, body?: string, extra: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const headers = { ...(body === undefined ? {} : signedHeaders(keys, body)), ...extra };
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: false }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (c: string) => (text += c))
        .on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
