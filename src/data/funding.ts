import { fixed } from '../format/numbers.ts';
import { MONEY_COLUMNS, type MoneyColumn, type PerHeadColumn } from './funding-columns.ts';
import type { FundingRow, FundingSource } from './funding-schema.ts';

/**
 * NHS England's ICB allocations 2023/24–2024/25, validated and joined to the 42 systems by ODS code, with derived
 * figures. Every derived figure compares like with like within the workbook: nothing here touches the 2022 survey's
 * "allocation", which is a different measure.
 */

export const FUNDING_CSV_FILE = 'data/sources/nhse-icb-allocations-2023-24-to-2024-25.csv';
export const FUNDING_SOURCE_FILE = 'data/funding-source.json';

/**
 * The one separator put between a number and "%" in every string this module writes: none, so that these phrases
 * read like every other figure the bot shows ("5.0%", src/format/numbers.ts).
 */
export const PERCENT_SPACE = '';

/** Changes computed from the £k columns only, so they apply to one ICB or to England's sums alike. */
export interface FundingChanges {
  coreRecurrentGrowthPct: number;
  combinedGrowthPct: number;
  runningCostCutPct2023_24To2024_25: number;
  runningCostCutPct2024_25To2025_26: number;
  runningCostCutPct2023_24To2025_26: number;
}

export interface FundingMeasures extends FundingChanges {
  distanceFromTargetPct2022_23: number;
  distanceFromTargetPctAfter2023_24Convergence: number;
  distanceFromTargetPctAfter2024_25Convergence: number;
  corePerHeadGbp2023_24: number;
  corePerHeadGbp2024_25: number;
  primaryMedicalPerHeadGbp2023_24: number;
  primaryMedicalPerHeadGbp2024_25: number;
}

/** A display label for every measure: what it is, which years, and its unit. */
export const FUNDING_MEASURE_LABELS: Readonly<Record<keyof FundingMeasures, string>> = {
  coreRecurrentGrowthPct: 'Growth in core recurrent allocation, 2023/24 → 2024/25 (cash, %)',
  combinedGrowthPct:
    'Growth in combined allocation, 2023/24 → 2024/25 (cash, %; 2023/24 includes capacity funding, 2024/25 does not)',
  runningCostCutPct2023_24To2024_25: 'Cut in running-cost allowance, 2023/24 → 2024/25 (cash, %)',
  runningCostCutPct2024_25To2025_26: 'Cut in running-cost allowance, 2024/25 → 2025/26 (cash, %)',
  runningCostCutPct2023_24To2025_26: 'Cut in running-cost allowance, 2023/24 → 2025/26 (cash, %)',
  distanceFromTargetPct2022_23: 'Distance from fair-shares target, 2022/23 (%, positive = above target)',
  distanceFromTargetPctAfter2023_24Convergence:
    'Distance from fair-shares target after 2023/24 convergence (%, positive = above target)',
  distanceFromTargetPctAfter2024_25Convergence:
    'Distance from fair-shares target after 2024/25 convergence (%, positive = above target)',
  corePerHeadGbp2023_24: 'Core recurrent allocation per head 2023/24 (£, as published)',
  corePerHeadGbp2024_25: 'Core recurrent allocation per head 2024/25 (£, as published)',
  primaryMedicalPerHeadGbp2023_24: 'Primary medical care (GP) allocation per head 2023/24 (£, as published)',
  primaryMedicalPerHeadGbp2024_25: 'Primary medical care (GP) allocation per head 2024/25 (£, as published)',
};

export const FUNDING_RANK_IDS = [
  'distance-from-target-2024-25',
  'core-per-head-2024-25',
  'core-recurrent-growth',
  'running-cost-cut-2025-26',
] as const;
export type FundingRankId = (typeof FUNDING_RANK_IDS)[number];

interface RankingDefinition {
  /** Says which end is 1st. */
  label: string;
  measure: keyof FundingMeasures;
  /**
   * Values are compared at this many decimals so that rounding noise is not ranked. The running-cost cuts of the 42
   * differ only from the second decimal (25.29%–25.30%), which is the rounding of whole £k: at one decimal all
   * 42 share 1st place, which is the honest reading.
   */
  decimals: number;
}

