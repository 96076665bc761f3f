import type { APIActionRowComponent, APIButtonComponent, APIEmbedField } from 'discord-api-types/v10';
import { ComponentType } from '../protocol/api.ts';
import { actionButton } from '../protocol/buttons.ts';
import type { Dataset, IcsSystem } from '../data/model.ts';
import type { Source } from '../data/schema.ts';
import type { Statement } from '../data/statements-schema.ts';
import { longDate } from '../format/dates.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { reply, type Reply } from '../protocol/reply.ts';
import { blockQuote, truncate } from './text.ts';

/** One thing a source says about a system: a statement, or a dated national fact that is local to it. */
// Discord's API numbers, written out so this view loads no discord.js at run time (the core must not).

export interface Saying {
  summary: string;
  quote: string;
  /** The place the quote names instead of the system, when it names one. */
  place?: string;
}

export interface SourceSayings {
  source: Source;
  sayings: Saying[];
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A source's date as precise as it is known: "15 June 2022", "March 2021" or "2021". */
export function sourceDate(date: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return longDate(date);
  if (/^\d{4}-\d{2}$/.test(date)) return MONTH.format(new Date(`${date}-15T12:00:00Z`));
  return date;
}

/** Who said it, short enough for a phone: the author and site for trade press, else the publisher. */
export function attribution(source: Source): string {
  if (source.author === undefined) return source.publisher;
  const site = source.url !== undefined ? new URL(source.url).hostname.replace(/^www\./, '') : source.publisher;
  return `${source.author}, ${site}`;
}

/** Groups sayings by source, oldest source first, keeping each source's own order. */
function bySource(entries: ReadonlyArray<{ sourceId: string; saying: Saying }>, data: Dataset): SourceSayings[] {
  const groups = new Map<string, SourceSayings>();
  for (const { sourceId, saying } of entries) {
    const source = data.sources.find((s) => s.id === sourceId);
    if (source === undefined) continue;
    const group = groups.get(sourceId) ?? { source, sayings: [] };
    group.sayings.push(saying);
    groups.set(sourceId, group);
  }
  return [...groups.values()].sort((a, b) => a.source.date.localeCompare(b.source.date));
}

/** Everything the source documents say about one system, beyond the survey row: its statements and its local facts. */
export function sayingsAbout(system: IcsSystem, data: Dataset): SourceSayings[] {
  const facts = data.facts.filter((f) => f.systemId === system.id).map((f) => ({ sourceId: f.sourceId, saying: { summary: f.headline, quote: f.quote } }));
  const statements = data.statements.filter((s) => s.systemIds.includes(system.id)).map((s) => ({ sourceId: s.sourceId, saying: sayingOf(s, system.id) }));
  return bySource([...facts, ...statements], data);
}

function sayingOf(statement: Statement, systemId: string): Saying {
  const place = statement.placeNamed?.[systemId];
  return { summary: statement.summary, quote: statement.quote, ...(place !== undefined ? { place } : {}) };
}

/** Statements about England's ICSs as a whole, grouped by source, oldest first. */
export function icsWideSayings(data: Dataset): SourceSayings[] {
  return bySource(
    data.statements.filter((s) => s.systemIds.length === 0).map((s) => ({ sourceId: s.sourceId, saying: { summary: s.summary, quote: s.quote } })),
    data,
  );
}

function summaryLine(saying: Saying): string {
  const place = saying.place !== undefined ? ` _(the source names ${saying.place}, not the system)_` : '';
  return `• ${saying.summary}${place}`;
}

/** Packs lines into as few field values as fit Discord's limit, breaking only between lines. */
export function packLines(lines: readonly string[], max: number = DISCORD_LIMITS.fieldValue): string[] {
  const values: string[] = [];
  let current = '';
  for (const line of lines.map((l) => truncate(l, max))) {
    if (current !== '' && current.length + 1 + line.length > max) {
      values.push(current);
      current = '';
    }
    current = current === '' ? line : `${current}\n${line}`;
  }
  if (current !== '') values.push(current);
  return values;
}

function namedFields(name: string, values: readonly string[]): APIEmbedField[] {
  return values.map((value, i) => ({ name: i === 0 ? name : `${name} (continued)`, value }));
}

export const SOURCES_SAY_FIELD = 'What else the sources say';

/** The card's short field: each source with its date, then one plain line per thing it says; nothing when there is none. */
export function sourcesSayFields(system: IcsSystem, data: Dataset): APIEmbedField[] {
  const groups = sayingsAbout(system, data);
  const lines = groups.flatMap(({ source, sayings }) => [`_${attribution(source)}, ${sourceDate(source.date)}:_`, ...sayings.map(summaryLine)]);
  return lines.length === 0 ? [] : namedFields(SOURCES_SAY_FIELD, packLines(lines));
}

/** A "Show the quotes" button for a card whose system the sources say something about. */
export function sourcesSayButtons(system: IcsSystem, data: Dataset, flags: { hide: boolean }): Array<APIActionRowComponent<APIButtonComponent>> {
  if (sayingsAbout(system, data).length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [actionButton('Show the quotes', { command: 'ics', args: ['says', system.odsCode], hide: flags.hide, chart: true })],
    },
  ];
}

