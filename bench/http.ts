/**
 * HTTP interactions endpoint under load: autocannon on loopback against POST /interactions with correctly signed `/ics`
 * bodies, once with Ed25519 verification and once with it switched off (a benchmark-only server option), so the cost of
 * verification is visible. Target on the project's 2-core machine: ≥ 5,000 verified requests/s, p99 < 20 ms, no non-2xx.
 * Server and load generator share this process (autocannon runs in worker threads when there is a core to spare).
 */
import { generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { availableParallelism } from 'node:os';
import autocannon from 'autocannon';
import { pino } from 'pino';
import { createApp, type App } from '../src/core/app.ts';
import { createInteractionsServer } from '../src/http/server.ts';
import { publicKeyFromHex } from '../src/http/verify.ts';

const DURATION_S = 5;
const WARMUP_S = 1;
const CONNECTIONS = 32;
const NAMES = ['Devon', 'Leeds', 'BNSSG', 'Somerset', 'Kent and Medway', 'Cornwall', 'Frimley', 'Black Country'];
const TARGET = { reqPerSec: 5_000, p99Ms: 20 };
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
  const bodies = icsBodies(app);
  const requests = signedRequests(bodies, keys.privateKey);
  // With more than one core, autocannon gets a worker thread so the server keeps the main event loop to itself.
  const workers = availableParallelism() > 1 ? 1 : 0;
  try {
    const results: Record<string, number> = {};
    for (const [label, port] of [['verified', a.port], ['unverified', b.port]] as const) {
      const url = `http://127.0.0.1:${port}`;
      await run(url, requests, WARMUP_S, workers);
      const result = await run(url, requests, DURATION_S, workers);
      results[`${label}ReqPerSec`] = Math.round(result.requests.average);
      results[`${label}P50Ms`] = result.latency.p50;
      results[`${label}P99Ms`] = result.latency.p99;
      results[`${label}Non2xx`] = result.non2xx;
      results[`${label}Errors`] = result.errors + result.timeouts;
    }
    const verifiedRate = results.verifiedReqPerSec ?? 0;
    const unverifiedRate = results.unverifiedReqPerSec ?? 0;
    // Throughput difference per request; small because Ed25519 runs on libuv's thread pool, off the event loop, and can
    // come out slightly negative in noise. ed25519VerifiesPerSecOneCore is the CPU the check costs.
    results.verificationThroughputCostUsPerRequest = round(1e6 / verifiedRate - 1e6 / unverifiedRate, 1);
    results.ed25519VerifiesPerSecOneCore = verifyRate(keys.privateKey, keys.publicKeyHex, bodies[0] ?? '');
    results.connections = CONNECTIONS;
    results.durationSeconds = DURATION_S;
    results.targetReqPerSec = TARGET.reqPerSec;
    results.targetP99Ms = TARGET.p99Ms;
    results.targetMet = verifiedRate >= TARGET.reqPerSec && (results.verifiedP99Ms ?? Infinity) < TARGET.p99Ms && results.verifiedNon2xx === 0 ? 1 : 0;
    return results;
  } finally {
    await Promise.all([verified.close(1_000), unverified.close(1_000)]);
  }
}
