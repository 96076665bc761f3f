import { DataError, parseOrThrow } from './data-error.ts';
import { changesFileSchema, type ChangesFile, type Predecessor } from './changes-schema.ts';
import { buildChangesModel, CHANGES_FILE_LABEL, type ChangesModel } from './changes.ts';

/** Parsing and cross-checking data/changes.json against the 42 survey systems (data:check and the build). */

/** Population shares of one split system must add up to 1 within rounding of three-decimal weights. */
const SHARE_TOLERANCE = 0.005;
const MAX_LISTED_PROBLEMS = 10;

/** Parses data/changes.json or throws a DataError naming every bad field path. */
export function parseChanges(raw: unknown, systemIds: ReadonlySet<string>): ChangesModel {
  const file = parseOrThrow(changesFileSchema, raw, CHANGES_FILE_LABEL);
  const problems = crossCheck(file, systemIds);
  if (problems.length > 0) {
    // Same shape as parseOrThrow's message: the first few problems, then a count.
    const lines = problems.slice(0, MAX_LISTED_PROBLEMS).map((p) => `  ${p}`).join('\n');
    const more = problems.length > MAX_LISTED_PROBLEMS ? `\n  … and ${problems.length - MAX_LISTED_PROBLEMS} more` : '';
    throw new DataError(`${CHANGES_FILE_LABEL} is invalid:\n${lines}${more}\nFix the field(s) named above in ${CHANGES_FILE_LABEL}.`);
  }
  return buildChangesModel(file, systemIds);
}

// ---------------------------------------------------------------------------------------------------------------
// Cross-checks: each returns "path: problem" lines. Nothing NHS-specific is hard-coded here; it all comes from the file.

function crossCheck(file: ChangesFile, systemIds: ReadonlySet<string>): string[] {
  return [
    ...checkUnique(file),
    ...checkSourcesCited(file),
    ...checkPredecessors(file, systemIds),
    ...checkAbolished(file, systemIds),
    ...checkSplits(file),
    ...checkCodesAndDates(file, systemIds),
    ...checkBoundaryMoves(file, systemIds),
  ];
}

/** Repeated keys among `items`; a key of undefined (an absent optional field) is skipped. */
function duplicates<T>(items: readonly T[], key: (item: T) => string | undefined, path: (i: number) => string, what: string): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (k === undefined) return;
    if (seen.has(k)) problems.push(`${path(i)}: "${k}" is used twice; ${what} must be unique`);
    seen.add(k);
  });
  return problems;
}

function checkUnique(file: ChangesFile): string[] {
  const aliasOwners = new Map<string, string>();
  for (const s of file.successors) for (const n of [s.name, s.shortName]) aliasOwners.set(n.toLowerCase(), s.id);
  const aliasProblems: string[] = [];
  file.successors.forEach((s, i) =>
    s.aliases.forEach((alias, j) => {
      const owner = aliasOwners.get(alias.toLowerCase());
      if (owner !== undefined && owner !== s.id) {
        aliasProblems.push(`successors[${i}].aliases[${j}]: "${alias}" already names ${owner}; an alias must point to one body`);
      }
      aliasOwners.set(alias.toLowerCase(), owner ?? s.id);
    }),
  );
  return [
    ...duplicates(file.sources, (s) => s.id, (i) => `sources[${i}].id`, 'source ids'),
    ...duplicates(file.successors, (s) => s.id, (i) => `successors[${i}].id`, 'successor ids'),
    ...duplicates(file.successors, (s) => s.odsCode, (i) => `successors[${i}].odsCode`, 'ODS codes'),
    ...duplicates(file.successors, (s) => s.onsCode, (i) => `successors[${i}].onsCode`, 'ONS codes'),
    ...duplicates(file.abolished, (a) => a.systemId, (i) => `abolished[${i}].systemId`, 'abolished systems'),
    ...duplicates(file.closedOdsCodes.codes, (c) => c, (i) => `closedOdsCodes.codes[${i}]`, 'closed ODS codes'),
    ...duplicates(file.retiredOnsCodes.codes, (c) => c, (i) => `retiredOnsCodes.codes[${i}]`, 'retired ONS codes'),
    ...aliasProblems,
  ];
}

function checkBoundaryMoves(file: ChangesFile, systemIds: ReadonlySet<string>): string[] {
  return file.boundaryMoves2022.moves.flatMap((m, i) =>
    (['fromSystemId', 'toSystemId'] as const)
      .filter((key) => !systemIds.has(m[key]))
      .map((key) => `boundaryMoves2022.moves[${i}].${key}: "${m[key]}" is not one of the ${systemIds.size} survey systems`),
  );
}

