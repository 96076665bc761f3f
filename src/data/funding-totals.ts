import type { Funding } from './funding.ts';
import { fundingChanges, type FundingChanges } from './funding-measures.ts';
import { MONEY_COLUMNS, type MoneyColumn, type PerHeadColumn } from './funding-columns.ts';
import type { FundingRow, FundingSource } from './funding-schema.ts';

/** Sums of the workbook's rows, for England (all 42) or a region (its systems): computed, never from the survey. */

export interface DerivedPerHead {
  /** £ per head: the sum of the allocations ÷ the sum of the implied populations. */
  gbp: number;
  /** Σ (allocation ÷ published per-head figure): an implied population, not a published one. */
  impliedPopulation: number;
}

export interface FundingTotals {
  systemCount: number;
  /** Each £k column summed over the joined rows, to 0.1 £k (the CSV's precision). */
  summedK: Readonly<Record<MoneyColumn, number>>;
  /** The one England total the workbook publishes, beside our sum of the rows. */
  core2023_24Recurrent: { summedK: number; publishedK: number; differenceK: number; published: string };
  changes: FundingChanges;
  /** Derived, not published: the workbook gives per-head figures per ICB but no population. */
  derivedPerHead: {
    label: string;
    core2023_24: DerivedPerHead;
    core2024_25: DerivedPerHead;
    primaryMedical2023_24: DerivedPerHead;
    primaryMedical2024_25: DerivedPerHead;
  };
}

const toTenthOfK = (value: number): number => Math.round(value * 10) / 10;

function derivedPerHead(rows: readonly FundingRow[], allocation: MoneyColumn, perHead: PerHeadColumn): DerivedPerHead {
  let allocationGbp = 0;
  let impliedPopulation = 0;
  for (const row of rows) {
    const gbp = row[allocation] * 1000;
    allocationGbp += gbp;
    impliedPopulation += gbp / row[perHead];
  }
  return { gbp: allocationGbp / impliedPopulation, impliedPopulation };
}

/** Totals over the given systems' rows: all 42 give England's, one region's give that region's. */
export function fundingTotals(funding: ReadonlyMap<string, Funding>, source: FundingSource): FundingTotals {
  const rows = [...funding.values()].map((f) => f.published);
  const summedK = Object.fromEntries(
    MONEY_COLUMNS.map((column) => [column, toTenthOfK(rows.reduce((sum, row) => sum + row[column], 0))]),
  ) as Record<MoneyColumn, number>;
  const published = source.england.core_2023_24_recurrent_k;
  return {
    systemCount: rows.length,
    summedK,
    core2023_24Recurrent: {
      summedK: summedK.core_2023_24_recurrent_k,
      publishedK: published.valueK,
      differenceK: toTenthOfK(summedK.core_2023_24_recurrent_k - published.valueK),
      published: published.published,
    },
    changes: fundingChanges(summedK),
    derivedPerHead: {
      label:
        'England per head (derived: sum of the ICB allocations ÷ sum of their implied populations, each allocation ÷ its published per-head figure; not a published figure)',
      core2023_24: derivedPerHead(rows, 'core_2023_24_recurrent_k', 'core_2023_24_recurrent_per_head_gbp'),
      core2024_25: derivedPerHead(rows, 'core_2024_25_recurrent_k', 'core_2024_25_recurrent_per_head_gbp'),
      primaryMedical2023_24: derivedPerHead(rows, 'primary_medical_2023_24_recurrent_k', 'primary_medical_2023_24_per_head_gbp'),
      primaryMedical2024_25: derivedPerHead(rows, 'primary_medical_2024_25_recurrent_k', 'primary_medical_2024_25_per_head_gbp'),
    },
  };
}
