// Dates in frontmatter are calendar days; format them in UTC so a build in any time
// zone prints the day the editor wrote.
const long = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export function formatDate(date: Date): string {
  return long.format(date);
}

/** "2026-11-20": the form `<time datetime>` and JSON-LD want. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
