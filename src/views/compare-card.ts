import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { flagsFor, isFlagged } from '../data/figure-flags.ts';
import type { MetricId } from '../data/metrics.ts';
import { KIND_LABEL, STAGE_LABEL } from '../data/position-kind.ts';
import { gbp, gbpBillions, gbpMillions, people, percent, trimmed } from '../format/numbers.ts';
import { shortName } from '../data/names.ts';
import { amountText, STATUS_LABEL, surveyFooter } from './labels.ts';
import { blockQuote } from './text.ts';

type Formatter = (n: number) => string;

/**
 * "Devon is £19 (1.2%) higher than Somerset" — always naming which is which, never a bare sign. `gapFmt` formats
 * the difference where it is not in the figures' own unit (percentage points between two percentages).
 */
function difference(
  label: string,
  a: IcsSystem,
  av: number | null,
  b: IcsSystem,
  bv: number | null,
  fmt: Formatter,
  relative = true,
  gapFmt: Formatter = fmt,
): string {
  if (av === null || bv === null) {
    const missing = [av === null ? shortName(a) : null, bv === null ? shortName(b) : null].filter(Boolean).join(' and ');
    return `**${label}:** cannot compare — no published figure for ${missing}.`;
  }
  if (av === bv) return `**${label}:** the same (${fmt(av)}).`;
  const [hi, lo, hv, lv] = av > bv ? [a, b, av, bv] : [b, a, bv, av];
  const rel = relative && lv !== 0 ? ` (${percent(((hv - lv) / lv) * 100)} more)` : '';
  // Percentage points are the difference of the percentages as shown, so the sum a reader does comes out the same.
  const gap = gapFmt === points ? Math.round(hv * 10) / 10 - Math.round(lv * 10) / 10 : hv - lv;
  return `**${label}:** ${shortName(hi)} ${fmt(hv)} vs ${shortName(lo)} ${fmt(lv)} — ${gapFmt(gap)} higher${rel}.`;
}

const points = (n: number) => `${trimmed(n, 1)} percentage points`;

/** A comparison that uses a figure the checks doubt says so beside the line. */
function flagged(line: string, metric: MetricId, a: IcsSystem, b: IcsSystem): string {
  const doubtful = [a, b].filter((s) => isFlagged(s, metric));
  return doubtful.length === 0
    ? line
    : `${line} ⚠ ${doubtful
        .map(
          (s) =>
            `${shortName(s)}: ${flagsFor(s, metric)
              .map((f) => f.short)
              .join('; ')}`,
        )
        .join('; ')}.`;
}

/** Two deficit-like figures of different kinds or stages are compared only with a warning that they differ. */
function kindsNote(a: IcsSystem, b: IcsSystem): string | null {
  if (a.figures.deficitGbpM === null || b.figures.deficitGbpM === null) return null;
  const describe = (s: IcsSystem) => `${KIND_LABEL[s.position.status]} (${STAGE_LABEL[s.position.stage]})`;
  if (a.position.status === b.position.status && a.position.stage === b.position.stage) return null;
  return `Not like-for-like: ${shortName(a)}'s figure is a ${describe(a)}, ${shortName(b)}'s a ${describe(b)}.`;
}

function summaryField(s: IcsSystem): APIEmbedField {
  const f = s.figures;
  const position = s.position;
  const amount = amountText(position, 'no figure');
  const lines = [
    `Region: ${s.region}`,
    `Population: ${f.population !== null ? people(f.population) : 'not published'}`,
    `Allocation: ${f.allocationGbpBillions !== null ? gbpBillions(f.allocationGbpBillions) : 'not published'}`,
    `Spend per head: ${f.spendPerHeadGbp !== null ? gbp(f.spendPerHeadGbp) : 'not published'}`,
    `${STATUS_LABEL[position.status]}: ${amount}`,
    f.deficitSharePct !== null ? `Deficit: ${percent(f.deficitSharePct)} of allocation` : null,
    f.deficitPerHeadGbp !== null ? `Deficit per head: ${gbp(f.deficitPerHeadGbp)}` : null,
    s.anomalies.length > 0 ? `⚠️ ${s.anomalies.length} data note${s.anomalies.length > 1 ? 's' : ''} (see /ics)` : null,
    `Figure: ${KIND_LABEL[position.status]}, ${STAGE_LABEL[position.stage]}`,
  ].filter((l): l is string => l !== null);
  return { name: shortName(s), value: lines.join('\n'), inline: true };
}

function quoteField(s: IcsSystem): APIEmbedField {
  const cite = s.position.subSource !== null ? `\n— citing ${s.position.subSource}` : '';
  return { name: `${shortName(s)}: what the survey says`, value: `${blockQuote(s.position.quote)}${cite}` };
}

/** Two systems side by side, with every difference spelled out in words. */
export function compareEmbed(a: IcsSystem, b: IcsSystem, data: Dataset): APIEmbed {
  const fa = a.figures;
  const fb = b.figures;
  const diffs = [
    flagged(difference('Population', a, fa.population, b, fb.population, people), 'population', a, b),
    flagged(difference('Allocation', a, fa.allocationGbpBillions, b, fb.allocationGbpBillions, gbpBillions), 'allocation', a, b),
    flagged(difference('Spend per head', a, fa.spendPerHeadGbp, b, fb.spendPerHeadGbp, gbp), 'spend-per-head', a, b),
    difference('Deficit or gap', a, fa.deficitGbpM, b, fb.deficitGbpM, gbpMillions),
    flagged(
      difference('Deficit as % of allocation', a, fa.deficitSharePct, b, fb.deficitSharePct, (n) => percent(n), false, points),
      'deficit-share',
      a,
      b,
    ),
    flagged(difference('Deficit per head', a, fa.deficitPerHeadGbp, b, fb.deficitPerHeadGbp, gbp), 'deficit-per-head', a, b),
    kindsNote(a, b),
  ].filter((l): l is string => l !== null);
  const midpoint = [a, b].filter((s) => s.figures.deficitIsRangeMidpoint).map((s) => `${shortName(s)}'s deficit is the midpoint of a published range.`);
  return {
    title: `${shortName(a)} vs ${shortName(b)}`,
    description: [...diffs, ...midpoint].join('\n'),
    color: 0x0072b2,
    fields: [summaryField(a), summaryField(b), quoteField(a), quoteField(b)],
    footer: surveyFooter(data),
  };
}
