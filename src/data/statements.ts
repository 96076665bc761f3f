import { DataError, parseOrThrow } from './data-error.ts';
import type { Source } from './schema.ts';
import { statementsFileSchema, type Statement } from './statements-schema.ts';

/** data/statements.json validated, with every id it cites checked against the survey's systems and the sources. */
export function parseStatements(raw: unknown, systemIds: ReadonlySet<string>, sources: readonly Source[]): Statement[] {
  const { statements } = parseOrThrow(statementsFileSchema, raw, 'data/statements.json');
  const sourceIds = new Set(sources.map((s) => s.id));
  const seen = new Set<string>();
  const problems: string[] = [];
  statements.forEach((s, i) => {
    if (seen.has(s.id)) problems.push(`statements[${i}].id: "${s.id}" is used twice; ids must be unique`);
    seen.add(s.id);
    if (!sourceIds.has(s.sourceId)) problems.push(`statements[${i}].sourceId: "${s.sourceId}" is not in context.json sources`);
    for (const id of s.systemIds) if (!systemIds.has(id)) problems.push(`statements[${i}].systemIds: "${id}" is not a survey system id`);
    for (const id of Object.keys(s.placeNamed ?? {})) {
      if (!s.systemIds.includes(id)) problems.push(`statements[${i}].placeNamed.${id}: not one of this statement's systemIds`);
    }
  });
  if (problems.length > 0) throw new DataError(`data/statements.json disagrees with the other files:\n  ${problems.join('\n  ')}`);
  return statements;
}
