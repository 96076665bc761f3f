import { allocationYearsPhrase } from './source-years.ts';
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { ButtonAction } from '../protocol/buttons.ts';
import type { ComparisonChartSpec } from '../charts/index.ts';
import type { Successor } from '../data/changes-schema.ts';
import type { Funding } from '../data/funding.ts';
import type { Dataset, IcsSystem } from '../data/model.ts';
import { gbp, percent, signedPercent } from '../format/numbers.ts';
import { candidateButtons } from './candidates.ts';
import { fundingOf, gbpFromK, millionsFromK, rankPhrase, workbookName } from './funding-fields.ts';
import { describeDistance } from './funding-prose.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { truncate } from './text.ts';
import { longDate } from '../format/dates.ts';

/**
 * The /funding reply: one system's official allocations from NHS England's workbook, every year it gives, with the
 * England figures beside them and a chart of allocation per head against England's.
 */

const COLOUR = 0x0072b2;
const ENGLAND_LABEL = 'England (derived)';

/** The chart's file name without ".png" (renderChart adds it). */
function fundingChartFileStem(system: IcsSystem): string {
  return `funding-${system.id}`;
}

function fundingFooter(data: Dataset): { text: string } {
  const s = data.funding.source;
  return { text: `Source: ${s.publisher}, “${s.title}”, ${s.document} ${s.version} — cash allocations, not spending` };
}

/**
 * The history in £m, one allocation a line with its years: lines wrap cleanly on a phone, where a five-column
 * table would scramble.
 */
function historyTable(row: Funding['published']): string {
  const years = (pairs: Array<[string, number]>) => pairs.map(([year, k]) => `${year} ${millionsFromK(k)}`).join(' → ');
  return [
    '£m, cash:',
    `**Core baseline (adj.):** ${years([['2022/23', row.core_2022_23_adjusted_baseline_k]])}`,
    `**Core recurrent:** ${years([
      ['2023/24', row.core_2023_24_recurrent_k],
      ['2024/25', row.core_2024_25_recurrent_k],
    ])}`,
    `**Core total:** ${years([
      ['2023/24', row.core_2023_24_total_k],
      ['2024/25', row.core_2024_25_total_k],
    ])}`,
    `**Combined:** ${years([
      ['2023/24', row.core_2023_24_combined_k],
      ['2024/25', row.core_2024_25_combined_k],
    ])}`,
    `**GP (primary medical):** ${years([
      ['2023/24', row.primary_medical_2023_24_recurrent_k],
      ['2024/25', row.primary_medical_2024_25_recurrent_k],
    ])}`,
    `**Other primary care:** ${years([
      ['2023/24', row.other_primary_care_2023_24_k],
      ['2024/25', row.other_primary_care_2024_25_k],
    ])}`,
    `**Running costs:** ${years([
      ['2023/24', row.running_cost_allowance_2023_24_k],
      ['2024/25', row.running_cost_allowance_2024_25_k],
      ['2025/26', row.running_cost_allowance_2025_26_k],
    ])}`,
  ].join('\n');
}

function growthField(system: IcsSystem, funding: Funding, data: Dataset): APIEmbedField {
  const e = data.funding.england;
  const lines = [
    `Core recurrent: **${signedPercent(funding.measures.coreRecurrentGrowthPct)}** (England ${signedPercent(e.changes.coreRecurrentGrowthPct)}) · ${rankPhrase(system.ranks['core-recurrent-growth']?.england)}, 1st = highest`,
    `Combined: ${signedPercent(funding.measures.combinedGrowthPct)} (England ${signedPercent(e.changes.combinedGrowthPct)}); 2023/24 includes capacity funding, 2024/25 does not`,
    `GP (primary medical): ${signedPercent(funding.measures.primaryMedicalGrowthPct)} (England ${signedPercent(e.changes.primaryMedicalGrowthPct)})`,
    `Other primary care: ${signedPercent(funding.measures.otherPrimaryCareGrowthPct)} (England ${signedPercent(e.changes.otherPrimaryCareGrowthPct)})`,
  ];
  return { name: 'Growth 2023/24 → 2024/25 (cash)', value: lines.join('\n') };
}

