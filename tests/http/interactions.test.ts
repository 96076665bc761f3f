// POST /interactions end to end: a key pair made here, requests signed as Discord signs them, payloads built by the
// loopback fake from console lines, and every reply compared with what the console renderer prints for that line.
import { request as httpRequest } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WebSocket } from 'ws';
import type { APIApplicationCommandBasicOption } from 'discord.js';
import type { App } from '../../src/core/app.ts';
import type { CommandModule } from '../../src/core/command.ts';
import { toMessageData } from '../../src/protocol/message-data.ts';
import { executeLine } from '../../src/console/execute.ts';
import { MAX_BODY_BYTES } from '../../src/http/body.ts';
import { testApp } from '../support/app.ts';
import { startFakeDiscord, type FakeDiscord } from '../fake-discord/server.ts';
import {
  APP_ID,
  TOKEN,
  autocompleteFromLine,
  buttonPress,
  commandFromLine,
  makeKeyPair,
  nowSeconds,
  openListener,
  post,
  postSigned,
  registerCommands,
  signedHeaders,
  startServer,
  type Answer,
  type Running,
} from './support.ts';

// The console writes chart files for replies that carry them; keep them out of the working tree.
vi.hoisted(() => {
  process.env['CHARTS_DIR'] = `${process.env['TMPDIR'] ?? '/tmp'}/ics-http-test-charts-${process.pid}`;
});

const keys = makeKeyPair();
let app: App;
let fake: FakeDiscord;
let listener: WebSocket;
let server: Running;

beforeAll(async () => {
  app = await testApp();
  fake = await startFakeDiscord({ token: TOKEN, applicationId: APP_ID });
  await registerCommands(fake, app);
  listener = await openListener(fake);
  server = await startServer({ app, publicKey: keys.publicKeyHex, apiBase: fake.apiBase });
});

afterAll(async () => {
  await server?.http.close();
  listener?.close();
  await fake?.stop();
});

type Json = Record<string, unknown>;

/** The console's --json line for a command, as the object Discord should receive (without our `size` extra). */
async function consoleData(line: string): Promise<Json> {
  const printed = JSON.parse((await executeLine(app.router, line, 'json')).output) as Json;
  return printed;
}

function withoutSizes(data: Json): Json {
  const attachments = (data.attachments as Json[] | undefined) ?? [];
  return { ...data, attachments: attachments.map(({ size: _size, ...rest }) => rest) };
}

/** The reply data Discord ends up with: inline (200, type 4) or, for a reply with files, the callback the fake received (202). */
async function deliveredData(interactionId: string, answer: Answer): Promise<{ data: Json; viaCallback: boolean }> {
  if (answer.status === 202) {
    expect(answer.text).toBe('');
    const callback = await fake.waitForCallback(interactionId);
    expect(callback.type).toBe(4);
    return { data: callback.data ?? {}, viaCallback: true };
  }
  expect(answer.status).toBe(200);
  const body = JSON.parse(answer.text) as { type: number; data: Json };
  expect(body.type).toBe(4);
  return { data: body.data, viaCallback: false };
}

/** A line with every required option filled: the first fixed choice, the first autocomplete suggestion, or a place. */
function minimalLine(command: CommandModule): string {
  const name = command.definition.name;
  const parts = [`/${name}`];
  for (const option of (command.definition.options ?? []) as APIApplicationCommandBasicOption[]) {
    if (option.required !== true) continue;
    const choices = 'choices' in option ? option.choices : undefined;
    const suggested =
      'autocomplete' in option && option.autocomplete === true ? app.router.autocomplete(name, { name: option.name, value: '' }, {})[0]?.value : undefined;
    parts.push(`${option.name}:${String(choices?.[0]?.value ?? suggested ?? 'Devon')}`);
  }
  return parts.join(' ');
}

