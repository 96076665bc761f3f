import { createHash } from 'node:crypto';

/** Cache key for one rendering: a hash of the SVG (charts can be tens of kB) and the output width. */
export function pngCacheKey(svg: string, width: number): string {
  return `${createHash('sha256').update(svg).digest('base64url')}@${width}`;
}

export interface PngCacheLimits {
  maxEntries: number;
  maxBytes: number;
}

/**
 * Least-recently-used PNGs, bounded by count and by total bytes. A Map iterates in insertion order, so re-inserting
 * on every hit keeps the oldest entry first. Callers share the returned Buffers and must not modify them.
 */
export class PngCache {
  readonly #entries = new Map<string, Buffer>();
  /** The fixed set of default charts, rendered once after start: outside the LRU, so other traffic cannot evict them. */
  readonly #pinned = new Map<string, Buffer>();
  #bytes = 0;
  #pinnedBytes = 0;

  constructor(readonly limits: PngCacheLimits) {}

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get pinned(): { size: number; bytes: number } {
    return { size: this.#pinned.size, bytes: this.#pinnedBytes };
  }

  /** Keeps a PNG for the life of the process (the caller bounds the set). */
  pin(key: string, png: Buffer): void {
    if (this.#pinned.has(key)) return;
    this.delete(key);
    this.#pinned.set(key, png);
    this.#pinnedBytes += png.length;
  }

  get(key: string): Buffer | undefined {
    const pinned = this.#pinned.get(key);
    if (pinned) return pinned;
    const png = this.#entries.get(key);
    if (png) {
      this.#entries.delete(key);
      this.#entries.set(key, png);
    }
    return png;
  }

  set(key: string, png: Buffer): void {
    if (png.length > this.limits.maxBytes || this.#pinned.has(key)) return;
    this.delete(key);
    this.#entries.set(key, png);
    this.#bytes += png.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#entries.size <= this.limits.maxEntries && this.#bytes <= this.limits.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.length;
    }
  }

  delete(key: string): void {
    const png = this.#entries.get(key);
    if (!png) return;
    this.#entries.delete(key);
    this.#bytes -= png.length;
  }

  clear(): void {
    this.#entries.clear();
    this.#bytes = 0;
  }
}
