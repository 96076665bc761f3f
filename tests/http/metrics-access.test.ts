import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/core/app.ts';
import { listenForMetrics } from '../../src/http/metrics-access.ts';
import { makeKeyPair, startServer } from './support.ts';

const keys = makeKeyPair();
const TOKEN = 'a-metrics-token-for-tests-only';
let app: App;

beforeAll(async () => {
  app = await createApp();
});

async function statusOf(url: string, authorization?: string): Promise<number> {
  const response = await fetch(url, authorization === undefined ? {} : { headers: { authorization } });
  await response.arrayBuffer();
  return response.status;
}

describe('/metrics on the public interactions port', () => {
  it('is not there by default', async () => {
    const server = await startServer({ app, publicKey: keys.publicKeyHex });
    try {
      expect(await statusOf(`${server.url}/metrics`)).toBe(404);
      expect(await statusOf(`${server.url}/healthz`)).toBe(200);
    } finally {
      await server.http.close();
    }
  });

  it('answers only the bearer token when METRICS_TOKEN is set', async () => {
    const server = await startServer({ app, publicKey: keys.publicKeyHex, metricsRoute: { token: TOKEN } });
    try {
      expect(await statusOf(`${server.url}/metrics`)).toBe(401);
      expect(await statusOf(`${server.url}/metrics`, `Bearer ${TOKEN}x`)).toBe(401);
      expect(await statusOf(`${server.url}/metrics`, TOKEN)).toBe(401);
      expect(await statusOf(`${server.url}/metrics`, `Bearer ${TOKEN}`)).toBe(200);
    } finally {
      await server.http.close();
    }
  });
});

describe('METRICS_PORT listener', () => {
  let url = '';
  let close: () => Promise<void> = () => Promise.resolve();

  afterAll(() => close());

  it('serves GET /metrics on loopback and nothing else', async () => {
    const listener = await listenForMetrics({
      port: 0,
      host: '127.0.0.1',
      route: 'open',
      text: () => Promise.resolve('up 1\n'),
      contentType: 'text/plain; version=0.0.4',
    });
    close = listener.close;
    url = `http://127.0.0.1:${listener.address.port}`;
    expect(listener.address.address).toBe('127.0.0.1');
    const response = await fetch(`${url}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('up 1\n');
    expect(await statusOf(`${url}/interactions`)).toBe(404);
  });
});
