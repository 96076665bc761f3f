import type { Successor } from '../data/changes-schema.ts';
import type { IcsSystem } from '../data/model.ts';
import type { MetricId } from '../data/metrics.ts';
import type { Region } from '../data/schema.ts';
import type { RegionRankMetric } from '../views/region-rank-view.ts';

/** Figures of one system a question can ask for: every ranking metric, plus facts that are not numbers to rank. */
export type FactId = 'overview' | 'quote' | 'sub-source' | 'gp-per-head' | 'core-allocation' | 'region';
export type FigureId = MetricId | FactId;

export type RegionAspect = 'overview' | 'count' | 'members' | 'total' | 'average';

/** How a question was read: the intent and its slots. Every answer is built from one of these, and says it back. */
export type Reading =
  | { intent: 'figure'; figure: FigureId; system: IcsSystem }
  | { intent: 'rank'; metric: MetricId; order: 'highest' | 'lowest'; count: number; region: Region | null }
  | { intent: 'compare'; metric: MetricId | null; systems: [IcsSystem, IcsSystem] }
  | { intent: 'region'; region: Region; aspect: RegionAspect; metric: MetricId | null }
  | { intent: 'region-rank'; metric: RegionRankMetric; order: 'highest' | 'lowest' }
  | { intent: 'england'; topic: 'totals' | 'timeline' }
  | { intent: 'icb-count' }
  | { intent: 'fate'; system: IcsSystem }
  | { intent: 'successor'; successor: Successor }
  | { intent: 'out-of-scope'; reason: OutOfScopeReason }
  | { intent: 'unclear'; options: Reading[]; typed: string };

export type OutOfScopeReason = 'about' | 'empty' | 'too-long' | 'greeting' | 'joke' | 'other-country' | 'instruction' | 'other-subject';

/** Questions beyond this length are not read: /ask allows 300 characters, and longer messages are not questions. */
export const MAX_QUESTION_CHARS = 300;
