import type { Dataset, IcsSystem } from '../data/model.ts';
import { isSystemDeficit } from '../data/position-kind.ts';
import { boundaryMoveText } from '../views/boundary-moves.ts';

/**
 * The columns of the CSV export, in order: THE one place a column is added (e.g. the position's kind and stage).
 * Each column names what it holds and where it comes from; `table: true` columns also go into the CSV that a
 * /rank, /region or /compare reply's button answers with.
 */

export type Cell = string | number | null;

export interface Column {
  /** snake_case header, stable across releases: scripts read columns by name. */
  header: string;
  /** What the column holds, for the column guide (columns.csv). */
  meaning: string;
  /** Also in the per-reply table CSVs. */
  table?: true;
  value(system: IcsSystem, data: Dataset): Cell;
}

/** Derived figures carry 4 decimals: enough to recompute any shown figure, without floating-point noise. */
const derived = (n: number | null): number | null => (n === null ? null : Math.round(n * 1e4) / 1e4);
const joined = (items: readonly string[]): string => items.join('; ');

function successorIds(system: IcsSystem, data: Dataset): string {
  const fate = data.changes.fateOf(system.id);
  if (fate.change === 'abolished') return joined(fate.successors.map((h) => `${h.successor.name}${h.passedOver === 'part' ? ` (${h.part ?? 'part'})` : ''}`));
  return fate.change === 'boundary-change' ? fate.body.name : system.icbName;
}

function funding(system: IcsSystem, data: Dataset) {
  return data.funding.bySystem.get(system.id);
}

