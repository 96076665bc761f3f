import type { APIEmbed } from 'discord-api-types/v10';
import type { Dataset } from '../data/model.ts';
import { longDate } from '../format/dates.ts';
import { DISCORD_LIMITS } from '../protocol/limits.ts';
import { truncate } from '../views/text.ts';

/** Today's map in one embed: each body created or redrawn in 2026 and what it was formed from. */
export function changesEmbedFor(data: Dataset): APIEmbed {
  const since = data.changes.file.icbCountSince.date;
  return {
    title: truncate(`England's ICBs since ${longDate(since)}: ${data.changes.currentIcbCount()}`, DISCORD_LIMITS.embedTitle),
    color: 0x009e73,
    fields: data.changes.successors.slice(0, DISCORD_LIMITS.embedFields).map((s) => ({
      name: truncate(s.name, DISCORD_LIMITS.fieldName),
      value: truncate(
        `${s.kind === 'new-body' ? 'New' : 'Boundary change'} from ${longDate(s.startDate)}: ${s.predecessors.map((p) => `${data.byId.get(p.systemId)?.shortName ?? p.systemId}${p.passedOver === 'part' ? ` (${p.part ?? 'part'})` : ''}`).join('; ')}`,
        DISCORD_LIMITS.fieldValue,
      ),
    })),
    footer: { text: `Sources: ${data.changes.sources.length} public sources on today’s ICBs, checked ${longDate(data.changes.asOf)}` },
  };
}
