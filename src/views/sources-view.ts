import type { APIEmbedField } from 'discord-api-types/v10';
import type { ChangeSource } from '../data/changes-schema.ts';
import type { Dataset } from '../data/model.ts';
import type { Source } from '../data/schema.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { fundingSourceLine } from './funding-fields.ts';
import { sourceYearsField } from './glossary.ts';

/** A markdown link where the address is verified (the data holds only such addresses), else the plain title. */
export function linkedTitle(source: { title: string; url?: string | undefined }): string {
  return source.url === undefined ? source.title : `[${source.title}](${source.url})`;
}

function surveyField(s: Source): APIEmbedField {
  return {
    name: s.title,
    value: `${s.publisher}${s.author !== undefined ? ` (${s.author})` : ''}, ${s.date}${s.url !== undefined ? ` — <${s.url}>` : ''}\n${s.contributes}`,
  };
}

/** Sources with a verified address as links, as many as fit one field; the rest are counted (all are in sources.csv). */
function linkedList(sources: readonly ChangeSource[], max: number): string {
  const linked = sources.filter((s) => s.url !== undefined);
  const lines: string[] = [];
  for (const s of linked) {
    const line = `• ${linkedTitle(s)}`;
    if ([...lines, line].join('\n').length > max - 100) break;
    lines.push(line);
  }
  const rest = sources.length - lines.length;
  if (rest > 0) lines.push(`… and ${rest} more, on the cards and in \`/data\`’s sources.csv.`);
  return lines.join('\n');
}

/** /sources: every source with its link where verified, the years each covers, and the changes since 2022. */
export function sourcesFields(data: Dataset): APIEmbedField[] {
  const changes = data.changes.sources;
  const movesCite = new Set(data.changes.file.boundaryMoves2022.moves.flatMap((m) => m.sourceIds));
  return [
    ...data.sources.map(surveyField),
    { name: `${data.funding.source.publisher}: ${data.funding.source.title}`, value: fundingSourceLine(data) },
    sourceYearsField(data),
    {
      name: 'Boundary moves of 1 July 2022',
      value: linkedList(
        changes.filter((s) => movesCite.has(s.id)),
        DISCORD_LIMITS.fieldValue,
      ),
    },
    {
      name: 'ICB mergers of 1 April 2026',
      value: linkedList(
        changes.filter((s) => !movesCite.has(s.id)),
        DISCORD_LIMITS.fieldValue,
      ),
    },
  ].slice(0, DISCORD_LIMITS.embedFields);
}
