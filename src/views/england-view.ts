import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { IN_DEFICIT_RULE, isSystemDeficit, isSystemGap } from '../data/position-kind.ts';
import type { PositionStage } from '../data/schema.ts';
import { gbp, gbpBillions, gbpMillions, people, signedPercent } from '../format/numbers.ts';
import { longDate } from '../format/dates.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { surveyFooter } from './labels.ts';
import { truncate } from './text.ts';
import { icsWideTimelineFields, withDatedFields } from './source-statements.ts';
import { inconsistencies } from '../data/figure-flags.ts';

const SHORT_STAGE: Partial<Record<PositionStage, string>> = {
  none: 'words only',
  'single-organisation': 'one trust',
  'icb-only': 'ICB only',
  cumulative: 'cumulative',
};

/** The national picture: the survey's England row, what the 42 rows add up to, and the dated timeline since. */
export function englandEmbeds(data: Dataset, extraLines: readonly string[] = []): APIEmbed[] {
  const e = data.england;
  const systemDeficits = data.systems.filter((s) => isSystemDeficit(s.position));
  const gaps = data.systems.filter((s) => isSystemGap(s.position));
  const otherDeficits = data.systems.filter((s) => s.position.status === 'deficit' && !isSystemDeficit(s.position));
  const sumOf = (list: readonly IcsSystem[]) => Math.round(list.reduce((acc, s) => acc + (s.figures.deficitGbpM ?? 0), 0) * 10) / 10;
  const doubtful = data.systems.filter((s) => inconsistencies(s).length > 0);
  const totals = data.totals
    .map((t) => {
      const fmt = t.label.startsWith('Population') ? people : t.label.startsWith('Allocation') ? (n: number) => gbpBillions(n) : gbp;
      const missing = t.missing > 0 ? `, ${t.missing} missing` : '';
      return `• ${t.label.replace(/ \(.*$/, '').replace(/,.*$/, '')}: published ${fmt(t.published)}; rows sum to ${fmt(t.summed)} (${signedPercent(t.differenceShare * 100)}${missing})`;
    })
    .join('\n');
  // Grouped by why the figure is not a system deficit, so the list stays short.
  const byStage = new Map<string, string[]>();
  for (const s of otherDeficits)
    byStage.set(SHORT_STAGE[s.position.stage] ?? s.position.stage, [...(byStage.get(SHORT_STAGE[s.position.stage] ?? s.position.stage) ?? []), s.shortName]);
  const otherText = [...byStage].map(([stage, names]) => `${stage}: ${names.join('; ')}`).join(' · ');
  const survey: APIEmbed = {
    title: 'England: ICS finances in the 2022 survey',
    description: truncate(
      [
        `Published England totals: **${people(e.population.people)} people**, allocation **${gbpBillions(e.allocation.gbpBillions)}**, **${gbp(e.spendPerHead.gbp)} per head**.`,
        `**${systemDeficits.length} of 42** systems published ${IN_DEFICIT_RULE}; ${otherDeficits.length} more describe a deficit without one: ${otherText}.`,
        `System deficits total **${gbpMillions(sumOf(systemDeficits))}** (${systemDeficits.length} systems); financial gaps, a different measure, **${gbpMillions(sumOf(gaps))}** (${gaps.length}). Combined (${gbpMillions(sumOf([...systemDeficits, ...gaps]))}) is not like-for-like.`,
        ...extraLines,
        '',
        '**The 42 rows against the England row**',
        totals,
        `⚠ ${doubtful.length} of the rows do not add up themselves: ${doubtful.map((d) => d.shortName).join('; ')}.`,
      ].join('\n'),
      DISCORD_LIMITS.embedDescription,
    ),
    color: 0x0072b2,
    footer: surveyFooter(data),
  };
  const sourcesById = new Map(data.sources.map((s) => [s.id, s]));
  const timeline: APIEmbed = {
    title: 'National context and what the sources say',
    color: 0x009e73,
    fields: data.facts.map((fact) => {
      const source = sourcesById.get(fact.sourceId);
      const by = fact.originally !== undefined ? `${fact.originally}, reported by ` : '';
      return {
        name: `${longDate(fact.date)} — ${fact.period}`,
        value: `${fact.headline}\n_${by}${source?.publisher ?? fact.sourceId}${source?.title !== undefined ? `, “${source.title}”` : ''}_`,
      };
    }),
  };
  timeline.fields = withDatedFields(
    data.facts.map((f) => f.date),
    timeline.fields ?? [],
    icsWideTimelineFields(data),
  ).slice(0, DISCORD_LIMITS.embedFields);
  return [survey, timeline];
}
