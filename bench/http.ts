/**
 * HTTP interactions endpoint under load: autocannon on loopback against POST /interactions with correctly signed `/ics`
 * bodies, against a bare node:http server in the same run that only reads the body, verifies the Ed25519 signature the
 * same way (crypto.verify on libuv's pool) and answers a fixed JSON reply: the floor any interactions server pays.
 * Target: ≥ 80 % of the bare server's throughput, p99 within 1.5× of its p99, no non-2xx. The server without
 * verification (a benchmark-only option) shows what the check itself costs.
 * Server and load generator share this process (autocannon runs in worker threads when there is a core to spare).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp, type App } from '../src/core/app.ts';
import { toMessageData } from '../src/protocol/message-data.ts';
import { createInteractionsServer } from '../src/http/server.ts';
import { publicKeyFromHex } from '../src/http/verify.ts';

const QUICK = process.argv.includes('--quick');
const DURATION_S = QUICK ? 2 : 5;
const WARMUP_S = 1;
const CONNECTIONS = 32;
const NAMES = ['Devon', 'Leeds', 'BNSSG', 'Somerset', 'Kent and Medway', 'Cornwall', 'Frimley', 'Black Country'];
const TARGET = { throughputRatio: 0.8, p99Ratio: 1.5 };
const VERIFY_SAMPLES = 20_000;

function keyPair(): { privateKey: KeyObject; publicKeyHex: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyHex: Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex') };
}

/** Discord-shaped /ics interactions (with chart:false where the command offers charts: chart rendering is benched apart). */
function icsBodies(app: App): string[] {
  const ics = app.router.commands.get('ics');
  const hasChart = (ics?.definition.options ?? []).some((o) => o.name === 'chart');
  return NAMES.map((name, index) =>
    JSON.stringify({
      type: 2,
      id: String(1_100_000_000_000_000_000n + BigInt(index)),
      application_id: '1100000000000000100',
      token: `bench-token-${index}`,
      version: 1,
      data: {
        id: '1100000000000000200',
        name: 'ics',
        type: 1,
        options: [{ name: 'name', type: 3, value: name }, ...(hasChart ? [{ name: 'chart', type: 5, value: false }] : [])],
      },
    }),
  );
}

function signedRequests(bodies: readonly string[], privateKey: KeyObject): autocannon.Request[] {
  // Signed once: the timestamp stays within Discord's 5-minute window for the whole run.
  const timestamp = String(Math.floor(Date.now() / 1000));
  return bodies.map((body) => ({
    method: 'POST',
    path: '/interactions',
    body,
    headers: {
      'content-type': 'application/json',
      'x-signature-timestamp': timestamp,
      'x-signature-ed25519': sign(null, Buffer.from(timestamp + body), privateKey).toString('hex'),
    },
  }));
}

function run(url: string, requests: autocannon.Request[], duration: number, workers: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration, requests, ...(workers > 0 ? { workers } : {}) });
}

/** Ed25519 verifications per second on one core, without HTTP around them: the floor under the verified rate. */
function verifyRate(privateKey: KeyObject, publicKeyHex: string, body: string): number {
  const publicKey = publicKeyFromHex(publicKeyHex);
  const message = Buffer.from(`1700000000${body}`);
  const signature = sign(null, message, privateKey);
  const start = process.hrtime.bigint();
  for (let i = 0; i < VERIFY_SAMPLES; i += 1) verify(null, message, publicKey, signature);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return Math.round(VERIFY_SAMPLES / seconds);
}

/**
 * The baseline: what an interactions endpoint cannot avoid doing (read, verify, answer), and nothing else. It sends the
 * same bytes ours does (our /ics answer, made once), so the comparison is of server work, not of reply size.
 */
