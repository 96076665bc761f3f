import type { Funding } from './funding.ts';
import type { SurveySystem } from './schema.ts';

/** Statuses whose amount is a deficit (or an equivalent gap) for the system itself; efficiency asks are savings, not deficits. */
const DEFICIT_LIKE = new Set(['deficit', 'financial-gap', 'break-even']);

/** The numbers views and rankings use, all derived from published figures; null where the survey gives none. */
export interface SystemFigures {
  population: number | null;
  allocationGbpBillions: number | null;
  spendPerHeadGbp: number | null;
  /** Headline deficit or gap: the published amount, or the midpoint of a published range. */
  deficitGbpM: number | null;
  deficitIsRangeMidpoint: boolean;
  deficitSharePct: number | null;
  deficitPerHeadGbp: number | null;
  /** NHS England's official allocations for this system (joined by ODS code), for the funding metrics. */
  funding: Funding | null;
}

export function figuresOf(system: SurveySystem, funding: Funding | null): SystemFigures {
  const { position } = system;
  let deficit: number | null = null;
  let isMidpoint = false;
  if (DEFICIT_LIKE.has(position.status)) {
    if (position.amountGbpM !== null) deficit = position.amountGbpM;
    else if (position.range !== null) {
      deficit = (position.range.lowGbpM + position.range.highGbpM) / 2;
      isMidpoint = true;
    }
  }
  const alloc = system.allocation.gbpBillions;
  const pop = system.population.people;
  return {
    population: pop,
    allocationGbpBillions: alloc,
    spendPerHeadGbp: system.spendPerHead.gbp,
    deficitGbpM: deficit,
    deficitIsRangeMidpoint: isMidpoint,
    deficitSharePct: deficit !== null && alloc !== null ? (deficit / (alloc * 1000)) * 100 : null,
    deficitPerHeadGbp: deficit !== null && pop !== null ? (deficit * 1e6) / pop : null,
    funding,
  };
}
