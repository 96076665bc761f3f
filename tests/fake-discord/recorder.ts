// An append-only log that tests can wait on: waitFor resolves with the first entry, past or future, that
// matches, or rejects after a timeout with what was seen, so a failing test says why.
import type { ReceivedFile } from './payloads.ts';

export interface RecordedCall {
  method: string;
  /** Path after /api/v10, e.g. /interactions/123/aW50…/callback. */
  path: string;
  query: Record<string, string>;
  /** The Authorization header as sent, or null (interaction and webhook routes are token-in-URL). */
  authorization: string | null;
  /** Parsed JSON body, or the parsed payload_json of a multipart body; undefined without a body. */
  body: unknown;
  files: ReceivedFile[];
  status: number;
}

export interface Violation {
  /** e.g. "POST /interactions/123/…/callback" */
  call: string;
  problem: string;
}

interface Waiter<T> {
  matches: (entry: T) => boolean;
  resolve: (entry: T) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export class WaitableLog<T> {
  readonly entries: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly describe: (entry: T) => string) {}

  push(entry: T): void {
    this.entries.push(entry);
    for (const waiter of this.waiters) {
      if (!waiter.matches(entry)) continue;
      this.waiters.delete(waiter);
      clearTimeout(waiter.timer);
      waiter.resolve(entry);
    }
  }

  waitFor(matches: (entry: T) => boolean, timeoutMs: number, what = 'a matching entry'): Promise<T> {
    const found = this.entries.find(matches);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.entries.map(this.describe).join('\n  ') || '(nothing)';
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Seen:\n  ${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = { matches, resolve, reject, timer };
      this.waiters.add(waiter);
    });
  }

  /** Rejects every pending wait, so stop() never leaves a test hanging on a timer. */
  close(reason: string): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer);
      waiter.reject(new Error(reason));
    }
    this.waiters.clear();
  }
}