function perHeadField(system: IcsSystem, funding: Funding, data: Dataset): APIEmbedField {
  const row = funding.published;
  const england = data.funding.england.derivedPerHead;
  const lines = [
    `Core recurrent 2023/24: **${gbp(row.core_2023_24_recurrent_per_head_gbp)}** (England ${gbp(england.core2023_24.gbp)})`,
    `Core recurrent 2024/25: **${gbp(row.core_2024_25_recurrent_per_head_gbp)}** (England ${gbp(england.core2024_25.gbp)}) · ${rankPhrase(system.ranks['core-per-head-2024-25']?.england)}, 1st = highest`,
    `GP (primary medical) 2023/24: **${gbp(row.primary_medical_2023_24_per_head_gbp)}** (England ${gbp(england.primaryMedical2023_24.gbp)})`,
    `GP (primary medical) 2024/25: **${gbp(row.primary_medical_2024_25_per_head_gbp)}** (England ${gbp(england.primaryMedical2024_25.gbp)})`,
    'The ICB’s figures are as published; England’s are derived from them (the sum of the allocations ÷ the sum of the populations they imply), not published.',
  ];
  return { name: 'Allocation per head', value: lines.join('\n') };
}

function distanceField(system: IcsSystem, funding: Funding): APIEmbedField {
  const m = funding.measures;
  const lines = [
    `2022/23: **${describeDistance(m.distanceFromTargetPct2022_23)}**`,
    `After 2023/24 convergence: **${describeDistance(m.distanceFromTargetPctAfter2023_24Convergence)}**`,
    `After 2024/25 convergence: **${describeDistance(m.distanceFromTargetPctAfter2024_25Convergence)}** · ${rankPhrase(system.ranks['distance-from-target-2024-25']?.england)}, 1st = furthest above`,
    'How far the core allocation stands from the ICB’s “fair shares” target; above target means relatively over-funded.',
  ];
  return { name: 'Distance from fair-shares target', value: lines.join('\n') };
}

function runningCostField(funding: Funding, data: Dataset): APIEmbedField {
  const row = funding.published;
  const m = funding.measures;
  const e = data.funding.england;
  const lines = [
    `2023/24 **${gbpFromK(row.running_cost_allowance_2023_24_k)}** → 2024/25 **${gbpFromK(row.running_cost_allowance_2024_25_k)}** (${percent(m.runningCostCutPct2023_24To2024_25)} cut) → 2025/26 **${gbpFromK(row.running_cost_allowance_2025_26_k)}** (${percent(m.runningCostCutPct2024_25To2025_26)} cut)`,
    `Cut 2023/24 → 2025/26: **${percent(m.runningCostCutPct2023_24To2025_26)}** (England ${percent(e.changes.runningCostCutPct2023_24To2025_26)}: ${gbpFromK(e.summedK.running_cost_allowance_2023_24_k)} → ${gbpFromK(e.summedK.running_cost_allowance_2025_26_k)})`,
  ];
  return { name: 'ICB running-cost allowance (cash)', value: lines.join('\n') };
}

function englandField(data: Dataset): APIEmbedField {
  const e = data.funding.england;
  const k = e.summedK;
  const lines = [
    `Core recurrent: ${gbpFromK(k.core_2023_24_recurrent_k)} in 2023/24 (the workbook’s total: ${e.core2023_24Recurrent.published} £k) → ${gbpFromK(k.core_2024_25_recurrent_k)} in 2024/25`,
    `Combined: ${gbpFromK(k.core_2023_24_combined_k)} → ${gbpFromK(k.core_2024_25_combined_k)}`,
    `GP (primary medical): ${gbpFromK(k.primary_medical_2023_24_recurrent_k)} → ${gbpFromK(k.primary_medical_2024_25_recurrent_k)}`,
    `Other primary care: ${gbpFromK(k.other_primary_care_2023_24_k)} → ${gbpFromK(k.other_primary_care_2024_25_k)}`,
  ];
  return { name: `England, for context (the ${e.systemCount} ICBs summed, 2023/24 → 2024/25)`, value: lines.join('\n') };
}

function rowsNote(data: Dataset): string {
  const c = data.funding.source.columns;
  return [
    `Core baseline (adj.): ${c.core_2022_23_adjusted_baseline_k.meaning}`,
    `Core total: ${c.core_2023_24_total_k.meaning.replace(/^Core total for 2023\/24: /, '')}`,
    `Combined: ${c.core_2024_25_combined_k.meaning.replace(' for 2024/25', '')}`,
    `Running costs: ${c.running_cost_allowance_2023_24_k.meaning.replace(/ for 2023\/24\.$/, '.')}`,
  ].join('\n');
}

