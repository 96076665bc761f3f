import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { gbp, gbpBillions, gbpMillions, people, percent } from '../format/numbers.ts';
import { shortName } from '../search/name-index.ts';
import { amountText, STATUS_LABEL, surveyFooter } from './labels.ts';
import { blockQuote } from './text.ts';

type Formatter = (n: number) => string;

/** "Devon is £19 (1.2%) higher than Somerset" — always naming which is which, never a bare sign. */
function difference(label: string, a: IcsSystem, av: number | null, b: IcsSystem, bv: number | null, fmt: Formatter, relative = true): string {
  if (av === null || bv === null) {
    const missing = [av === null ? shortName(a) : null, bv === null ? shortName(b) : null].filter(Boolean).join(' and ');
    return `**${label}:** cannot compare — no published figure for ${missing}.`;
  }
  if (av === bv) return `**${label}:** the same (${fmt(av)}).`;
  const [hi, lo, hv, lv] = av > bv ? [a, b, av, bv] : [b, a, bv, av];
  const rel = relative && lv !== 0 ? ` (${percent(((hv - lv) / lv) * 100)} more)` : '';
  return `**${label}:** ${shortName(hi)} ${fmt(hv)} vs ${shortName(lo)} ${fmt(lv)} — ${fmt(hv - lv)} higher${rel}.`;
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
    difference('Population', a, fa.population, b, fb.population, people),
    difference('Allocation', a, fa.allocationGbpBillions, b, fb.allocationGbpBillions, gbpBillions),
    difference('Spend per head', a, fa.spendPerHeadGbp, b, fb.spendPerHeadGbp, gbp),
    difference('Deficit or gap', a, fa.deficitGbpM, b, fb.deficitGbpM, gbpMillions),
    difference('Deficit as % of allocation', a, fa.deficitSharePct, b, fb.deficitSharePct, (n) => percent(n), false),
    difference('Deficit per head', a, fa.deficitPerHeadGbp, b, fb.deficitPerHeadGbp, gbp),
  ];
  const midpoint = [a, b].filter((s) => s.figures.deficitIsRangeMidpoint).map((s) => `${shortName(s)}'s deficit is the midpoint of a published range.`);
  return {
    title: `${shortName(a)} vs ${shortName(b)}`,
    description: [...diffs, ...midpoint].join('\n'),
    color: 0x0072b2,
    fields: [summaryField(a), summaryField(b), quoteField(a), quoteField(b)],
    footer: surveyFooter(data),
  };
}
