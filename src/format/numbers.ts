/** en-GB figures as journalists write them: £2.78bn, 1.77m people, £1,563, £76.5m, 5.0%. */

const grouped = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Intl formatters are costly to build (a fifth of a reply's time when made per call): one per precision, reused. */
const formats = new Map<string, Intl.NumberFormat>();

function formatter(minDecimals: number, maxDecimals: number): Intl.NumberFormat {
  const key = `${minDecimals}:${maxDecimals}`;
  let format = formats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-GB', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
    formats.set(key, format);
  }
  return format;
}

/** Up to maxDecimals, trailing zeros dropped (76.5, 48, 143.27), thousands grouped. */
export function trimmed(value: number, maxDecimals: number): string {
  return formatter(0, maxDecimals).format(value);
}

/** Exactly `decimals` decimals, thousands grouped. */
export function fixed(value: number, decimals: number): string {
  return formatter(decimals, decimals).format(value);
}

/** £m with up to two decimals as published (£143.27m, £76.5m, £48m). */
export function gbpMillions(value: number): string {
  return `£${trimmed(value, 2)}m`;
}

/** £bn to two decimals (£2.78bn) — three where the survey gave three would be false precision for readers. */
export function gbpBillions(value: number): string {
  return `£${trimmed(value, 2)}bn`;
}

/** Whole pounds with thousands separators (£1,563). */
export function gbp(value: number): string {
  return `£${grouped.format(Math.round(value))}`;
}

/** People: 1.77m above a million, else grouped (812,712). */
export function people(value: number): string {
  if (value >= 1_000_000) return `${trimmed(value / 1_000_000, 2)}m`;
  return grouped.format(Math.round(value));
}

/** Percentage with one decimal (5.0%). */
export function percent(value: number, decimals = 1): string {
  return `${value.toFixed(decimals)}%`;
}

/** Signed percentage difference (+3.2%, −1.0%) with a true minus sign. */
export function signedPercent(value: number, decimals = 1): string {
  const body = Math.abs(value).toFixed(decimals);
  if (Number(body) === 0) return `${(0).toFixed(decimals)}%`;
  return `${value > 0 ? '+' : '−'}${body}%`;
}

/** 1st, 2nd, 3rd, 11th, 22nd … */
export function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