/** The /funding embed, without its chart image (the reply adds that when it attaches the chart). */
export function fundingEmbed(system: IcsSystem, funding: Funding, data: Dataset): APIEmbed {
  const row = funding.published;
  const description = [
    `**${row.icb_name}** (ODS ${row.ods}) · ${row.region}`,
    `Official allocations from the ${workbookName(data)}. These are what NHS England allocates, not spending or deficits, and a different measure from the 2022 survey’s allocation in \`/ics\`: the two are never compared.`,
    historyTable(row),
  ].join('\n');
  const fields = [
    growthField(system, funding, data),
    perHeadField(system, funding, data),
    distanceField(system, funding),
    runningCostField(funding, data),
    englandField(data),
    { name: 'What the rows are', value: rowsNote(data) },
  ].map((f) => ({ name: f.name, value: f.value }));
  return {
    title: `${system.shortName}: NHS England ${allocationYearsPhrase()}`,
    description: description,
    color: COLOUR,
    fields,
    footer: fundingFooter(data),
  };
}

/** Allocation per head by year, the system against England: one small panel per measure and year. */
export function fundingChartSpec(system: IcsSystem, funding: Funding, data: Dataset): ComparisonChartSpec {
  const row = funding.published;
  const england = data.funding.england.derivedPerHead;
  return {
    title: `${system.shortName}: allocation per head against England`,
    subtitle: `${workbookName(data)}, £ per head, cash`,
    systems: [system.shortName, ENGLAND_LABEL],
    measures: [
      { label: 'Core recurrent allocation per head 2023/24', unit: 'gbp', values: [row.core_2023_24_recurrent_per_head_gbp, england.core2023_24.gbp] },
      { label: 'Core recurrent allocation per head 2024/25', unit: 'gbp', values: [row.core_2024_25_recurrent_per_head_gbp, england.core2024_25.gbp] },
      {
        label: 'GP (primary medical) allocation per head 2023/24',
        unit: 'gbp',
        values: [row.primary_medical_2023_24_per_head_gbp, england.primaryMedical2023_24.gbp],
      },
      {
        label: 'GP (primary medical) allocation per head 2024/25',
        unit: 'gbp',
        values: [row.primary_medical_2024_25_per_head_gbp, england.primaryMedical2024_25.gbp],
      },
    ],
    footnote: `${system.shortName}: as published. England: derived, the sum of the ${data.funding.england.systemCount} ICB allocations ÷ the sum of the populations they imply; not a published figure.`,
  };
}

function missingFundingReply(system: IcsSystem): Reply {
  return reply({
    ephemeral: true,
    content: `NHS England’s allocations workbook has no row for **${system.shortName}**, so there are no official funding figures to show.`,
  });
}

/** The /funding answer for one system, without its chart: the command renders `fundingChart` and attaches it. */
export function fundingReply(system: IcsSystem, data: Dataset, ephemeral: boolean): Reply {
  const funding = fundingOf(system, data);
  if (funding === undefined) return missingFundingReply(system);
  return reply({ ephemeral, embeds: [fundingEmbed(system, funding, data)] });
}

/** The chart /funding attaches: allocation per head against England; none for a system without a workbook row. */
export function fundingChart(system: IcsSystem, data: Dataset): { spec: ComparisonChartSpec; fileStem: string } | undefined {
  const funding = fundingOf(system, data);
  return funding === undefined ? undefined : { spec: fundingChartSpec(system, funding, data), fileStem: fundingChartFileStem(system) };
}

/**
 * A 2026 successor ICB asked for by name: the workbook predates it, so offer its 2022 predecessors' figures instead.
 * A predecessor that passed over only in part is marked so, since its figures are not the successor's share.
 */
export function successorFundingReply(successor: Successor, data: Dataset, action: (system: IcsSystem) => ButtonAction): Reply {
  const predecessors = successor.predecessors
    .map((p) => ({ p, system: data.byId.get(p.systemId) }))
    .filter((x): x is { p: (typeof successor.predecessors)[number]; system: IcsSystem } => x.system !== undefined);
  const listed = predecessors.map(({ p, system }) => `**${system.shortName}**${p.passedOver === 'part' ? ` (part: ${p.part ?? 'not whole'})` : ''}`);
  return reply({
    ephemeral: true,
    embeds: [
      {
        title: `${successor.name}: official funding`,
        description: truncate(
          `${successor.name} ${successor.kind === 'new-body' ? 'has existed' : 'has had its present boundaries'} since ${longDate(successor.startDate)}. NHS England’s allocations workbook (2023/24–2024/25) covers the ICBs as they were before then: ${listed.join(', ')}.\nPick one below for its funding history.`,
          DISCORD_LIMITS.embedDescription,
        ),
        color: 0x56b4e9,
      },
    ],
    components: candidateButtons(
      predecessors.map((x) => x.system),
      action,
    ),
  });
}
