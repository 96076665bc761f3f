import type { FundingMeasures } from '../data/funding-measures.ts';
import { fixed } from '../format/numbers.ts';

/** "4.2% above" / "1.3% below" / null when it rounds to 0.0 (then the ICB is at its target to one decimal). */
function distancePhrase(pct: number): string | null {
  if (!Number.isFinite(pct)) throw new RangeError(`distance from target must be a finite number, got ${pct}`);
  const size = fixed(Math.abs(pct), 1);
  if (size === fixed(0, 1)) return null;
  return `${size}% ${pct > 0 ? 'above' : 'below'}`;
}

/** Plain words: "4.2% above its fair-shares target", "1.3% below its fair-shares target", "at its fair-shares target". */
export function describeDistance(pct: number): string {
  const phrase = distancePhrase(pct);
  return phrase === null ? 'at its fair-shares target' : `${phrase} its fair-shares target`;
}

/** "4.2% above its fair-shares target in 2022/23; 2.1% above after 2024/25 convergence". */
export function describeDistanceTrend(measures: FundingMeasures): string {
  const after = distancePhrase(measures.distanceFromTargetPctAfter2024_25Convergence) ?? 'at target';
  return `${describeDistance(measures.distanceFromTargetPct2022_23)} in 2022/23; ${after} after 2024/25 convergence`;
}
