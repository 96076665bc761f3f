import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/model.ts';
import { gbp, gbpBillions, gbpMillions, people, signedPercent } from '../format/numbers.ts';
import { longDate } from '../format/dates.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { surveyFooter } from './labels.ts';
import { truncate } from './text.ts';
import { icsWideTimelineFields, withDatedFields } from './source-statements.ts';

/** The national picture: the survey's England row, what the 42 rows add up to, and the dated timeline since. */
export function englandEmbeds(data: Dataset, extraLines: readonly string[] = []): APIEmbed[] {
  const e = data.england;
  const deficits = data.systems.filter((s) => s.figures.deficitGbpM !== null);
  const inDeficit = data.systems.filter((s) => s.position.status === 'deficit');
  const sum = deficits.reduce((acc, s) => acc + (s.figures.deficitGbpM ?? 0), 0);
  const totals = data.totals
    .map((t) => {
      const fmt = t.label.startsWith('Population') ? people : t.label.startsWith('Allocation') ? (n: number) => gbpBillions(n) : gbp;
      const missing = t.missing > 0 ? `, ${t.missing} system${t.missing > 1 ? 's' : ''} missing a figure` : '';
      return `• ${t.label}: published ${fmt(t.published)}, the 42 rows sum to ${fmt(t.summed)} (${signedPercent(t.differenceShare * 100)}${missing})`;
    })
    .join('\n');
  const survey: APIEmbed = {
    title: 'England: ICS finances in the 2022 survey',
    description: truncate(
      [
        `England totals as published: **${people(e.population.people)} people**, allocation **${gbpBillions(e.allocation.gbpBillions)}**, **${gbp(e.spendPerHead.gbp)} per head**.`,
        `**${inDeficit.length} of 42** systems reported a deficit for 2022/23 (${inDeficit.filter((s) => s.figures.deficitGbpM === null).length} of them without a figure).`,
        `Published deficits and gaps add up to **${gbpMillions(Math.round(sum * 10) / 10)}** across ${deficits.length} systems; ${42 - deficits.length} published no usable figure.`,
        ...extraLines,
        '',
        '**Do the rows add up to the England row?**',
        totals,
      ].join('\n'),
      DISCORD_LIMITS.embedDescription,
    ),
    color: 0x0072b2,
    footer: surveyFooter(data),
  };
  const sourcesById = new Map(data.sources.map((s) => [s.id, s]));
  const timeline: APIEmbed = {
    title: 'National context, and what the sources say about ICSs',
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
  timeline.fields = withDatedFields(data.facts.map((f) => f.date), timeline.fields ?? [], icsWideTimelineFields(data)).slice(0, DISCORD_LIMITS.embedFields);
  return [survey, timeline];
}
