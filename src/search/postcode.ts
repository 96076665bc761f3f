import type { PlacesFile } from '../data/places.ts';

/** What GP practices' postcodes say about a typed postcode or district. */
export interface PostcodeHit {
  /** As the user would write it: "EX4 4QJ", "SW1A". */
  code: string;
  district: string;
  /** Systems by share of patients registered at practices there, largest first. */
  shares: ReadonlyArray<readonly [string, number]>;
  /** sector: practices in the same postcode sector; district: in the district; nearby: the district has none, so its
   * closest neighbours in the same postcode area answer. */
  basis: 'sector' | 'district' | 'nearby';
  nearby?: string[];
}

export type PostcodeLookup = PostcodeHit | { kind: 'outside'; name: string; country: string };

/** The UK postcode pattern: outward code (area letters, district digit, optional digit or letter), inward code. */
const FULL = /^([A-Z]{1,2}[0-9][0-9A-Z]?)([0-9][A-Z]{2})$/;
const DISTRICT = /^([A-Z]{1,2}[0-9][0-9A-Z]?)$/;

/** Postcode areas wholly outside England. Practices cover England only, so these would otherwise borrow an English
 * neighbour's answer. */
const AREA_COUNTRY: Readonly<Record<string, string>> = {
  ...Object.fromEntries(['CF', 'LD', 'LL', 'NP', 'SA'].map((a) => [a, 'Wales'])),
  ...Object.fromEntries(['AB', 'DD', 'DG', 'EH', 'FK', 'G', 'HS', 'IV', 'KA', 'KW', 'KY', 'ML', 'PA', 'PH', 'ZE'].map((a) => [a, 'Scotland'])),
  BT: 'Northern Ireland',
};

/** Districts outside England inside areas England shares (CH: Flintshire; SY: Powys and Ceredigion; TD: the Borders). */
function mixedAreaCountry(area: string, number: number): string | undefined {
  if (area === 'CH' && number >= 5 && number <= 8) return 'Wales';
  if (area === 'SY' && number >= 15 && number <= 25) return 'Wales';
  if (area === 'TD' && number !== 12 && number !== 15) return 'Scotland';
  return undefined;
}

function parts(district: string): { area: string; number: number } {
  const match = /^([A-Z]+)(\d+)/.exec(district);
  return { area: match?.[1] ?? '', number: Number(match?.[2] ?? Number.NaN) };
}

/** Known districts by postcode area ("SW" → SW1P, SW1V, …), built once per gazetteer file. */
const districtsByArea = new WeakMap<PlacesFile, Map<string, string[]>>();

function areaDistricts(file: PlacesFile, area: string): string[] {
  let byArea = districtsByArea.get(file);
  if (byArea === undefined) {
    byArea = new Map();
    for (const district of Object.keys(file.districts)) {
      const key = parts(district).area;
      const list = byArea.get(key);
      if (list === undefined) byArea.set(key, [district]);
      else list.push(district);
    }
    districtsByArea.set(file, byArea);
  }
  return byArea.get(area) ?? [];
}

/** Districts of the same area with the closest district numbers, their shares averaged district by district. */
function nearbyShares(district: string, file: PlacesFile): { shares: Array<[string, number]>; nearby: string[] } | undefined {
  const { area, number } = parts(district);
  const sameArea = areaDistricts(file, area);
  if (sameArea.length === 0) return undefined;
  const gap = (d: string): number => Math.abs(parts(d).number - number);
  const closest = Math.min(...sameArea.map(gap));
  const nearby = sameArea.filter((d) => gap(d) === closest).sort();
  const sum = new Map<string, number>();
  for (const d of nearby) for (const [id, share] of file.districts[d] ?? []) sum.set(id, (sum.get(id) ?? 0) + share / nearby.length);
  const shares = [...sum].map(([id, s]): [string, number] => [id, Math.round(s * 1000) / 1000]).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { shares, nearby };
}

/** A full postcode ("EX4 4QJ", "ex44qj") or a district ("EX4", "SW1A"); undefined when the text is neither. */
export function lookupPostcode(raw: string, file: PlacesFile): PostcodeLookup | undefined {
  const upper = raw.toUpperCase().trim();
  // "EX4 4" (a full postcode half typed): the space marks the district, whatever follows it.
  const spaced = /^([A-Z]{1,2}[0-9][0-9A-Z]?)\s+[0-9][A-Z]?$/.exec(upper);
  const compact = spaced?.[1] ?? upper.replace(/[^A-Z0-9]/g, '');
  if (compact.length < 2 || compact.length > 7) return undefined;
  const full = FULL.exec(compact);
  const district = full?.[1] ?? DISTRICT.exec(compact)?.[1];
  if (district === undefined) return undefined;
  const inward = full?.[2];
  const code = inward === undefined ? district : `${district} ${inward}`;
  const { area, number } = parts(district);
  const country = AREA_COUNTRY[area] ?? mixedAreaCountry(area, number);
  if (country !== undefined) return { kind: 'outside', name: code, country };
  const sector = inward === undefined ? undefined : file.sectors[`${district} ${inward.charAt(0)}`];
  if (sector !== undefined) return { code, district, shares: sector, basis: 'sector' };
  const known = file.districts[district];
  if (known !== undefined) return { code, district, shares: known, basis: 'district' };
  const near = nearbyShares(district, file);
  return near === undefined ? undefined : { code, district, shares: near.shares, basis: 'nearby', nearby: near.nearby };
}
