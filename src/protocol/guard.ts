import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import { ComponentType } from './api.ts';
import { DISCORD_LIMITS as L } from './limits.ts';
import type { Reply } from './reply.ts';

const FENCE = '```';

function openFence(text: string): boolean {
  return (text.split(FENCE).length - 1) % 2 === 1;
}

/** Cuts one line (no line breaks to cut at) on a word boundary, closing bold it would leave open. */
function cutLine(line: string, max: number): string {
  const room = Math.max(0, max - 1);
  let cut = line.slice(0, room);
  const space = cut.lastIndexOf(' ');
  if (space > room * 0.6) cut = cut.slice(0, space);
  cut = cut.trimEnd();
  if ((cut.split('**').length - 1) % 2 === 1) cut = cut.length + 3 <= room ? `${cut}**` : cut.replace(/\*\*(?!.*\*\*)/s, '');
  if ((cut.split('`').length - 1) % 2 === 1) cut = cut.length + 2 <= room ? `${cut}\`` : cut.replace(/`(?!.*`)/s, '');
  return `${cut}…`;
}

/**
 * Fits text in `max` characters without breaking its markdown: cuts between lines where it can, closes a code block
 * it would leave open, and says how many lines were left out ("… and N more").
 */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  if (lines.length === 1) return cutLine(text, max);
  const kept: string[] = [];
  let used = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const rest = lines.length - i - 1;
    const candidate = [...kept, line].join('\n');
    const closing = openFence(candidate) ? `\n${FENCE}` : '';
    const tail = rest > 0 ? `\n… and ${rest} more` : '';
    if (candidate.length + closing.length + tail.length > max) break;
    kept.push(line);
    used = i + 1;
  }
  if (used === 0) return cutLine(lines[0] ?? '', max);
  const body = kept.join('\n');
  const closing = openFence(body) ? `\n${FENCE}` : '';
  const left = lines.length - used;
  const tail = left > 0 ? `\n… and ${left} more` : '';
  return `${body}${closing}${tail}`;
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

export function totalEmbedLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((n, e) => n + embedLength(e), 0);
}

function fitEmbed(embed: APIEmbed, cuts: string[]): APIEmbed {
  const out: APIEmbed = { ...embed };
  const fit = (text: string, max: number, what: string): string => {
    if (text.length <= max) return text;
    cuts.push(`${what} ${text.length} > ${max}`);
    return fitText(text, max);
  };
  if (out.title !== undefined) out.title = fit(out.title, L.embedTitle, 'title');
  if (out.description !== undefined) out.description = fit(out.description, L.embedDescription, 'description');
  if (out.footer !== undefined) out.footer = { ...out.footer, text: fit(out.footer.text, L.footerText, 'footer') };
  if (out.author !== undefined) out.author = { ...out.author, name: fit(out.author.name, L.authorName, 'author') };
  if (out.fields !== undefined) {
    if (out.fields.length > L.embedFields) cuts.push(`fields ${out.fields.length} > ${L.embedFields}`);
    out.fields = out.fields
      .slice(0, L.embedFields)
      .map((f) => ({ ...f, name: fit(f.name, L.fieldName, 'field name'), value: fit(f.value, L.fieldValue, `field "${f.name.slice(0, 40)}"`) }));
  }
  return out;
}

/** Brings the embeds under the 6,000-character total by cutting the longest text first. */
function fitTotal(embeds: APIEmbed[], cuts: string[]): APIEmbed[] {
  let over = totalEmbedLength(embeds) - L.embedTotal;
  if (over <= 0) return embeds;
  cuts.push(`embed total ${over + L.embedTotal} > ${L.embedTotal}`);
  const out = embeds.map((e) => ({ ...e, fields: e.fields?.map((f) => ({ ...f })) }));
  for (let guard = 0; over > 0 && guard < 50; guard += 1) {
    let longest: { get: () => string; set: (s: string) => void } | undefined;
    let longestLength = 0;
    for (const e of out) {
      if ((e.description?.length ?? 0) > longestLength) {
        longestLength = e.description?.length ?? 0;
        longest = { get: () => e.description ?? '', set: (s) => (e.description = s) };
      }
      for (const f of e.fields ?? []) {
        if (f.value.length > longestLength) {
          longestLength = f.value.length;
          longest = { get: () => f.value, set: (s) => (f.value = s) };
        }
      }
    }
    if (longest === undefined || longestLength < 40) break;
    const before = longest.get();
    longest.set(fitText(before, Math.max(20, before.length - over - 20)));
    over = totalEmbedLength(out) - L.embedTotal;
  }
  for (const e of out) if (e.fields === undefined) delete e.fields;
  return out;
}

type Row = APIActionRowComponent<APIComponentInMessageActionRow>;

/** Buttons are never cut (a cut id answers "out of date"): an unfit one is dropped and reported, as are duplicates. */
function fitComponents(rows: readonly Row[], cuts: string[]): Row[] {
  const seen = new Set<string>();
  const out: Row[] = [];
  for (const row of rows.slice(0, L.actionRows)) {
    const components = row.components
      .filter((c) => {
        if (c.type !== ComponentType.Button || !('custom_id' in c)) return true;
        if (c.custom_id.length > L.customId) {
          cuts.push(`custom id over ${L.customId}: dropped`);
          return false;
        }
        if (seen.has(c.custom_id)) {
          cuts.push(`duplicate custom id ${c.custom_id}: dropped`);
          return false;
        }
        seen.add(c.custom_id);
        return true;
      })
      .slice(0, L.buttonsPerRow)
      .map((c) =>
        c.type === ComponentType.Button && 'label' in c && c.label !== undefined && c.label.length > L.buttonLabel
          ? { ...c, label: fitText(c.label, L.buttonLabel) }
          : c,
      );
    if (components.length > 0) out.push({ ...row, components });
  }
  if (rows.length > L.actionRows) cuts.push(`action rows ${rows.length} > ${L.actionRows}`);
  return out;
}

export interface FittedReply {
  reply: Reply;
  /** What had to be cut: empty when the view fitted by design (the normal case); logged at warn otherwise. */
  cuts: string[];
}

/** The one guard every reply passes before any transport: Discord's limits, kept without breaking markdown. */
export function fitReply(reply: Reply): FittedReply {
  const cuts: string[] = [];
  const out: Reply = { ...reply };
  if (reply.content !== undefined && reply.content.length > L.content) {
    cuts.push(`content ${reply.content.length} > ${L.content}`);
    out.content = fitText(reply.content, L.content);
  }
  if (reply.embeds.length > L.embeds) cuts.push(`embeds ${reply.embeds.length} > ${L.embeds}`);
  out.embeds = fitTotal(
    reply.embeds.slice(0, L.embeds).map((e) => fitEmbed(e, cuts)),
    cuts,
  );
  out.components = fitComponents(reply.components, cuts);
  out.files = reply.files.map((f) =>
    f.description.length > L.attachmentDescription ? { ...f, description: fitText(f.description, L.attachmentDescription) } : f,
  );
  return { reply: out, cuts };
}
