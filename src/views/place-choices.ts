import type { IcsSystem } from '../data/model.ts';
import { shortName } from '../data/names.ts';
import type { Resolution } from '../search/resolve.ts';
import { postcodeLine } from './place-line.ts';

type Ambiguous = Extract<Resolution, { kind: 'ambiguous' }>;

export const OUTSIDE_ENGLAND = 'not in England (ICSs cover England only)';

/** "“Newport” is the name of several places: …", one line each with its authority; undefined unless places led here. */
export function placeChoiceText(resolution: Ambiguous, shown: string): string | undefined {
  const byId = new Map(resolution.candidates.map((s) => [s.id, s]));
  const nameOf = (id: string): string => {
    const system = byId.get(id);
    return system === undefined ? id : shortName(system);
  };
  if (resolution.place?.kind === 'postcode') return `${postcodeLine(resolution.place, nameOf)}\nPick one below.`;
  if (resolution.places === undefined) return undefined;
  const lines = resolution.places.map((p) =>
    p.systemId === null ? `• ${p.name} (${p.label}): ${OUTSIDE_ENGLAND}` : `• ${p.name} (${p.label}) → **${nameOf(p.systemId)}**`,
  );
  return `“${shown}” is the name of more than one place:\n${lines.join('\n')}\nPick one below, or add the county or district (e.g. “${resolution.places[0]?.name ?? shown}, ${resolution.places.find((p) => p.systemId !== null)?.label ?? ''}”).`;
}

/** Button text naming the place as well as its system, so "Newport (Isle of Wight)" is pressed, not a guess. */
export function placeButtonLabel(resolution: Ambiguous): ((system: IcsSystem) => string) | undefined {
  const places = resolution.places;
  if (places === undefined) return undefined;
  return (system) => {
    const place = places.find((p) => p.systemId === system.id);
    return place === undefined ? shortName(system) : `${place.name} (${place.label}) → ${shortName(system)}`;
  };
}

/** "Cardiff is in Wales: not in England …" for a place or postcode outside England. */
export function outsideEnglandText(outside: { name: string; country: string }): string {
  return `${outside.name} is in ${outside.country}, ${OUTSIDE_ENGLAND}. Wales, Scotland and Northern Ireland run their NHS differently (health boards), so the survey has no figures for them.`;
}