function checkSourcesCited(file: ChangesFile): string[] {
  const known = new Set(file.sources.map((s) => s.id));
  const cited: Array<[string, string]> = [
    ...file.boundaryMoves2022.moves.flatMap((m, i) => m.sourceIds.map((id, j): [string, string] => [`boundaryMoves2022.moves[${i}].sourceIds[${j}]`, id])),
    ...file.icbCountSince.sourceIds.map((id, i): [string, string] => [`icbCountSince.sourceIds[${i}]`, id]),
    ...file.closedOdsCodes.sourceIds.map((id, i): [string, string] => [`closedOdsCodes.sourceIds[${i}]`, id]),
    ...file.retiredOnsCodes.sourceIds.map((id, i): [string, string] => [`retiredOnsCodes.sourceIds[${i}]`, id]),
  ];
  file.successors.forEach((s, i) => {
    s.sourceIds.forEach((id, j) => cited.push([`successors[${i}].sourceIds[${j}]`, id]));
    s.predecessors.forEach((p, j) => {
      if (p.populationShare) cited.push([`successors[${i}].predecessors[${j}].populationShare.sourceId`, p.populationShare.sourceId]);
    });
  });
  return cited.filter(([, id]) => !known.has(id)).map(([path, id]) => `${path}: "${id}" is not in sources`);
}

/** Predecessors are survey systems; a boundary-change record is an existing system that lists itself whole. */
function checkPredecessors(file: ChangesFile, systemIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  file.successors.forEach((s, i) => {
    s.predecessors.forEach((p, j) => {
      if (!systemIds.has(p.systemId)) {
        problems.push(`successors[${i}].predecessors[${j}].systemId: "${p.systemId}" is not one of the ${systemIds.size} survey systems`);
      }
    });
    problems.push(...duplicates(s.predecessors, (p) => p.systemId, (j) => `successors[${i}].predecessors[${j}].systemId`, 'predecessors of one successor'));
    if (s.kind === 'new-body' && systemIds.has(s.id)) {
      problems.push(`successors[${i}].id: "${s.id}" is a survey system id; a new body needs an id of its own`);
    }
    if (s.kind === 'boundary-change') {
      const self = s.predecessors.find((p) => p.systemId === s.id);
      if (!systemIds.has(s.id) || self?.passedOver !== 'whole') {
        problems.push(`successors[${i}]: a boundary-change record's id must be the survey system it continues, listed among its predecessors as "whole"`);
      }
    }
  });
  return problems;
}

/** `abolished` and the successors' predecessor lists must tell the same story from both ends. */
function checkAbolished(file: ChangesFile, systemIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const successorIds = new Set(file.successors.map((s) => s.id));
  const takersOf = new Map<string, Set<string>>();
  for (const s of file.successors) {
    for (const p of s.predecessors) if (p.systemId !== s.id) takersOf.set(p.systemId, (takersOf.get(p.systemId) ?? new Set()).add(s.id));
  }
  const abolishedIds = new Set(file.abolished.map((a) => a.systemId));
  file.abolished.forEach((a, i) => {
    if (!systemIds.has(a.systemId)) problems.push(`abolished[${i}].systemId: "${a.systemId}" is not one of the ${systemIds.size} survey systems`);
    if (successorIds.has(a.systemId)) problems.push(`abolished[${i}].systemId: "${a.systemId}" continues as a successor record, so it was not abolished`);
    const takers = takersOf.get(a.systemId) ?? new Set<string>();
    a.successorIds.forEach((id, j) => {
      if (!successorIds.has(id)) problems.push(`abolished[${i}].successorIds[${j}]: "${id}" is not a successor id`);
      else if (!takers.has(id)) problems.push(`abolished[${i}].successorIds[${j}]: successor "${id}" does not list "${a.systemId}" as a predecessor`);
    });
    for (const id of takers) {
      if (!a.successorIds.includes(id)) problems.push(`abolished[${i}].successorIds: missing "${id}", which lists "${a.systemId}" as a predecessor`);
    }
  });
  for (const [systemId, takers] of takersOf) {
    if (!abolishedIds.has(systemId)) {
      problems.push(`abolished: "${systemId}" passed (whole or part) to ${[...takers].join(', ')} but is not listed as abolished`);
    }
  }
  return problems;
}

