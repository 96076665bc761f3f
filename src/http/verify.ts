import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes Discord shows follow it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** Discord's own limit for replayed requests: a signed body older than this is refused. */
export const MAX_AGE_SECONDS = 5 * 60;
/** Clocks drift; a timestamp further ahead than this cannot have come from Discord just now. */
export const MAX_FUTURE_SECONDS = 60;

export type Rejection = 'missing' | 'malformed' | 'stale' | 'future' | 'invalid';
export type Verdict = { ok: true } | { ok: false; reason: Rejection };

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/** The application's public key (64 hex characters, as the developer portal shows it) as a node:crypto key. */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

const INVALID: Verdict = { ok: false, reason: 'invalid' };
const VALID: Verdict = { ok: true };

/**
 * Checks X-Signature-Ed25519 over X-Signature-Timestamp + raw body, and that the timestamp is recent. The shape checks
 * come first because Buffer.from(…, 'hex') silently drops what is not hex, which would turn garbage into a short key.
 * The Ed25519 check itself runs on libuv's thread pool (crypto.verify with a callback): it is the costliest step of a
 * request, and there it uses another core instead of holding up the event loop.
 */
export function createVerifier(publicKeyHex: string, now: () => number = Date.now): (request: SignedRequest) => Promise<Verdict> {
  const key = publicKeyFromHex(publicKeyHex);
  return async ({ signature, timestamp, body }) => {
    if (signature === undefined || timestamp === undefined) return { ok: false, reason: 'missing' };
    if (!/^[0-9a-fA-F]{128}$/.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
    const age = now() / 1000 - Number(timestamp);
    if (age > MAX_AGE_SECONDS) return { ok: false, reason: 'stale' };
    if (age < -MAX_FUTURE_SECONDS) return { ok: false, reason: 'future' };
    const message = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
    return new Promise((resolve) => {
      verify(null, message, key, Buffer.from(signature, 'hex'), (error, valid) => resolve(error === null && valid ? VALID : INVALID));
    });
  };
}
