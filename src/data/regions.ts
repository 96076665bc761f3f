// A leaf module without zod, so code that only needs the region names does not load the schema library at start.
/** The seven NHS England regions: the survey's own headings omit Midlands and London. */
export const REGIONS = [
  'North East and Yorkshire',
  'North West',
  'Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
