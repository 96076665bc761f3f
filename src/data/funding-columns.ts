/**
 * The CSV's column names (data/sources/nhse-icb-allocations-*.csv), apart from the zod schemas so the derived figures
 * can use them without loading zod at start.
 */

/** Columns holding money in £ thousands. */
export const MONEY_COLUMNS = [
  'core_2022_23_adjusted_baseline_k',
  'core_2023_24_recurrent_k',
  'core_2023_24_total_k',
  'core_2023_24_combined_k',
  'core_2024_25_recurrent_k',
  'core_2024_25_total_k',
  'core_2024_25_combined_k',
  'primary_medical_2023_24_recurrent_k',
  'primary_medical_2024_25_recurrent_k',
  'other_primary_care_2023_24_k',
  'other_primary_care_2024_25_k',
  'running_cost_allowance_2023_24_k',
  'running_cost_allowance_2024_25_k',
  'running_cost_allowance_2025_26_k',
] as const;
export type MoneyColumn = (typeof MONEY_COLUMNS)[number];

/** Columns holding £ per head, as published. */
export const PER_HEAD_COLUMNS = [
  'core_2023_24_recurrent_per_head_gbp',
  'core_2024_25_recurrent_per_head_gbp',
  'primary_medical_2023_24_per_head_gbp',
  'primary_medical_2024_25_per_head_gbp',
] as const;
export type PerHeadColumn = (typeof PER_HEAD_COLUMNS)[number];

/** Distance from the fair-shares target in per cent: positive = above target, so may be negative. */
export const DISTANCE_COLUMNS = [
  'core_2022_23_distance_from_target_pct',
  'core_2023_24_distance_from_target_after_convergence_pct',
  'core_2024_25_distance_from_target_after_convergence_pct',
] as const;

export const TEXT_COLUMNS = ['ods', 'icb_name', 'region'] as const;

export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set<string>([
  ...MONEY_COLUMNS,
  ...PER_HEAD_COLUMNS,
  ...DISTANCE_COLUMNS,
]);

/** Every column the README documents, in no particular order. */
export const FUNDING_COLUMNS = [...TEXT_COLUMNS, ...MONEY_COLUMNS, ...PER_HEAD_COLUMNS, ...DISTANCE_COLUMNS] as const;
export type FundingColumn = (typeof FUNDING_COLUMNS)[number];
