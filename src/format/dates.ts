/** Built once: a DateTimeFormat is costly to construct (a third of /england's time when made per call). */
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "12 January 2023" from an ISO date. */
export function longDate(iso: string): string {
  return LONG_DATE.format(new Date(`${iso}T12:00:00Z`));
}
