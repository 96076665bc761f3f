import type { BoundaryMoveSeen } from '../data/changes.ts';
import type { Dataset } from '../data/model.ts';
import { longDate } from '../format/dates.ts';

function nameOf(systemId: string, data: Dataset): string {
  return data.byId.get(systemId)?.shortName ?? systemId;
}

/** "Bassetlaw moved to Nottingham and Nottinghamshire" or "… joined from …", with "(one source)" where only one says so. */
export function boundaryMoveText(seen: BoundaryMoveSeen, data: Dataset): string {
  const other = nameOf(seen.otherSystemId, data);
  const caveat = seen.move.confidence === 'single-source' ? ' (one source)' : '';
  return seen.direction === 'left' ? `${seen.move.area} moved out to ${other}${caveat}` : `${seen.move.area} joined from ${other}${caveat}`;
}

/**
 * One sentence for a 2022 card: the areas that left or joined the system on 1 July 2022, when the ICBs were
 * established, a few months after the survey's figures. Empty when its boundary did not move then.
 */
export function boundaryMovesSentence(systemId: string, data: Dataset): string {
  const moves = data.changes.boundaryMovesOf(systemId);
  const first = moves[0];
  if (first === undefined) return '';
  const cited = [...new Set(moves.flatMap((m) => m.move.sourceIds))].map((id) => data.changes.source(id)).find((s) => s?.url !== undefined);
  const source = cited?.url !== undefined ? ` ([${cited.publisher}](${cited.url}))` : '';
  return `On ${longDate(first.date)}, when the ICBs were established (after the survey), its area changed: ${moves.map((m) => boundaryMoveText(m, data)).join('; ')}${source}.`;
}
