/**
 * en-GB figures for chart labels, as journalists write them: £76.5m, £1,563, 5.0%, 1.77m people, £2.78bn.
 * Negative values take a true minus sign (−£4.2m), which reads better than a hyphen at chart sizes.
 */

export type ChartUnit = 'gbp-m' | 'gbp' | 'percent' | 'people' | 'gbp-bn';

import { fixed, trimmed } from '../format/numbers.ts';

const MINUS = '−';

function signed(value: number, body: (magnitude: number) => string): string {
  const text = body(Math.abs(value));
  // A value that rounds to zero must not print as "−£0m".
  return value < 0 && /[1-9]/.test(text) ? `${MINUS}${text}` : text;
}

/** The label at the end of a bar. */
export function formatValue(value: number, unit: ChartUnit): string {
  return signed(value, (v) => {
    switch (unit) {
      case 'gbp-m':
        return `£${trimmed(v, 2)}m`;
      case 'gbp':
        return `£${fixed(Math.round(v), 0)}`;
      case 'percent':
        return `${fixed(v, 1)}%`;
      case 'gbp-bn':
        return `£${trimmed(v, 2)}bn`;
      case 'people':
        return v >= 1_000_000 ? `${trimmed(v / 1_000_000, 2)}m people` : `${fixed(Math.round(v), 0)} people`;
    }
  });
}

/** Decimal places a tick step needs (2.5 -> 1, 0.25 -> 2, 50 -> 0). */
export function decimalsOf(step: number): number {
  const text = Number(step.toPrecision(12)).toString();
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

/** An axis tick: same units as the bars, decimals only as many as the tick step needs. */
export function formatTick(value: number, unit: ChartUnit, step: number): string {
  const decimals = decimalsOf(step);
  return signed(value, (v) => {
    switch (unit) {
      case 'gbp-m':
        return `£${fixed(v, decimals)}m`;
      case 'gbp':
        return `£${fixed(v, decimals)}`;
      case 'percent':
        return `${fixed(v, decimals)}%`;
      case 'gbp-bn':
        return `£${fixed(v, decimals)}bn`;
      case 'people':
        // Ticks in millions once the step is a tenth of a million or more: "1.5m" not "1,500,000".
        return step >= 100_000 ? (v === 0 ? '0' : `${fixed(v / 1_000_000, decimalsOf(step / 1_000_000))}m`) : fixed(v, decimals);
    }
  });
}
