import type { ChangesModel } from './changes.ts';
import { findAnomalies, type Anomaly } from './consistency.ts';
import type { EnglandFunding, Funding } from './funding.ts';
import type { FundingSource } from './funding-schema.ts';
import { METRIC_IDS, METRICS, type MetricId } from './metrics.ts';
import { REGIONS } from './regions.ts';
import type { AliasesFile, ContextFact, Region, Source, SurveyFile, SurveySystem } from './schema.ts';
import type { Statement } from './statements-schema.ts';

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

export type Ranks = Partial<Record<MetricId, { england: number; region: number; of: number; ofRegion: number }>>;

export interface IcsSystem extends SurveySystem {
  aliases: AliasesFile[string];
  figures: SystemFigures;
  anomalies: Anomaly[];
  ranks: Ranks;
}

export interface RegionSummary {
  region: Region;
  systems: IcsSystem[];
  /** Survey headings its rows were printed under, where they differ from the region's name. */
  publishedHeadings: string[];
  populationTotal: number;
  populationMissing: number;
  allocationTotalGbpBillions: number;
  /** Allocation ÷ population over systems that publish both. */
  spendPerHeadGbp: number | null;
  deficitTotalGbpM: number;
  deficitReported: number;
  deficitNotReported: number;
}

export interface TotalsComparison {
  label: string;
  published: number;
  publishedText: string;
  summed: number;
  /** Systems whose figure is missing from the sum. */
  missing: number;
  differenceShare: number;
}

export interface Dataset {
  systems: IcsSystem[];
  byId: ReadonlyMap<string, IcsSystem>;
  /** By ODS code: the short key buttons carry (ids can be 48 characters; a custom id allows 100 in all). */
  byCode: ReadonlyMap<string, IcsSystem>;
  regions: RegionSummary[];
  england: SurveyFile['england'];
  totals: TotalsComparison[];
  survey: { source: Source; asOf: string };
  sources: Source[];
  facts: ContextFact[];
  /** What the source documents say about named systems or ICSs as a whole, in data/statements.json order. */
  statements: Statement[];
  /** What happened to the 42 systems since: the April 2026 successor ICBs. */
  changes: ChangesModel;
  /** NHS England's official allocations 2023/24–2025/26, joined by ODS code. */
  funding: FundingData;
}

export interface FundingData {
  bySystem: ReadonlyMap<string, Funding>;
  source: FundingSource;
  england: EnglandFunding;
}