/** A system handed over whole goes to one body; a split system's parts go to two or more, all described, shares adding up. */
function checkSplits(file: ChangesFile): string[] {
  const problems: string[] = [];
  const handovers = new Map<string, Array<{ path: string; p: Predecessor }>>();
  file.successors.forEach((s, i) =>
    s.predecessors.forEach((p, j) => {
      handovers.set(p.systemId, [...(handovers.get(p.systemId) ?? []), { path: `successors[${i}].predecessors[${j}]`, p }]);
    }),
  );
  for (const [systemId, list] of handovers) {
    const whole = list.filter(({ p }) => p.passedOver === 'whole');
    if (whole.length > 0 && list.length > 1) {
      problems.push(`${whole[0]?.path}.passedOver: "${systemId}" is passed over whole here but also appears in ${list.length - 1} other successor(s)`);
      continue;
    }
    if (whole.length > 0) continue;
    if (list.length < 2) {
      problems.push(`${list[0]?.path}.passedOver: only one part of "${systemId}" is accounted for; list the successor(s) that took the rest`);
    }
    problems.push(...duplicates(list, ({ p }) => p.part ?? '', (k) => `${list[k]?.path}.part`, `parts of "${systemId}"`));
    const shares = list.map(({ p }) => p.populationShare?.share);
    if (shares.some((x) => x !== undefined)) {
      if (shares.some((x) => x === undefined)) {
        problems.push(`${list[0]?.path}.populationShare: give a share for every part of "${systemId}" or for none`);
      } else {
        const total = shares.reduce<number>((sum, x) => sum + (x ?? 0), 0);
        if (Math.abs(total - 1) > SHARE_TOLERANCE) {
          problems.push(`${list[0]?.path}.populationShare: the parts of "${systemId}" add up to ${total.toFixed(3)}, not 1`);
        }
      }
    }
  }
  return problems;
}

function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Closed ODS codes, retired ONS codes, dates and the ICB count must all agree with the records. */
function checkCodesAndDates(file: ChangesFile, systemIds: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const closed = new Set(file.closedOdsCodes.codes);
  const abolishedCodes = new Set(file.abolished.map((a) => a.odsCode));
  file.abolished.forEach((a, i) => {
    if (!closed.has(a.odsCode)) problems.push(`abolished[${i}].odsCode: "${a.odsCode}" is not in closedOdsCodes.codes`);
    if (a.abolishedOn !== file.closedOdsCodes.closedOn) {
      problems.push(`abolished[${i}].abolishedOn: ${a.abolishedOn} differs from closedOdsCodes.closedOn (${file.closedOdsCodes.closedOn})`);
    }
  });
  file.closedOdsCodes.codes.forEach((code, i) => {
    if (!abolishedCodes.has(code)) problems.push(`closedOdsCodes.codes[${i}]: "${code}" belongs to no abolished system`);
  });

  const successorById = new Map(file.successors.map((s) => [s.id, s]));
  file.abolished.forEach((a, i) =>
    a.successorIds.forEach((id, j) => {
      const start = successorById.get(id)?.startDate;
      if (start !== undefined && dayBefore(start) !== a.abolishedOn) {
        problems.push(`abolished[${i}].successorIds[${j}]: "${id}" starts ${start}, but "${a.systemId}" ended ${a.abolishedOn} (expected the day before)`);
      }
    }),
  );

  const retiredOns = new Set(file.retiredOnsCodes.codes);
  file.successors.forEach((s, i) => {
    // Placeholder trap: a new body must never carry a closed predecessor's code.
    if (closed.has(s.odsCode)) problems.push(`successors[${i}].odsCode: "${s.odsCode}" was closed on ${file.closedOdsCodes.closedOn}`);
    if (s.onsCode !== undefined && retiredOns.has(s.onsCode)) problems.push(`successors[${i}].onsCode: "${s.onsCode}" is listed as retired`);
    if (s.previousOnsCode !== undefined && !retiredOns.has(s.previousOnsCode)) {
      problems.push(`successors[${i}].previousOnsCode: "${s.previousOnsCode}" is not in retiredOnsCodes.codes`);
    }
    if (s.startDate !== file.icbCountSince.date) {
      problems.push(`successors[${i}].startDate: ${s.startDate} differs from icbCountSince.date (${file.icbCountSince.date}), so the count would be wrong`);
    }
  });

  const newBodies = file.successors.filter((s) => s.kind === 'new-body').length;
  const expected = systemIds.size - file.abolished.length + newBodies;
  if (file.icbCountSince.count !== expected) {
    problems.push(
      `icbCountSince.count: ${file.icbCountSince.count}, but ${systemIds.size} − ${file.abolished.length} abolished + ${newBodies} new = ${expected}`,
    );
  }
  return problems;
}
