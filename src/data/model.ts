import type { ChangesModel } from './changes.ts';
import { findAnomalies, type Anomaly } from './consistency.ts';
import { figuresOf, type SystemFigures } from './figures.ts';
import type { Funding } from './funding.ts';
import type { FundingSource } from './funding-schema.ts';
import type { FundingTotals } from './funding-totals.ts';
import { METRIC_IDS, METRICS, type MetricId } from './metrics.ts';
import { rankBy, type Rank } from './ranking.ts';
import { REGIONS } from './regions.ts';
import type { AliasesFile, ContextFact, Region, Source, SurveyFile, SurveySystem } from './schema.ts';
import type { Statement } from './statements-schema.ts';

/** A system's place on one metric, in England and within its region (highest first). */
export interface SystemRank {
  england: Rank;
  region: Rank;
}

/** Absent for a metric the system published no figure for: it is left out of that ranking, not ranked last. */
export type SystemRanks = Partial<Record<MetricId, SystemRank>>;

export interface IcsSystem extends SurveySystem {
  aliases: AliasesFile[string];
  figures: SystemFigures;
  anomalies: Anomaly[];
  ranks: SystemRanks;
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
  england: FundingTotals;
}

/** Highest first, among the systems that published the figure; ties in id order (the places are shared anyway). */
function rankedOn(systems: readonly IcsSystem[], metric: MetricId): Map<string, Rank> {
  const { value, unit } = METRICS[metric];
  const { entries } = rankBy(systems, (s) => value(s.figures), unit, 'highest', (a, b) => a.id.localeCompare(b.id));
  return new Map(entries.map((e) => [e.item.id, e.rank]));
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
    const national = rankedOn(systems, metric);
    for (const members of byRegion.values()) {
      const regional = rankedOn(members, metric);
      for (const s of members) {
        const england = national.get(s.id);
        const region = regional.get(s.id);
        if (england !== undefined && region !== undefined) s.ranks[metric] = { england, region };
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