async function bareVerifyServer(publicKeyHex: string, answer: string): Promise<{ server: Server; port: number }> {
  const key = publicKeyFromHex(publicKeyHex);
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const timestamp = String(request.headers['x-signature-timestamp'] ?? '');
      const signature = Buffer.from(String(request.headers['x-signature-ed25519'] ?? ''), 'hex');
      verify(null, Buffer.concat([Buffer.from(timestamp), ...chunks]), key, signature, (error, valid) => {
        if (error !== null || !valid) response.writeHead(401).end();
        else response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

const round = (value: number, places = 2): number => Math.round(value * 10 ** places) / 10 ** places;

export async function benchHttp(): Promise<Record<string, number>> {
  const app = await createApp();
  const keys = keyPair();
  const logger = pino({ level: 'silent' });
  // Nothing listens on the discard port: no request of the benchmark can leave the machine.
  const common = { app, publicKey: keys.publicKeyHex, logger, apiBase: 'http://127.0.0.1:9/api' };
  const verified = createInteractionsServer(common);
  const unverified = createInteractionsServer({ ...common, benchmarkOnlySkipVerification: true });
  const [a, b] = await Promise.all([verified.listen(0, '127.0.0.1'), unverified.listen(0, '127.0.0.1')]);
  const sample = await app.router.command('ics', { name: NAMES[0], chart: false });
  const bare = await bareVerifyServer(keys.publicKeyHex, JSON.stringify({ type: 4, data: toMessageData(sample) }));
  const bodies = icsBodies(app);
  const requests = signedRequests(bodies, keys.privateKey);
  // With more than one core, autocannon gets a worker thread so the server keeps the main event loop to itself.
  const workers = availableParallelism() > 1 ? 1 : 0;
  try {
    const results: Record<string, number> = {};
    // Other work on a shared machine comes and goes: the bare server and ours alternate, and each keeps its best round.
    const order = [
      ['bare', bare.port],
      ['verified', a.port],
      ['bare', bare.port],
      ['verified', a.port],
      ['unverified', b.port],
    ] as const;
    for (const [label, port] of QUICK ? order.slice(0, 2) : order) {
      const url = `http://127.0.0.1:${port}`;
      await run(url, requests, WARMUP_S, workers);
      const result = await run(url, requests, DURATION_S, workers);
      const rate = Math.round(result.requests.average);
      if (rate <= (results[`${label}ReqPerSec`] ?? 0)) continue;
      results[`${label}ReqPerSec`] = rate;
      results[`${label}P50Ms`] = result.latency.p50;
      results[`${label}P99Ms`] = result.latency.p99;
      results[`${label}Non2xx`] = result.non2xx;
      results[`${label}Errors`] = result.errors + result.timeouts;
    }
    const verifiedRate = results.verifiedReqPerSec ?? 0;
    const bareRate = results.bareReqPerSec ?? 0;
    results.throughputVsBare = round(verifiedRate / bareRate);
    results.p99VsBare = round((results.verifiedP99Ms ?? Infinity) / Math.max(1, results.bareP99Ms ?? 1));
    const unverifiedRate = results.unverifiedReqPerSec ?? 0;
    // Throughput difference per request; small because Ed25519 runs on libuv's thread pool, off the event loop, and can
    // come out slightly negative in noise. ed25519VerifiesPerSecOneCore is the CPU the check costs.
    if (unverifiedRate > 0) results.verificationThroughputCostUsPerRequest = round(1e6 / verifiedRate - 1e6 / unverifiedRate, 1);
    results.ed25519VerifiesPerSecOneCore = verifyRate(keys.privateKey, keys.publicKeyHex, bodies[0] ?? '');
    results.connections = CONNECTIONS;
    results.durationSeconds = DURATION_S;
    results.targetThroughputVsBare = TARGET.throughputRatio;
    results.targetP99VsBare = TARGET.p99Ratio;
    results.targetMet = results.throughputVsBare >= TARGET.throughputRatio && results.p99VsBare <= TARGET.p99Ratio && results.verifiedNon2xx === 0 ? 1 : 0;
    return results;
  } finally {
    await Promise.all([verified.close(1_000), unverified.close(1_000), new Promise((resolve) => bare.server.close(resolve))]);
  }
}
