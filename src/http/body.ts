import type { IncomingMessage } from 'node:http';

/** Discord's interaction payloads are a few KB; 100 KB leaves room for big resolved objects and nothing more. */
export const MAX_BODY_BYTES = 100 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body while counting bytes, giving up as soon as the limit is passed, so an oversized or endless body
 * never sits in memory. A declared Content-Length over the limit is refused before a byte is read.
 */
export function readBoundedBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ ok: false, reason: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const finish = (result: BodyResult): void => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > limit) {
        chunks.length = 0;
        // Keep draining without keeping anything, so the client can read our 413 instead of a reset.
        request.resume();
        finish({ ok: false, reason: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => finish({ ok: true, body: Buffer.concat(chunks, received) });
    const onError = (): void => finish({ ok: false, reason: 'aborted' });
    request.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}
