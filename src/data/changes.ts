import type { Abolished, BoundaryMove, ChangesFile, ChangeSource, PopulationShare, Predecessor, Successor } from './changes-schema.ts';

/**
 * The 2026 successor ICBs (data/changes.json), indexed so the bot can say what a 2022 system became and what a 2026
 * body was made of. Parsing and cross-checking live in changes-parse.ts (zod), which a started bot does not load.
 */

export const CHANGES_FILE_LABEL = 'data/changes.json';

/** One piece of a 2022 system handed to a successor. */
export interface Handover {
  readonly successor: Successor;
  readonly passedOver: Predecessor['passedOver'];
  readonly part?: string;
  readonly populationShare?: PopulationShare;
}

/** What became of a 2022 system. */
export type SystemFate =
  | { readonly systemId: string; readonly change: 'unchanged' }
  | {
      readonly systemId: string;
      readonly change: 'boundary-change';
      /** The same legal body after the change (new ONS code, same ODS code and name). */
      readonly body: Successor;
      /** What it took in from other systems. */
      readonly gained: readonly Predecessor[];
    }
  | {
      readonly systemId: string;
      readonly change: 'abolished';
      readonly abolishedOn: string;
      readonly note: string;
      readonly successors: readonly Handover[];
    };

/** A July 2022 boundary move as seen from one system: the area it lost or gained, and the other system. */
export interface BoundaryMoveSeen {
  readonly move: BoundaryMove;
  readonly date: string;
  readonly direction: 'left' | 'joined';
  readonly otherSystemId: string;
}

export interface ChangesModel {
  readonly file: ChangesFile;
  readonly asOf: string;
  readonly sources: readonly ChangeSource[];
  readonly successors: readonly Successor[];
  readonly abolished: readonly Abolished[];
  successor(id: string): Successor | undefined;
  source(id: string): ChangeSource | undefined;
  /** What a 2022 system became; throws for an id that is not a survey system (a programming error). */
  fateOf(systemId: string): SystemFate;
  /** The 2022 systems (whole or part) a successor was made from; throws for an unknown successor id. */
  predecessorsOf(successorId: string): readonly Predecessor[];
  /** Areas that left or joined a 2022 system when the ICBs were established on 1 July 2022 (after the survey). */
  boundaryMovesOf(systemId: string): readonly BoundaryMoveSeen[];
  /** England's ICB count since `file.icbCountSince.date` (36 since 1 April 2026). */
  currentIcbCount(): number;
}

/** Only when every predecessor passed over whole may the bot add up the predecessors' 2022 figures. */
export function isWholeMerger(successor: Successor): boolean {
  return successor.predecessors.every((p) => p.passedOver === 'whole');
}

/** The model over an already validated file (parseChanges, or the build's snapshot). */
export function buildChangesModel(file: ChangesFile, systemIds: ReadonlySet<string>): ChangesModel {
  const successorById = new Map(file.successors.map((s) => [s.id, s]));
  const sourceById = new Map(file.sources.map((s) => [s.id, s]));
  const abolishedById = new Map(file.abolished.map((a) => [a.systemId, a]));

  const fateOf = (systemId: string): SystemFate => {
    if (!systemIds.has(systemId)) throw new RangeError(`"${systemId}" is not one of the ${systemIds.size} survey systems`);
    const gone = abolishedById.get(systemId);
    if (gone !== undefined) {
      const successors = gone.successorIds.map((id) => handoverTo(mustGet(successorById, id), systemId));
      return { systemId, change: 'abolished', abolishedOn: gone.abolishedOn, note: gone.note, successors };
    }
    const body = successorById.get(systemId);
    if (body !== undefined) {
      const gained = body.predecessors.filter((p) => p.systemId !== systemId);
      return { systemId, change: 'boundary-change', body, gained };
    }
    return { systemId, change: 'unchanged' };
  };

  return {
    file,
    asOf: file.asOf,
    sources: file.sources,
    successors: file.successors,
    abolished: file.abolished,
    successor: (id) => successorById.get(id),
    source: (id) => sourceById.get(id),
    fateOf,
    predecessorsOf: (successorId) => mustGet(successorById, successorId).predecessors,
    boundaryMovesOf: (systemId) => {
      const { date, moves } = file.boundaryMoves2022;
      return moves.flatMap((move): BoundaryMoveSeen[] => {
        if (move.fromSystemId === systemId) return [{ move, date, direction: 'left', otherSystemId: move.toSystemId }];
        if (move.toSystemId === systemId) return [{ move, date, direction: 'joined', otherSystemId: move.fromSystemId }];
        return [];
      });
    },
    currentIcbCount: () => file.icbCountSince.count,
  };
}

function handoverTo(successor: Successor, systemId: string): Handover {
  const from = successor.predecessors.find((p) => p.systemId === systemId);
  if (from === undefined) throw new Error(`${successor.id} does not list ${systemId}; parseChanges should have caught this`);
  return { successor, passedOver: from.passedOver, part: from.part, populationShare: from.populationShare };
}

function mustGet<V>(map: ReadonlyMap<string, V>, id: string): V {
  const value = map.get(id);
  if (value === undefined) throw new RangeError(`"${id}" is not a successor ICB id`);
  return value;
}
