import type { Position, PositionStage, PositionStatus } from './schema.ts';

/** Short tags for a figure's kind and stage, as a ranking row or a comparison shows them beside the amount. */
export const STAGE_LABEL: Record<PositionStage, string> = {
  plan: 'plan',
  'draft-plan': 'draft plan',
  forecast: 'forecast',
  unstated: 'stage not stated',
  'icb-only': 'ICB only, not the system',
  cumulative: 'cumulative, not 2022/23',
  'single-organisation': 'one organisation, not the system',
  none: 'no figure',
};

export const KIND_LABEL: Record<PositionStatus, string> = {
  deficit: 'deficit',
  'financial-gap': 'financial gap',
  'break-even': 'break-even',
  'efficiency-ask': 'efficiency ask',
  'not-published': 'not published',
};

/** The stages whose figure is the whole system's for 2022/23, and so may be added to other systems' figures. */
const SYSTEM_WIDE: ReadonlySet<PositionStage> = new Set(['plan', 'draft-plan', 'forecast', 'unstated']);

/**
 * The stated rule for "in deficit": the system published a deficit figure for the whole system for 2022/23 (a plan,
 * draft plan, forecast, or a figure whose stage the source does not state). An ICB-only, cumulative or single trust's
 * figure, or words without a figure, do not count.
 */
export const IN_DEFICIT_RULE = 'a 2022/23 deficit figure for the whole system (plan, draft, forecast or unstated)';

export function isSystemDeficit(position: Position): boolean {
  return position.status === 'deficit' && SYSTEM_WIDE.has(position.stage) && (position.amountGbpM !== null || position.range !== null);
}

export function isSystemGap(position: Position): boolean {
  return position.status === 'financial-gap' && SYSTEM_WIDE.has(position.stage) && (position.amountGbpM !== null || position.range !== null);
}

/** "draft plan", "gap · plan": what a ranked deficit-like figure is, where it differs from a system deficit of unstated stage. */
export function figureTag(position: Position): string | undefined {
  const parts: string[] = [];
  if (position.status === 'financial-gap') parts.push('gap');
  if (position.status === 'break-even') parts.push('break-even');
  if (position.stage !== 'unstated' && position.stage !== 'none') parts.push(STAGE_LABEL[position.stage]);
  return parts.length === 0 ? undefined : parts.join(' · ');
}
