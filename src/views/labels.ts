import type { PositionStatus } from '../data/schema.ts';
import type { Dataset } from '../data/model.ts';
import type { Position } from '../data/schema.ts';
import { gbpMillions } from '../format/numbers.ts';

export const STATUS_LABEL: Readonly<Record<PositionStatus, string>> = {
  deficit: 'Deficit',
  'financial-gap': 'Financial gap',
  'break-even': 'Break-even',
  'efficiency-ask': 'Efficiency ask',
  'not-published': 'Not published / unclear',
};

/** The footer every survey card carries: where the figures come from and when they are as of. */
export function surveyFooter(data: Dataset): { text: string } {
  const src = data.survey.source;
  return { text: `Source: ${src.publisher}, “${src.title}” — figures as of ${data.survey.asOf}` };
}

/** The footer for figures from NHS England's allocations workbook rather than the survey. */
export function allocationsFooter(data: Dataset): { text: string } {
  const src = data.funding.source;
  return { text: `Source: ${src.publisher}, “${src.title}”, ${src.document} ${src.version}` };
}

/** The right footer for a metric's publication. */
export function footerFor(source: 'survey' | 'allocations', data: Dataset): { text: string } {
  return source === 'survey' ? surveyFooter(data) : allocationsFooter(data);
}

/** Brand colour per status, so a deficit card reads differently from a break-even one at a glance. */
export const STATUS_COLOUR: Readonly<Record<PositionStatus, number>> = {
  deficit: 0xd55e00,
  'financial-gap': 0xe69f00,
  'break-even': 0x009e73,
  'efficiency-ask': 0x56b4e9,
  'not-published': 0x999999,
};

/** The headline of a position as published: an amount, a range, or the plain fact that there is none. */
export function amountText(position: Position, none = 'no figure published'): string {
  if (position.amountGbpM !== null) return gbpMillions(position.amountGbpM);
  if (position.range !== null) return `${gbpMillions(position.range.lowGbpM)}–${gbpMillions(position.range.highGbpM)}`;
  return none;
}
