// Property: whatever arrives — any method, path, headers and body — the server answers with a deliberate status and a
// short JSON error, never crashes, never shows a stack, and never answers 2xx unless Discord's signature is valid.
import { randomBytes } from 'node:crypto';
import { request as httpRequest, Agent } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../src/http/body.ts';
import { testApp } from '../support/app.ts';
import { APP_ID, makeKeyPair, nowSeconds, signedHeaders, startServer, type Running } from './support.ts';

const keys = makeKeyPair();
const stranger = makeKeyPair();
let server: Running;
const agent = new Agent({ keepAlive: true, maxSockets: 4 });

beforeAll(async () => {
  // Nothing listens on the discard port: a reply with files fails fast on loopback instead of reaching anywhere.
  server = await startServer({ app: await testApp(), publicKey: keys.publicKeyHex, apiBase: 'http://127.0.0.1:9/api' });
});

afterAll(async () => {
  agent.destroy();
  await server?.http.close();
});

interface Probe {
  method: string;
  path: string;
  body: Buffer;
  signing: 'valid' | 'stranger' | 'stale' | 'random' | 'none';
  extraHeaders: Record<string, string>;
}

interface Seen {
  status: number;
  text: string;
}

function send(probe: Probe): Promise<Seen> {
  // An explicit length frames the body for every method (node sends GET/DELETE/OPTIONS bodies unframed otherwise).
  const headers: Record<string, string> = { ...probe.extraHeaders, 'content-length': String(probe.body.length) };
  if (probe.signing === 'valid') Object.assign(headers, signedHeaders(keys, probe.body));
  if (probe.signing === 'stranger') Object.assign(headers, signedHeaders(stranger, probe.body));
  if (probe.signing === 'random') Object.assign(headers, { 'x-signature-ed25519': randomBytes(64).toString('hex'), 'x-signature-timestamp': nowSeconds() });
  if (probe.signing === 'stale') Object.assign(headers, signedHeaders(keys, probe.body, String(Number(nowSeconds()) - 3600)));
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${probe.path}`, { method: probe.method, headers, agent }, (res) => {
      let text = '';
      res
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(probe.body);
  });
}

const headerText = fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).filter((s) => /^[\x20-\x7e]*$/.test(s));
const option = fc.record({
  name: fc.constantFrom('name', 'first', 'second', 'metric', 'region', 'count', 'hide', 'sort', 'x'),
  type: fc.integer({ min: 1, max: 11 }),
  value: fc.jsonValue(),
  focused: fc.boolean(),
});
/** Shapes close to real interactions, so the parser and router see near-misses, not only noise. */
const interactionLike = fc.record({
  type: fc.oneof(fc.constantFrom(1, 2, 2, 3, 4, 4), fc.integer({ min: -1, max: 7 })),
  id: fc.oneof(fc.constant('1100000000000000999'), fc.string()),
  token: fc.string(),
  application_id: fc.oneof(fc.constant(APP_ID), fc.constant(APP_ID), fc.jsonValue()),
  data: fc.oneof(
    fc.record({
      name: fc.constantFrom('ics', 'compare', 'rank', 'region', 'england', 'help', 'sources', 'nope'),
      options: fc.array(fc.oneof(option, fc.record({ name: fc.string(), type: fc.constant(1), options: fc.array(option, { maxLength: 3 }) })), {
        maxLength: 4,
      }),
    }),
    fc.record({
      custom_id: fc.oneof(fc.string(), fc.constantFrom('ics:devon', 'compare:devon', 'region:london:name', 'rank:x:y')),
      component_type: fc.constant(2),
    }),
    fc.jsonValue(),
  ),
});
const body = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }).map((bytes) => Buffer.from(bytes)),
  fc.string({ maxLength: 2000 }).map((s) => Buffer.from(s)),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v) ?? '')),
  interactionLike.map((v) => Buffer.from(JSON.stringify(v))),
  fc.constant(Buffer.alloc(MAX_BODY_BYTES + 1, 0x20)),
);
const anyProbe: fc.Arbitrary<Probe> = fc.record({
  method: fc.constantFrom('POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  path: fc.oneof(
    fc.constant('/interactions'),
    fc.constant('/interactions?x=1'),
    fc.constantFrom('/', '/healthz', '/metrics', '/interactions/', '/%2e%2e/etc'),
    fc.webPath().map((p) => (p.startsWith('/') ? p : `/${p}`)),
  ),
  body,
  signing: fc.constantFrom('valid', 'stranger', 'stale', 'random', 'none'),
  extraHeaders: fc.record(
    {
      'x-signature-ed25519': headerText,
      'x-signature-timestamp': fc.oneof(headerText, fc.integer().map(String)),
      'content-type': fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x'),
    },
    { requiredKeys: [] },
  ),
});

/** Requests shaped like Discord's, mostly correctly signed: they reach the parser, the router and the commands. */
const discordLikeProbe: fc.Arbitrary<Probe> = fc.record({
  method: fc.constant('POST'),
  path: fc.constant('/interactions'),
  body: fc.oneof(
    interactionLike.map((v) => Buffer.from(JSON.stringify(v))),
    body,
  ),
  signing: fc.constantFrom('valid', 'valid', 'valid', 'stranger', 'stale', 'random'),
  extraHeaders: fc.constant({}),
});
const probe = fc.oneof(anyProbe, discordLikeProbe);

const isInteractionsPost = (p: Probe) => p.method === 'POST' && p.path.split('?')[0] === '/interactions';

describe('random requests', () => {
  it('never crash the server, never leak a stack, and never get 2xx on /interactions without a valid signature', async () => {
    await fc.assert(
      fc.asyncProperty(probe, async (p) => {
        const seen = await send(p);
        expect([200, 202, 400, 401, 404, 405, 413]).toContain(seen.status);
        expect(seen.text).not.toMatch(/\n\s+at |Error:|node:internal/);
        if (isInteractionsPost(p) && seen.status < 300) expect(p.signing).toBe('valid');
        if (isInteractionsPost(p) && p.signing !== 'valid' && p.body.length <= MAX_BODY_BYTES) expect(seen.status).toBe(401);
        if (p.body.length > MAX_BODY_BYTES && isInteractionsPost(p)) expect(seen.status).toBe(413);
      }),
      { numRuns: 500 },
    );
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  });
});