/** What the quotes button answers: every saying about the system, verbatim, with its source linked where verified. */
export function sourcesQuotesReply(system: IcsSystem, data: Dataset, flags: { hide: boolean }): Reply {
  const { hide } = flags;
  const fields = sayingsAbout(system, data).flatMap(({ source, sayings }) => {
    const cite = source.url !== undefined ? `[${source.title}](${source.url})` : `“${source.title}”`;
    return sayings.map((saying) => ({
      name: `${attribution(source)}, ${sourceDate(source.date)}`,
      value: `${blockQuote(saying.quote)}\n— ${cite}`,
    }));
  });
  if (fields.length === 0) {
    return reply({ ephemeral: true, content: `The source documents say nothing more about ${system.publishedName} than its survey row.` });
  }
  const back = actionButton('Back to the card', { command: 'ics', args: [system.odsCode], hide, chart: true });
  return reply({
    ephemeral: hide,
    embeds: [
      {
        title: `${system.publishedName}: what the sources say, verbatim`,
        color: 0x56b4e9,
        fields: fields.slice(0, DISCORD_LIMITS.embedFields),
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: [back] }],
  });
}

/** /england's timeline entries for what the sources say about all ICSs: one field per source (more if long), dated. */
export function icsWideTimelineFields(data: Dataset): Array<{ date: string; field: APIEmbedField }> {
  return icsWideSayings(data).flatMap(({ source, sayings }) => {
    // The field name carries the date and who said it; the title is in /sources, and /england is near the 6,000 total.
    return namedFields(`${sourceDate(source.date)} — ${attribution(source)}`, packLines(sayings.map(summaryLine))).map((field) => ({
      date: source.date,
      field,
    }));
  });
}

/** /help's compact field: the few statements about all ICSs marked for it, by source and date, pointing to /england. */
export function helpSourcesField(data: Dataset): APIEmbedField {
  const marked = new Set(data.statements.filter((s) => s.inHelp === true).map((s) => s.summary));
  const lines = icsWideSayings(data).flatMap(({ source, sayings }) => {
    const shown = sayings.filter((s) => marked.has(s.summary));
    return shown.length === 0 ? [] : [`_${attribution(source)}, ${sourceDate(source.date)}:_`, ...shown.map(summaryLine)];
  });
  lines.push('All of them, dated: `/england`. About one system: its `/ics` card.');
  return { name: 'ICSs as a whole, in the sources', value: lines.join('\n') };
}

/** Merges dated extra fields into a timeline's fields (dated in the same order), by date; on a tie the timeline's own come first. */
export function withDatedFields(
  dates: readonly string[],
  fields: readonly APIEmbedField[],
  extra: ReadonlyArray<{ date: string; field: APIEmbedField }>,
): APIEmbedField[] {
  const own = fields.map((field, i) => ({ date: dates[i] ?? '', rank: 0, i, field }));
  const added = extra.map((e, i) => ({ date: e.date, rank: 1, i, field: e.field }));
  return [...own, ...added].sort((a, b) => a.date.localeCompare(b.date) || a.rank - b.rank || a.i - b.i).map((e) => e.field);
}
