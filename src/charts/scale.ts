/**
 * A linear axis over the data (always including zero: bars are lengths from zero) with round tick values inside it.
 * The domain ends at the data, not at the next round number, so the longest bar uses the whole plot.
 */
export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
}

/** Removes float noise such as 0.30000000000000004 so tick labels and snapshots stay exact. */
function clean(value: number): number {
  return Number(value.toPrecision(12));
}

function niceStep(rawStep: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const residual = rawStep / magnitude;
  const factor = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10;
  return clean(factor * magnitude);
}

/** Ticks about span / intervals apart; a nice step is at most twice the raw one, so there are always two or more. */
export function niceScale(values: readonly number[], intervals = 4): NiceScale {
  const finite = values.filter((value) => Number.isFinite(value));
  const min = Math.min(0, ...finite);
  const max = Math.max(0, ...finite);
  if (min === max) return { min: 0, max: 1, step: 1, ticks: [0, 1] };
  const step = niceStep((max - min) / intervals);
  const ticks: number[] = [];
  for (let index = Math.ceil(clean(min / step)); index <= Math.floor(clean(max / step)); index += 1) ticks.push(clean(index * step));
  return { min, max, step, ticks };
}

/** Maps a value to a pixel position within [left, left + width]. */
export function positionOf(scale: NiceScale, left: number, width: number): (value: number) => number {
  const span = scale.max - scale.min;
  return (value) => left + ((value - scale.min) / span) * width;
}
