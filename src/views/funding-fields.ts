import type { APIEmbedField } from 'discord-api-types/v10';
import type { Funding } from '../data/funding.ts';
import { fundingTotals } from '../data/funding-totals.ts';
import type { Rank } from '../data/ranking.ts';
import { describeDistanceTrend } from './funding-prose.ts';
import type { Dataset, IcsSystem, RegionSummary } from '../data/model.ts';
import { gbp, ordinal, percent, signedPercent, fixed } from '../format/numbers.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { truncate } from './text.ts';

/**
 * The official funding figures (NHS England's ICB allocations workbook) as they appear on other commands' replies:
 * the "Funding since 2022" part of the /ics card, the /region totals lines and the /sources line. Every figure is
 * labelled with what it measures and its years, and none is ever set against the 2022 survey's "allocation", which is
 * a different measure.
 */

/** £k as journalists write it, at a fixed precision so years sit side by side: £3.44bn, £2.50bn, £36.2m. */
export function gbpFromK(k: number): string {
  return k >= 1_000_000 ? `£${fixed(k / 1_000_000, 2)}bn` : `£${fixed(k / 1000, 1)}m`;
}

/** £k as £m to one decimal without the unit (3,437.8), for tables headed "£m". */
export function millionsFromK(k: number): string {
  return fixed(k / 1000, 1);
}

/** "2nd of 42", "joint 32nd of 42"; "not ranked" for a system with no workbook row (loading refuses one). */
export function rankPhrase(rank: Rank | undefined): string {
  return rank === undefined ? 'not ranked' : `${rank.joint ? 'joint ' : ''}${ordinal(rank.position)} of ${rank.of}`;
}

/** The workbook's version as the bot cites it: "NHS England ICB allocations workbook v1.2". */
export function workbookName(data: Dataset): string {
  const { publisher, document, version } = data.funding.source;
  return `${publisher} ${document} ${version}`;
}

export function fundingOf(system: IcsSystem, data: Dataset): Funding | undefined {
  return data.funding.bySystem.get(system.id);
}

function cardLines(system: IcsSystem, funding: Funding, data: Dataset): string[] {
  const row = funding.published;
  const { measures } = funding;
  const ranks = system.ranks;
  const england = data.funding.england;
  return [
    `**Core allocation (recurrent, cash):** 2023/24 ${gbpFromK(row.core_2023_24_recurrent_k)} → 2024/25 ${gbpFromK(row.core_2024_25_recurrent_k)}, growth **${signedPercent(measures.coreRecurrentGrowthPct)}** (England ${signedPercent(england.changes.coreRecurrentGrowthPct)})`,
    `**Core allocation per head 2024/25:** ${gbp(row.core_2024_25_recurrent_per_head_gbp)} (England ${gbp(england.derivedPerHead.core2024_25.gbp)}, derived) · ${rankPhrase(ranks['core-per-head-2024-25']?.england)}, 1st = highest`,
    `**Distance from fair-shares target:** ${describeDistanceTrend(measures)} · ${rankPhrase(ranks['distance-from-target-2024-25']?.england)}, 1st = furthest above`,
    `**ICB running-cost allowance:** 2023/24 ${gbpFromK(row.running_cost_allowance_2023_24_k)} → 2025/26 ${gbpFromK(row.running_cost_allowance_2025_26_k)}, a **${percent(measures.runningCostCutPct2023_24To2025_26)} cut** (England ${percent(england.changes.runningCostCutPct2023_24To2025_26)})`,
  ];
}

/**
 * The "Funding since 2022" part of the /ics card: two fields, the figures and where they come from. Empty when the
 * system has no funding row (loading refuses that, so it cannot happen with the shipped data).
 */
export function fundingCardFields(system: IcsSystem, data: Dataset): APIEmbedField[] {
  const funding = fundingOf(system, data);
  if (funding === undefined) return [];
  const about = [
    `${workbookName(data)}: allocations for 2023/24 and 2024/25, running costs to 2025/26.`,
    'Allocations are what NHS England gives the ICB, not what it spends. They are a different measure from the survey’s 2022/23 allocation above, so the two are never compared. England per head is derived from the 42 ICBs’ figures, not published.',
    `Full history and a chart: \`/funding name:${system.shortName}\``,
  ];
  return [
    { name: 'Funding since 2022 (NHS England allocations)', value: cardLines(system, funding, data).join('\n') },
    { name: 'About the funding figures', value: about.join('\n') },
  ];
}

/**
 * Lines for /region's totals: the region's official core allocations summed over its systems, growth, and per head
 * derived the way the England figure is (allocations ÷ implied populations).
 */
export function regionFundingLines(summary: RegionSummary, data: Dataset): string[] {
  const members = new Map<string, Funding>();
  for (const system of summary.systems) {
    const funding = fundingOf(system, data);
    if (funding !== undefined) members.set(system.id, funding);
  }
  if (members.size === 0) return [];
  const region = fundingTotals(members, data.funding.source);
  const england = data.funding.england;
  const k = region.summedK;
  const missing = summary.systems.length - members.size;
  const lines = [
    `Official core allocation 2024/25 (NHS England, recurrent, cash): **${gbpFromK(k.core_2024_25_recurrent_k)}**, ${signedPercent(region.changes.coreRecurrentGrowthPct)} on 2023/24’s ${gbpFromK(k.core_2023_24_recurrent_k)} (England ${signedPercent(england.changes.coreRecurrentGrowthPct)})`,
    `Core allocation per head 2024/25: **${gbp(region.derivedPerHead.core2024_25.gbp)}** (England ${gbp(england.derivedPerHead.core2024_25.gbp)}; both derived from the published per-head figures)`,
    'The official allocations are a different measure from the survey’s 2022/23 allocation; the two are not compared.',
  ];
  if (missing > 0) lines.push(`${missing} of ${summary.systems.length} systems have no row in the allocations workbook and are left out.`);
  return lines;
}

/** The workbook as /sources lists it: publisher, title, version and its note, what it contributes. */
export function fundingSourceLine(data: Dataset): string {
  const s = data.funding.source;
  return truncate(
    `${s.publisher}, “${s.title}”, ${s.document} ${s.version} (“${s.note}”; its publication date is not recorded in the bot’s data). ` +
      'Every ICB’s core, GP and other primary care allocations 2023/24–2024/25, its distance from the fair-shares target and its running-cost allowance to 2025/26, ' +
      `joined to the 42 systems by ODS code (${s.localFile}).`,
    DISCORD_LIMITS.fieldValue,
  );
}