const COMMAND_LINES = [
  '/ics name:Devon',
  '/ics name:Devon hide:true',
  '/ics name:Yorkshire',
  '/ics name:zzzz',
  '/ics name:',
  '/compare first:Devon second:Somerset',
  '/compare first:Devon second:Devon',
  '/compare first:Devon second:nowhere at all',
  '/rank metric:deficit',
  '/rank metric:spend-per-head order:lowest count:5',
  '/rank metric:deficit region:London hide:true',
  '/region name:South West',
  '/region name:South West sort:name',
  '/region name:nowhere',
  '/england',
  '/help',
  '/sources',
];

describe('POST /interactions answers as the console renders', () => {
  it('answers a signed PING with PONG', async () => {
    const answer = await postSigned(server.url, keys, { type: 1, id: '1', application_id: APP_ID, token: 'x', version: 1 });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(answer.text)).toEqual({ type: 1 });
  });

  async function expectConsoleParity(line: string): Promise<void> {
    const payload = commandFromLine(fake, app, line);
    const answer = await postSigned(server.url, keys, payload);
    const { data, viaCallback } = await deliveredData(payload.id, answer);
    const expected = await consoleData(line);
    expect(data).toEqual(viaCallback ? withoutSizes(expected) : expected);
  }

  it.each(COMMAND_LINES)('%s gets the same reply data as `ask --json`', expectConsoleParity);

  it('every command the app serves, including ones added later, answers as the console does', async () => {
    for (const command of app.router.commands.values()) await expectConsoleParity(minimalLine(command));
  });

  it.each(['/ics name:dev', '/compare first:Devon second:som', '/rank metric:deficit region:lon', '/region name:mid'])(
    'autocomplete %s gets the console’s choices',
    async (line) => {
      const payload = autocompleteFromLine(fake, app, line);
      const answer = await postSigned(server.url, keys, payload);
      expect(answer.status).toBe(200);
      const expected = JSON.parse((await executeLine(app.router, line, 'json', true)).output) as unknown[];
      expect(expected.length).toBeGreaterThan(0);
      expect(JSON.parse(answer.text)).toEqual({ type: 8, data: { choices: expected } });
    },
  );

  it('a candidate button press gets the card `/ics name:<id>` renders', async () => {
    const ambiguous = commandFromLine(fake, app, '/ics name:Yorkshire');
    const { data } = await deliveredData(ambiguous.id, await postSigned(server.url, keys, ambiguous));
    const ids = JSON.stringify(data.components).match(/"custom_id":"(v2:ics:h?:([A-Z0-9]{3}))"/);
    const systemId = ids?.[2];
    expect(systemId).toBeDefined();
    const press = buttonPress(fake, String(ids?.[1]));
    const pressed = await deliveredData(press.id, await postSigned(server.url, keys, press));
    expect(pressed.data).toEqual(await consoleData(`/ics name:${systemId} hide:true`));
  });

  it('every button a reply offers gets the reply data the renderer gives for that button', async () => {
    const region = commandFromLine(fake, app, '/region name:nowhere');
    const { data } = await deliveredData(region.id, await postSigned(server.url, keys, region));
    const customIds = [...JSON.stringify(data.components).matchAll(/"custom_id":"([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(customIds.length).toBeGreaterThan(1);
    for (const customId of customIds) {
      const press = buttonPress(fake, customId);
      const pressed = await deliveredData(press.id, await postSigned(server.url, keys, press));
      const rendered = JSON.parse(JSON.stringify(toMessageData(await app.router.button(customId)))) as Json;
      expect(pressed.data).toEqual(pressed.viaCallback ? withoutSizes(rendered) : rendered);
    }
  });

  it('flattens subcommand options, as Discord nests them, into the command’s options', async () => {
    const payload = commandFromLine(fake, app, '/ics name:Devon');
    const nested = {
      ...payload,
      data: { ...(payload.data as unknown as Json), options: [{ name: 'card', type: 1, options: (payload.data as { options: unknown }).options }] },
    };
    const answer = await postSigned(server.url, keys, nested);
    expect((JSON.parse(answer.text) as { data: Json }).data).toEqual(await consoleData('/ics name:Devon'));
  });

  it('everything that reached the fake Discord kept within Discord’s limits and pinged no one', () => {
    expect(fake.calls.some((call) => call.path.endsWith('/callback') && call.files.length > 0)).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('an unknown command is answered with the router’s ephemeral hint, not an error status', async () => {
    const payload = commandFromLine(fake, app, '/ics name:Devon');
    const unknown = { ...payload, data: { ...(payload.data as unknown as Json), name: 'nonsense', options: [] } };
    const answer = await postSigned(server.url, keys, unknown);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text) as { type: number; data: { flags: number; content: string } };
    expect(body.type).toBe(4);
    expect(body.data.flags).toBe(64);
    expect(body.data.content).toContain('/help');
  });
});

describe('POST /interactions refuses what Discord did not sign', () => {
  const ping = JSON.stringify({ type: 1, id: '1', application_id: APP_ID, token: 'x', version: 1 });
  const other = makeKeyPair();

  async function expectRefused(answer: Answer, status: number): Promise<void> {
    expect(answer.status).toBe(status);
    const body = JSON.parse(answer.text) as { error: string };
    expect(typeof body.error).toBe('string');
    expect(answer.text).not.toMatch(/\bat .*\(|Error:|node:/);
  }

  it.each([
    ['a forged signature', () => ({ ...signedHeaders(keys, ping), 'x-signature-ed25519': randomBytes(64).toString('hex') })],
    ['a signature by another key', () => signedHeaders(other, ping)],
    ['a signature over another body', () => signedHeaders(keys, ping.replace('"type":1', '"type":2'))],
    ['a timestamp older than 5 minutes', () => signedHeaders(keys, ping, String(Math.floor(Date.now() / 1000) - 301))],
    ['a timestamp 10 minutes ahead', () => signedHeaders(keys, ping, String(Math.floor(Date.now() / 1000) + 600))],
    ['a signature that is not hex', () => ({ ...signedHeaders(keys, ping), 'x-signature-ed25519': 'zz'.repeat(64) })],
    ['a timestamp that is not a number', () => ({ ...signedHeaders(keys, ping), 'x-signature-timestamp': 'yesterday' })],
    [
      'no signature header',
      () => {
        const { 'x-signature-ed25519': _gone, ...rest } = signedHeaders(keys, ping);
        return rest;
      },
    ],
    [
      'no timestamp header',
      () => {
        const { 'x-signature-timestamp': _gone, ...rest } = signedHeaders(keys, ping);
        return rest;
      },
    ],
  ])('401 for %s', async (_label, headers) => {
    await expectRefused(await post(`${server.url}/interactions`, ping, headers()), 401);
  });

  it('401 for a body changed after signing', async () => {
    const headers = signedHeaders(keys, ping);
    await expectRefused(await post(`${server.url}/interactions`, `${ping} `, headers), 401);
  });

  it('413 for a body over 100 KB, signed or not, declared or streamed', async () => {
    const big = JSON.stringify({ type: 1, pad: 'x'.repeat(MAX_BODY_BYTES) });
    await expectRefused(await post(`${server.url}/interactions`, big, signedHeaders(keys, big)), 413);
    // Chunked, with no Content-Length: the limit is found while counting, not from a header.
    const streamed = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${server.url}/interactions`, { method: 'POST', headers: signedHeaders(keys, big) }, (res) => {
        let text = '';
        res
          .setEncoding('utf8')
          .on('data', (c: string) => (text += c))
          .on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: new Headers() }));
      });
      req.on('error', reject);
      for (let i = 0; i < 4; i += 1) req.write(big.slice(i * 30_000, (i + 1) * 30_000));
      req.end(big.slice(120_000));
    });
    await expectRefused(streamed, 413);
  });

  it('accepts a body of exactly 100 KB', async () => {
    const head = JSON.stringify({ type: 1, pad: '' });
    const exact = head.replace('"pad":""', `"pad":"${'x'.repeat(MAX_BODY_BYTES - Buffer.byteLength(head))}"`);
    expect(Buffer.byteLength(exact)).toBe(MAX_BODY_BYTES);
    const answer = await post(`${server.url}/interactions`, exact, signedHeaders(keys, exact));
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toEqual({ type: 1 });
  });

  it('400 for a signed body that is not JSON, or JSON that is not an interaction', async () => {
    for (const body of ['not json', '{"type":', '[1,2,3]', '{"type":2}', '"just a string"']) {
      await expectRefused(await post(`${server.url}/interactions`, body, signedHeaders(keys, body)), 400);
    }
  });

  it('405 for other methods on /interactions, 404 elsewhere', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await fetch(`${server.url}/interactions`, { method });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
    for (const path of ['/', '/interaction', '/interactions/extra', '/api/interactions']) {
      const response = await fetch(`${server.url}${path}`, { method: 'POST', body: ping, headers: signedHeaders(keys, ping) });
      expect(response.status).toBe(404);
    }
  });
});

describe('health and metrics', () => {
  it('GET /healthz is 200 once the data is loaded', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', commands: app.router.commands.size });
  });

  it('GET /healthz is 503 and interactions are refused until the app is ready', async () => {
    let provide: (ready: App) => void = () => undefined;
    const later = new Promise<App>((resolve) => (provide = resolve));
    const starting = await startServer({ app: later, publicKey: keys.publicKeyHex, apiBase: fake.apiBase });
    try {
      expect((await fetch(`${starting.url}/healthz`)).status).toBe(503);
      const ping = { type: 1, id: '1', application_id: APP_ID, token: 'x', version: 1 };
      expect((await postSigned(starting.url, keys, ping)).status).toBe(503);
      provide(app);
      await later;
      expect((await fetch(`${starting.url}/healthz`)).status).toBe(200);
      expect((await postSigned(starting.url, keys, ping)).status).toBe(200);
    } finally {
      await starting.http.close();
    }
  });

  it('GET /metrics counts interactions by command and outcome, latency and rejected signatures', async () => {
    const fresh = await startServer({ app, publicKey: keys.publicKeyHex, apiBase: fake.apiBase, metricsRoute: 'open' });
    try {
      for (let i = 0; i < 3; i += 1) await postSigned(fresh.url, keys, commandFromLine(fake, app, '/ics name:Devon'));
      await postSigned(fresh.url, keys, autocompleteFromLine(fake, app, '/ics name:dev'));
      const ping = JSON.stringify({ type: 1 });
      await post(`${fresh.url}/interactions`, ping, signedHeaders(makeKeyPair(), ping));
      await post(`${fresh.url}/interactions`, ping, signedHeaders(keys, ping, String(Number(nowSeconds()) - 3600)));
      await post(`${fresh.url}/interactions`, ping, {});
      const response = await fetch(`${fresh.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      const text = await response.text();
      expect(text).toMatch(/^interactions_total\{kind="command",command="ics",outcome="(replied|files)"\} 3$/m);
      expect(text).toMatch(/^interactions_total\{kind="autocomplete",command="ics",outcome="replied"\} 1$/m);
      expect(text).toMatch(/^interaction_signature_rejections_total\{reason="invalid"\} 1$/m);
      expect(text).toMatch(/^interaction_signature_rejections_total\{reason="stale"\} 1$/m);
      expect(text).toMatch(/^interaction_signature_rejections_total\{reason="missing"\} 1$/m);
      expect(text).toMatch(/^interaction_response_seconds_count\{kind="command"\} 3$/m);
      expect(text).toMatch(/^http_rejected_requests_total\{status="401"\} 3$/m);
    } finally {
      await fresh.http.close();
    }
  });
});
