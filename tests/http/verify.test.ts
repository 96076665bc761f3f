// The signature check on its own, and the reading of interaction payloads, without a server in the way.
import { sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseInteraction } from '../../src/delivery/interaction.ts';
import { createVerifier, MAX_AGE_SECONDS, MAX_FUTURE_SECONDS, publicKeyFromHex } from '../../src/http/verify.ts';
import { makeKeyPair } from './support.ts';

const keys = makeKeyPair();
const NOW_MS = 1_700_000_000_000;
const NOW_S = NOW_MS / 1000;
const verifier = createVerifier(keys.publicKeyHex, () => NOW_MS);
const body = Buffer.from('{"type":1}');

function signature(timestamp: string, payload: Buffer = body, privateKey = keys.privateKey): string {
  return sign(null, Buffer.concat([Buffer.from(timestamp), payload]), privateKey).toString('hex');
}

describe('createVerifier', () => {
  it('accepts Discord’s signature over timestamp + body, in upper or lower case hex', async () => {
    const timestamp = String(NOW_S);
    expect(await verifier({ signature: signature(timestamp), timestamp, body })).toEqual({ ok: true });
    expect(await verifier({ signature: signature(timestamp).toUpperCase(), timestamp, body })).toEqual({ ok: true });
    expect(await createVerifier(keys.publicKeyHex.toUpperCase(), () => NOW_MS)({ signature: signature(timestamp), timestamp, body })).toEqual({ ok: true });
  });

  it('refuses a signature by another key, over another body or another timestamp', async () => {
    const timestamp = String(NOW_S);
    const other = makeKeyPair();
    expect(await verifier({ signature: signature(timestamp, body, other.privateKey), timestamp, body })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifier({ signature: signature(timestamp), timestamp, body: Buffer.from('{"type":2}') })).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifier({ signature: signature(String(NOW_S - 1)), timestamp, body })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses timestamps older than 5 minutes or more than a minute ahead, and keeps the edges', async () => {
    const at = async (s: number) => {
      const timestamp = String(s);
      return verifier({ signature: signature(timestamp), timestamp, body });
    };
    expect(await at(NOW_S - MAX_AGE_SECONDS)).toEqual({ ok: true });
    expect(await at(NOW_S - MAX_AGE_SECONDS - 1)).toEqual({ ok: false, reason: 'stale' });
    expect(await at(NOW_S + MAX_FUTURE_SECONDS)).toEqual({ ok: true });
    expect(await at(NOW_S + MAX_FUTURE_SECONDS + 1)).toEqual({ ok: false, reason: 'future' });
  });

  it('calls missing and malformed headers what they are, before any crypto', async () => {
    const timestamp = String(NOW_S);
    const good = signature(timestamp);
    expect(await verifier({ signature: undefined, timestamp, body })).toEqual({ ok: false, reason: 'missing' });
    expect(await verifier({ signature: good, timestamp: undefined, body })).toEqual({ ok: false, reason: 'missing' });
    // Buffer.from(hex) would quietly drop a trailing odd digit or stop at a non-hex one; these must not slip through.
    for (const bad of [good.slice(0, -1), `${good}0`, `${good.slice(0, -2)}zz`, '', ' '.repeat(128)]) {
      expect(await verifier({ signature: bad, timestamp, body })).toEqual({ ok: false, reason: 'malformed' });
    }
    for (const bad of ['', '17e8', '-1', ' 1700000000', '1700000000.5', '9'.repeat(13)]) {
      expect(await verifier({ signature: good, timestamp: bad, body })).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses to build a verifier from a key that is not 32 bytes of hex', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/64 hex/);
    expect(() => publicKeyFromHex('g'.repeat(64))).toThrow(/64 hex/);
  });
});

describe('parseInteraction', () => {
  const target = { id: '1', token: 'tok', application_id: '2' };

  it('reads PING, commands, autocomplete and buttons', () => {
    expect(parseInteraction({ type: 1 })).toEqual({ kind: 'ping' });
    expect(parseInteraction({ ...target, type: 2, data: { name: 'ics', options: [{ name: 'name', type: 3, value: 'Devon' }] } })).toEqual({
      kind: 'command',
      target: { id: '1', token: 'tok', applicationId: '2' },
      name: 'ics',
      options: { name: 'Devon' },
    });
    expect(parseInteraction({ ...target, type: 3, data: { custom_id: 'ics:devon', component_type: 2 } })).toMatchObject({
      kind: 'button',
      customId: 'ics:devon',
    });
    expect(parseInteraction({ ...target, type: 5, data: {} })).toEqual({ kind: 'unsupported', type: 5 });
  });

  it('flattens subcommands and groups, and finds the focused option wherever it sits', () => {
    const nested = [
      {
        name: 'group',
        type: 2,
        options: [
          {
            name: 'sub',
            type: 1,
            options: [
              { name: 'count', type: 4, value: 5 },
              { name: 'name', type: 3, value: 'dev', focused: true },
            ],
          },
        ],
      },
    ];
    expect(parseInteraction({ ...target, type: 4, data: { name: 'rank', options: nested } })).toEqual({
      kind: 'autocomplete',
      target: { id: '1', token: 'tok', applicationId: '2' },
      name: 'rank',
      focused: { name: 'name', value: 'dev' },
      options: { count: 5, name: 'dev' },
    });
  });

  it('returns undefined for JSON that is not an interaction it can answer', () => {
    for (const body of [
      null,
      1,
      'x',
      [],
      {},
      { type: '1' },
      { type: 2 },
      { ...target, type: 2, data: {} },
      { ...target, type: 3, data: {} },
      { ...target, type: 4, data: { name: 'ics', options: [] } },
      { type: 2, data: { name: 'ics' } },
    ]) {
      expect(parseInteraction(body)).toBeUndefined();
    }
  });

  it('ignores option values of the wrong shape instead of passing them to commands', () => {
    const options = [{ name: 'a', value: { nested: true } }, { name: 'b', value: Number.NaN }, { value: 'no name' }, 'junk', { name: 'c', value: 'ok' }];
    expect(parseInteraction({ ...target, type: 2, data: { name: 'ics', options } })).toMatchObject({ options: { c: 'ok' } });
  });
});
