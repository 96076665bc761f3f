import type { MoneyColumn } from './funding-columns.ts';
import type { FundingRow } from './funding-schema.ts';

/**
 * Figures derived from one workbook row. Every one compares like with like within the workbook: nothing here touches
 * the 2022 survey's "allocation", which is a different measure.
 */

/** Changes computed from the £k columns only, so they apply to one ICB or to a sum of rows alike. */
export interface FundingChanges {
  coreRecurrentGrowthPct: number;
  combinedGrowthPct: number;
  primaryMedicalGrowthPct: number;
  otherPrimaryCareGrowthPct: number;
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

/** Cash growth between two figures of the same column type, in per cent. */
const growthPct = (from: number, to: number): number => (to / from - 1) * 100;
const cutPct = (from: number, to: number): number => (1 - to / from) * 100;

export function fundingChanges(k: Readonly<Record<MoneyColumn, number>>): FundingChanges {
  return {
    // Recurrent to recurrent only: the totals add non-recurrent funding that differs between the years.
    coreRecurrentGrowthPct: growthPct(k.core_2023_24_recurrent_k, k.core_2024_25_recurrent_k),
    combinedGrowthPct: growthPct(k.core_2023_24_combined_k, k.core_2024_25_combined_k),
    primaryMedicalGrowthPct: growthPct(k.primary_medical_2023_24_recurrent_k, k.primary_medical_2024_25_recurrent_k),
    otherPrimaryCareGrowthPct: growthPct(k.other_primary_care_2023_24_k, k.other_primary_care_2024_25_k),
    runningCostCutPct2023_24To2024_25: cutPct(k.running_cost_allowance_2023_24_k, k.running_cost_allowance_2024_25_k),
    runningCostCutPct2024_25To2025_26: cutPct(k.running_cost_allowance_2024_25_k, k.running_cost_allowance_2025_26_k),
    runningCostCutPct2023_24To2025_26: cutPct(k.running_cost_allowance_2023_24_k, k.running_cost_allowance_2025_26_k),
  };
}

export function fundingMeasures(row: FundingRow): FundingMeasures {
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