function figuresOf(system: SurveySystem, funding: Funding | null): SystemFigures {
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

/** Rank 1 is the highest value; equal values share a rank. */
function rankAmong(systems: readonly IcsSystem[], metric: MetricId): Map<string, { rank: number; of: number }> {
  const valued = systems
    .map((s) => ({ id: s.id, value: METRICS[metric].value(s.figures) }))
    .filter((x): x is { id: string; value: number } => x.value !== null)
    .sort((a, b) => b.value - a.value);
  const ranks = new Map<string, { rank: number; of: number }>();
  valued.forEach((entry, index) => {
    const previous = valued[index - 1];
    const rank = previous !== undefined && previous.value === entry.value ? (ranks.get(previous.id)?.rank ?? index + 1) : index + 1;
    ranks.set(entry.id, { rank, of: valued.length });
  });
  return ranks;
}

function summariseRegion(region: Region, systems: IcsSystem[]): RegionSummary {
  const withBoth = systems.filter((s) => s.figures.population !== null && s.figures.allocationGbpBillions !== null);
  const popBoth = withBoth.reduce((sum, s) => sum + (s.figures.population ?? 0), 0);
  const allocBoth = withBoth.reduce((sum, s) => sum + (s.figures.allocationGbpBillions ?? 0), 0);
  const deficits = systems.map((s) => s.figures.deficitGbpM).filter((d): d is number => d !== null);
  return {
    region,
    systems,
    publishedHeadings: [...new Set(systems.map((s) => s.publishedHeading))].filter((h) => h !== region),
    populationTotal: systems.reduce((sum, s) => sum + (s.figures.population ?? 0), 0),
    populationMissing: systems.filter((s) => s.figures.population === null).length,
    allocationTotalGbpBillions: systems.reduce((sum, s) => sum + (s.figures.allocationGbpBillions ?? 0), 0),
    spendPerHeadGbp: popBoth > 0 ? (allocBoth * 1e9) / popBoth : null,
    deficitTotalGbpM: deficits.reduce((a, b) => a + b, 0),
    deficitReported: deficits.length,
    deficitNotReported: systems.length - deficits.length,
  };
}

function compareTotals(systems: readonly IcsSystem[], england: SurveyFile['england']): TotalsComparison[] {
  const sum = (pick: (s: IcsSystem) => number | null) => systems.reduce((acc, s) => acc + (pick(s) ?? 0), 0);
  const missing = (pick: (s: IcsSystem) => number | null) => systems.filter((s) => pick(s) === null).length;
  const popSum = sum((s) => s.figures.population);
  const allocSum = sum((s) => s.figures.allocationGbpBillions);
  const withBoth = systems.filter((s) => s.figures.population !== null && s.figures.allocationGbpBillions !== null);
  const weightedSph =
    (withBoth.reduce((a, s) => a + (s.figures.allocationGbpBillions ?? 0), 0) * 1e9) /
    withBoth.reduce((a, s) => a + (s.figures.population ?? 0), 0);
  const row = (label: string, published: number, publishedText: string, summed: number, miss: number): TotalsComparison => ({
    label,
    published,
    publishedText,
    summed,
    missing: miss,
    differenceShare: (summed - published) / published,
  });
  return [
    row('Population', england.population.people, england.population.published, popSum, missing((s) => s.figures.population)),
    row('Allocation (£bn)', england.allocation.gbpBillions, england.allocation.published, allocSum, missing((s) => s.figures.allocationGbpBillions)),
    row('Spend per head (£), allocation ÷ population', england.spendPerHead.gbp, england.spendPerHead.published, weightedSph, systems.length - withBoth.length),
  ];
}

export interface DatasetInput {
  survey: SurveyFile;
  aliases: AliasesFile;
  sources: Source[];
  facts: ContextFact[];
  statements: Statement[];
  changes: ChangesModel;
  funding: FundingData;
}

/** Joins the validated files into the model the bot uses; assumes cross-file checks have passed. */
export function buildDataset(input: DatasetInput): Dataset {
  const { survey, aliases } = input;
  const systems: IcsSystem[] = survey.systems.map((s) => {
    const alias = aliases[s.id];
    if (alias === undefined) throw new Error(`aliases for ${s.id} missing (checked earlier)`);
    return { ...s, aliases: alias, figures: figuresOf(s, input.funding.bySystem.get(s.id) ?? null), anomalies: findAnomalies(s, survey.systems), ranks: {} };
  });
  const byRegion = new Map<Region, IcsSystem[]>(REGIONS.map((r) => [r, systems.filter((s) => s.region === r)]));
  for (const metric of METRIC_IDS) {
    const national = rankAmong(systems, metric);
    for (const members of byRegion.values()) {
      const regional = rankAmong(members, metric);
      for (const s of members) {
        const n = national.get(s.id);
        const r = regional.get(s.id);
        if (n !== undefined && r !== undefined) s.ranks[metric] = { england: n.rank, of: n.of, region: r.rank, ofRegion: r.of };
      }
    }
  }
  const surveySource = input.sources.find((src) => src.id === survey.survey.sourceId);
  if (surveySource === undefined) throw new Error(`survey source ${survey.survey.sourceId} missing (checked earlier)`);
  return {
    systems,
    byId: new Map(systems.map((s) => [s.id, s])),
    byCode: new Map(systems.map((s) => [s.odsCode, s])),
    regions: REGIONS.map((r) => summariseRegion(r, byRegion.get(r) ?? [])),
    england: survey.england,
    totals: compareTotals(systems, survey.england),
    survey: { source: surveySource, asOf: survey.survey.asOf },
    sources: input.sources,
    facts: [...input.facts].sort((a, b) => a.date.localeCompare(b.date)),
    statements: input.statements,
    changes: input.changes,
    funding: input.funding,
  };
}