export const COLUMNS: readonly Column[] = [
  { header: 'id', meaning: 'The bot’s stable key for the system', table: true, value: (s) => s.id },
  { header: 'published_name', meaning: 'Name exactly as the survey printed it', table: true, value: (s) => s.publishedName },
  { header: 'short_name', meaning: 'Name the bot uses in lists', value: (s) => s.shortName },
  { header: 'icb_name', meaning: 'Statutory name of the integrated care board (2022)', value: (s) => s.icbName },
  { header: 'ods_code', meaning: 'ODS code of the 2022 ICB', table: true, value: (s) => s.odsCode },
  { header: 'region', meaning: 'NHS England region (one of 7)', table: true, value: (s) => s.region },
  { header: 'published_heading', meaning: 'Region heading the survey printed the row under (it has 5, not 7)', value: (s) => s.publishedHeading },
  { header: 'population_published', meaning: 'Population as printed in the survey', value: (s) => s.population.published },
  { header: 'population', meaning: 'Population as read by the bot (people)', table: true, value: (s) => s.population.people },
  { header: 'allocation_published', meaning: 'Allocation 2022/23 as printed in the survey', value: (s) => s.allocation.published },
  { header: 'allocation_gbp_bn', meaning: 'Allocation 2022/23 as read by the bot (£bn)', table: true, value: (s) => s.allocation.gbpBillions },
  { header: 'spend_per_head_published', meaning: 'Spend per head as printed in the survey', value: (s) => s.spendPerHead.published },
  { header: 'spend_per_head_gbp', meaning: 'Spend per head as read by the bot (£)', table: true, value: (s) => s.spendPerHead.gbp },
  { header: 'position_quote', meaning: 'The survey’s text on the 2022/23 financial position, verbatim', value: (s) => s.position.quote },
  {
    header: 'position_status',
    meaning: 'The bot’s reading of the position: deficit, financial-gap, break-even, efficiency-ask or not-published',
    table: true,
    value: (s) => s.position.status,
  },
  {
    header: 'position_stage',
    meaning: 'Stage of the figure: plan, draft-plan, forecast, unstated, icb-only, cumulative, single-organisation or none',
    table: true,
    value: (s) => s.position.stage,
  },
  {
    header: 'counts_as_system_deficit',
    meaning: 'yes when the bot adds this figure into deficit totals (a system-wide deficit for 2022/23 with an amount)',
    value: (s) => (isSystemDeficit(s.position) ? 'yes' : 'no'),
  },
  { header: 'position_amount_gbp_m', meaning: 'Headline amount in the quote (£m), where it gives one', value: (s) => s.position.amountGbpM },
  { header: 'position_range_low_gbp_m', meaning: 'Low end of a published range (£m)', value: (s) => s.position.range?.lowGbpM ?? null },
  { header: 'position_range_high_gbp_m', meaning: 'High end of a published range (£m)', value: (s) => s.position.range?.highGbpM ?? null },
  { header: 'position_sub_source', meaning: 'The document the survey cites for the position', value: (s) => s.position.subSource },
  { header: 'position_summary', meaning: 'The bot’s one-line reading of the quote', value: (s) => s.position.summary },
  {
    header: 'deficit_gbp_m',
    meaning: 'Deficit or gap the bot ranks (£m): the amount, or the midpoint of a range; empty for efficiency asks and no figure',
    table: true,
    value: (s) => s.figures.deficitGbpM,
  },
  {
    header: 'deficit_is_range_midpoint',
    meaning: 'yes when deficit_gbp_m is the midpoint of a published range',
    value: (s) => (s.figures.deficitIsRangeMidpoint ? 'yes' : 'no'),
  },
  { header: 'deficit_share_pct', meaning: 'Derived: deficit ÷ allocation × 100 (4 decimals)', table: true, value: (s) => derived(s.figures.deficitSharePct) },
  { header: 'deficit_per_head_gbp', meaning: 'Derived: deficit ÷ population (£, 4 decimals)', table: true, value: (s) => derived(s.figures.deficitPerHeadGbp) },
  {
    header: 'data_flags',
    meaning: 'Kinds of the bot’s data checks this row fails, ;-separated',
    table: true,
    value: (s) => joined(s.anomalies.map((a) => a.kind)),
  },
  {
    header: 'data_flag_severities',
    meaning: 'printing-slip, inconsistency or missing for each data flag, in the same order, ;-separated',
    value: (s) => joined(s.anomalies.map((a) => a.severity)),
  },
  {
    header: 'data_notes',
    meaning: 'The data checks’ notes and reading notes, ;-separated',
    value: (s) => joined([...s.anomalies.map((a) => a.note), ...s.position.readingNotes]),
  },
  {
    header: 'nhse_core_2023_24_recurrent_gbp_k',
    meaning: 'NHS England core recurrent allocation 2023/24 (£k, workbook)',
    value: (s, d) => funding(s, d)?.published.core_2023_24_recurrent_k ?? null,
  },
  {
    header: 'nhse_core_2024_25_recurrent_gbp_k',
    meaning: 'NHS England core recurrent allocation 2024/25 (£k, workbook)',
    value: (s, d) => funding(s, d)?.published.core_2024_25_recurrent_k ?? null,
  },
  {
    header: 'nhse_core_growth_2023_24_to_2024_25_pct',
    meaning: 'Derived: cash growth in core recurrent allocation (%, 4 decimals)',
    value: (s, d) => derived(funding(s, d)?.measures.coreRecurrentGrowthPct ?? null),
  },
  {
    header: 'nhse_core_per_head_2024_25_gbp',
    meaning: 'NHS England core recurrent allocation per head 2024/25 (£, as published)',
    value: (s, d) => funding(s, d)?.published.core_2024_25_recurrent_per_head_gbp ?? null,
  },
  {
    header: 'nhse_distance_from_target_2022_23_pct',
    meaning: 'Distance from fair-shares target 2022/23 (%, positive = above)',
    value: (s, d) => funding(s, d)?.measures.distanceFromTargetPct2022_23 ?? null,
  },
  {
    header: 'nhse_distance_from_target_2024_25_pct',
    meaning: 'Distance from target after 2024/25 convergence (%, positive = above)',
    value: (s, d) => funding(s, d)?.measures.distanceFromTargetPctAfter2024_25Convergence ?? null,
  },
  {
    header: 'nhse_running_cost_2023_24_gbp_k',
    meaning: 'ICB running-cost allowance 2023/24 (£k)',
    value: (s, d) => funding(s, d)?.published.running_cost_allowance_2023_24_k ?? null,
  },
  {
    header: 'nhse_running_cost_2025_26_gbp_k',
    meaning: 'ICB running-cost allowance 2025/26 (£k)',
    value: (s, d) => funding(s, d)?.published.running_cost_allowance_2025_26_k ?? null,
  },
  {
    header: 'nhse_running_cost_cut_2023_24_to_2025_26_pct',
    meaning: 'Derived: cash cut in the running-cost allowance (%, 4 decimals)',
    value: (s, d) => derived(funding(s, d)?.measures.runningCostCutPct2023_24To2025_26 ?? null),
  },
  {
    header: 'icb_since_april_2026',
    meaning: 'The ICB covering the system’s area since 1 April 2026 (its successor(s), or itself), ;-separated',
    table: true,
    value: successorIds,
  },
  {
    header: 'boundary_moves_july_2022',
    meaning: 'Areas that moved into or out of the system when ICBs were established on 1 July 2022',
    value: (s, d) => joined(d.changes.boundaryMovesOf(s.id).map((m) => boundaryMoveText(m, d))),
  },
];

export const TABLE_COLUMNS: readonly Column[] = COLUMNS.filter((c) => c.table === true);
