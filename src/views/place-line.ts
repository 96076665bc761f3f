import type { IcsSystem } from '../data/model.ts';
import type { PlaceNote } from '../search/gazetteer.ts';
import { shortName } from '../data/names.ts';
import { normalise } from '../search/normalise.ts';
import type { Resolution } from '../search/resolve.ts';

/** Postcode answers come from where GP surgeries are, not from where each resident lives: every such line says so. */
export const POSTCODE_BASIS = 'by the postcodes of GP practices, not of every address';

const pct = (share: number): string => `${Math.round(share * 100)} %`;

function sharesText(note: Extract<PlaceNote, { kind: 'postcode' }>, nameOf: (id: string) => string): string {
  return note.shares.map(([id, share]) => `**${nameOf(id)}** ${pct(share)}`).join(', ');
}

/** One line on how a postcode was read: its district, a split between systems, or neighbours standing in. */
export function postcodeLine(note: Extract<PlaceNote, { kind: 'postcode' }>, nameOf: (id: string) => string): string {
  const split = note.shares.length > 1;
  if (note.basis === 'nearby') {
    const where = split ? `split ${sharesText(note, nameOf)}` : `in **${nameOf(note.shares[0]?.[0] ?? '')}**`;
    return `${note.district} has no GP practice of its own; its neighbours in the same postcode area (${(note.nearby ?? []).join(', ')}) are ${where}, ${POSTCODE_BASIS}.`;
  }
  const unit = note.basis === 'sector' ? `${note.code}'s postcode sector` : note.code;
  if (!split) return `${note.code} is in **${nameOf(note.shares[0]?.[0] ?? '')}** (${POSTCODE_BASIS}).`;
  return `${unit} is split between systems: ${sharesText(note, nameOf)} of patients at its GP practices (${POSTCODE_BASIS}).`;
}

/** "Exeter is in Devon.": the short line above a card reached through a place or postcode; undefined otherwise. */
export function placeLine(resolution: Resolution, systems: ReadonlyMap<string, IcsSystem>): string | undefined {
  if (resolution.kind !== 'match') return undefined;
  const nameOf = (id: string): string => {
    const system = systems.get(id);
    return system === undefined ? id : shortName(system);
  };
  const system = shortName(resolution.system);
  const note = resolution.place;
  if (note?.kind === 'postcode') return postcodeLine(note, nameOf);
  if (note?.kind === 'place') {
    const qualifier = normalise(note.label) === normalise(note.name) || normalise(system).includes(normalise(note.label)) ? '' : ` (${note.label})`;
    return `${note.name}${qualifier} is in **${system}**.`;
  }
  if (resolution.via.kind === 'place' && !normalise(system).includes(resolution.via.key)) return `${resolution.via.display} is in **${system}**.`;
  return undefined;
}