/** Every ranking puts the highest value 1st; equal values share a place (1, 2, 2, 4). */
export const FUNDING_RANKINGS: Readonly<Record<FundingRankId, RankingDefinition>> = {
  'distance-from-target-2024-25': {
    label: 'Distance from fair-shares target after 2024/25 convergence (1st = furthest above target)',
    measure: 'distanceFromTargetPctAfter2024_25Convergence',
    decimals: 2,
  },
  'core-per-head-2024-25': {
    label: 'Core recurrent allocation per head 2024/25 (1st = highest)',
    measure: 'corePerHeadGbp2024_25',
    decimals: 1,
  },
  'core-recurrent-growth': {
    label: 'Growth in core recurrent allocation 2023/24 → 2024/25 (1st = highest)',
    measure: 'coreRecurrentGrowthPct',
    decimals: 2,
  },
  'running-cost-cut-2025-26': {
    label: 'Cut in running-cost allowance 2023/24 → 2025/26 (1st = largest cut)',
    measure: 'runningCostCutPct2023_24To2025_26',
    decimals: 1,
  },
};

export interface Rank {
  /** 1 = highest value; tied values share the better place. */
  position: number;
  outOf: number;
  tied: boolean;
}

export interface Funding {
  systemId: string;
  /** The workbook's row as published (CSV column names; money in £k). */
  published: FundingRow;
  measures: FundingMeasures;
  ranks: Readonly<Record<FundingRankId, Rank>>;
}

export interface RankedSystem {
  systemId: string;
  value: number;
  rank: Rank;
}

const growthPct = (from: number, to: number): number => (to / from - 1) * 100;
const cutPct = (from: number, to: number): number => (1 - to / from) * 100;

export function fundingChanges(k: Readonly<Record<MoneyColumn, number>>): FundingChanges {
  return {
    // Recurrent to recurrent only: the totals add non-recurrent funding that differs between the years.
    coreRecurrentGrowthPct: growthPct(k.core_2023_24_recurrent_k, k.core_2024_25_recurrent_k),
    combinedGrowthPct: growthPct(k.core_2023_24_combined_k, k.core_2024_25_combined_k),
    runningCostCutPct2023_24To2024_25: cutPct(k.running_cost_allowance_2023_24_k, k.running_cost_allowance_2024_25_k),
    runningCostCutPct2024_25To2025_26: cutPct(k.running_cost_allowance_2024_25_k, k.running_cost_allowance_2025_26_k),
    runningCostCutPct2023_24To2025_26: cutPct(k.running_cost_allowance_2023_24_k, k.running_cost_allowance_2025_26_k),
  };
}

export function measuresOf(row: FundingRow): FundingMeasures {
  return {
    ...fundingChanges(row),
    distanceFromTargetPct2022_23: row.core_2022_23_distance_from_target_pct,
    distanceFromTargetPctAfter2023_24Convergence: row.core_2023_24_distance_from_target_after_convergence_pct,
    distanceFromTargetPctAfter2024_25Convergence: row.core_2024_25_distance_from_target_after_convergence_pct,
    corePerHeadGbp2023_24: row.core_2023_24_recurrent_per_head_gbp,
    corePerHeadGbp2024_25: row.core_2024_25_recurrent_per_head_gbp,
    primaryMedicalPerHeadGbp2023_24: row.primary_medical_2023_24_per_head_gbp,
    primaryMedicalPerHeadGbp2024_25: row.primary_medical_2024_25_per_head_gbp,
  };
}

const roundTo = (value: number, decimals: number): number => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** Competition ranking, highest first, at the ranking's precision; ties are listed by system id. */
export function rankValues(values: ReadonlyArray<{ systemId: string; value: number }>, decimals: number): RankedSystem[] {
  const keyed = values.map((v) => ({ ...v, key: roundTo(v.value, decimals) }));
  keyed.sort((a, b) => b.key - a.key || a.systemId.localeCompare(b.systemId));
  return keyed.map(({ systemId, value, key }) => {
    const position = 1 + keyed.filter((other) => other.key > key).length;
    const tied = keyed.filter((other) => other.key === key).length > 1;
    return { systemId, value, rank: { position, outOf: keyed.length, tied } };
  });
}

