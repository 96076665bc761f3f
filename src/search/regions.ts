import Fuse from 'fuse.js';
import { REGIONS, type Region } from '../data/schema.ts';
import { canonical } from './normalise.ts';

/** Ways people write each NHS England region, including the survey's own headings and common shorthand. */
const REGION_VARIANTS: Readonly<Record<Region, readonly string[]>> = {
  'North East and Yorkshire': [
    'North East and Yorkshire',
    'NE&Y',
    'NEY',
    'NE and Y',
    'NE Yorkshire',
    'North East & Yorkshire',
    'Yorkshire and the North East',
    'North East',
    'Yorkshire',
    'NE',
  ],
  'North West': ['North West', 'NW', 'North-West', 'Northwest', 'the North West'],
  Midlands: ['Midlands', 'the Midlands', 'East Midlands', 'West Midlands', 'Mids', 'Midlands and East'],
  'East of England': ['East of England', 'East', 'EoE', 'the East', 'East England', 'Eastern'],
  London: ['London', 'Greater London', 'Ldn'],
  'South East': ['South East', 'SE', 'South-East', 'Southeast', 'the South East'],
  'South West': ['South West', 'SW', 'South-West', 'Southwest', 'the South West'],
};

const regionKey = (text: string): string =>
  canonical(text)
    .replace(/\b(?:nhs|region|nhse|england)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const exact = new Map<string, Region>();
for (const region of REGIONS) for (const variant of REGION_VARIANTS[region]) exact.set(regionKey(variant), region);

const fuse = new Fuse(
  REGIONS.flatMap((region) => REGION_VARIANTS[region].filter((v) => v.length > 3).map((variant) => ({ region, key: regionKey(variant) }))),
  { keys: ['key'], includeScore: true, ignoreLocation: true, threshold: 0.3 },
);

export function regionId(region: Region): string {
  return canonical(region).replace(/ /g, '-');
}

/** A region from what a user typed ("SW", "the Midlands", "north-east and yorkshire"), or null. */
export function resolveRegion(input: string): Region | null {
  const key = regionKey(input.slice(0, 200));
  if (key === '') return null;
  const direct = exact.get(key) ?? REGIONS.find((r) => regionId(r) === key.replace(/ /g, '-'));
  if (direct !== undefined) return direct;
  const [best] = fuse.search(key);
  return best !== undefined && (best.score ?? 1) <= 0.25 ? best.item.region : null;
}

/** Region choices for autocomplete, best first. */
export function suggestRegions(input: string): Region[] {
  const key = regionKey(input);
  if (key === '') return [...REGIONS];
  const found = new Set<Region>();
  for (const [variant, region] of exact) if (variant.startsWith(key)) found.add(region);
  for (const result of fuse.search(key)) found.add(result.item.region);
  return [...found];
}
