import type { FundingMeasures } from './funding-measures.ts';
import type { FundingRow } from './funding-schema.ts';

/**
 * NHS England's ICB allocations 2023/24–2024/25 for one system: the workbook's row joined by ODS code, and the
 * figures derived from it. Ranks live with every other rank, on the system (src/data/model.ts). Loaded by
 * `loadFunding` (src/data/funding-load.ts) at build time; a started bot reads it from the snapshot.
 */
export interface Funding {
  systemId: string;
  /** The workbook's row as published (CSV column names; money in £k). */
  published: FundingRow;
  measures: FundingMeasures;
}