/** The systems in ranking order (1st first). */
export function rankFunding(funding: ReadonlyMap<string, Funding>, id: FundingRankId): RankedSystem[] {
  const { measure, decimals } = FUNDING_RANKINGS[id];
  return rankValues(
    [...funding.values()].map((f) => ({ systemId: f.systemId, value: f.measures[measure] })),
    decimals,
  );
}

export interface EnglandPerHead {
  /** £ per head: the sum of the allocations ÷ the sum of the implied populations. */
  gbp: number;
  /** Σ (allocation ÷ published per-head figure): an implied population, not a published one. */
  impliedPopulation: number;
}

export interface EnglandFunding {
  systemCount: number;
  /** Each £k column summed over the joined rows, to 0.1 £k (the CSV's precision). */
  summedK: Readonly<Record<MoneyColumn, number>>;
  /** The one England total the workbook publishes, beside our sum of the rows. */
  core2023_24Recurrent: { summedK: number; publishedK: number; differenceK: number; published: string };
  changes: FundingChanges;
  /** Derived, not published: the workbook gives per-head figures per ICB but no population. */
  derivedPerHead: {
    label: string;
    core2023_24: EnglandPerHead;
    core2024_25: EnglandPerHead;
    primaryMedical2023_24: EnglandPerHead;
    primaryMedical2024_25: EnglandPerHead;
  };
}

function derivedPerHead(rows: FundingRow[], allocation: MoneyColumn, perHead: PerHeadColumn): EnglandPerHead {
  let allocationGbp = 0;
  let impliedPopulation = 0;
  for (const row of rows) {
    const gbp = row[allocation] * 1000;
    allocationGbp += gbp;
    impliedPopulation += gbp / row[perHead];
  }
  return { gbp: allocationGbp / impliedPopulation, impliedPopulation };
}

/** England figures computed from the 42 joined rows (never from the survey). */
export function englandFunding(funding: ReadonlyMap<string, Funding>, source: FundingSource): EnglandFunding {
  const rows = [...funding.values()].map((f) => f.published);
  const summedK = Object.fromEntries(
    MONEY_COLUMNS.map((column) => [column, roundTo(rows.reduce((sum, row) => sum + row[column], 0), 1)]),
  ) as Record<MoneyColumn, number>;
  const published = source.england.core_2023_24_recurrent_k;
  return {
    systemCount: rows.length,
    summedK,
    core2023_24Recurrent: {
      summedK: summedK.core_2023_24_recurrent_k,
      publishedK: published.valueK,
      differenceK: roundTo(summedK.core_2023_24_recurrent_k - published.valueK, 1),
      published: published.published,
    },
    changes: fundingChanges(summedK),
    derivedPerHead: {
      label:
        'England per head (derived: sum of the ICB allocations ÷ sum of their implied populations, each allocation ÷ its published per-head figure; not a published figure)',
      core2023_24: derivedPerHead(rows, 'core_2023_24_recurrent_k', 'core_2023_24_recurrent_per_head_gbp'),
      core2024_25: derivedPerHead(rows, 'core_2024_25_recurrent_k', 'core_2024_25_recurrent_per_head_gbp'),
      primaryMedical2023_24: derivedPerHead(
        rows,
        'primary_medical_2023_24_recurrent_k',
        'primary_medical_2023_24_per_head_gbp',
      ),
      primaryMedical2024_25: derivedPerHead(
        rows,
        'primary_medical_2024_25_recurrent_k',
        'primary_medical_2024_25_per_head_gbp',
      ),
    },
  };
}


/** "4.2% above" / "1.3% below" / null when it rounds to 0.0 (then the ICB is at its target to one decimal). */
function distancePhrase(pct: number): string | null {
  if (!Number.isFinite(pct)) throw new RangeError(`distance from target must be a finite number, got ${pct}`);
  const size = fixed(Math.abs(pct), 1);
  if (size === fixed(0, 1)) return null;
  return `${size}${PERCENT_SPACE}% ${pct > 0 ? 'above' : 'below'}`;
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
