/**
 * What location pages and their JSON-LD show about a place, from its entry in
 * src/content/locations: the week's hours, the one-line address, the directions link.
 */

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening and closing times, "HH:MM" on a 24-hour clock. */
export interface DayHours {
  opens: string;
  closes: string;
}

/** A week's hours; a day left out is closed. */
export type WeekHours = Partial<Record<Weekday, DayHours>>;

export interface Address {
  streetAddress: string;
  addressLocality: string;
  addressRegion: string;
  postalCode: string;
}

/** "08:00" -> "8 am", "13:30" -> "1:30 pm", "12:00" -> "12 pm" (noon). */
export function clockTime(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const hour = h % 12 === 0 ? 12 : h % 12;
  return `${hour}${m ? `:${String(m).padStart(2, '0')}` : ''} ${h < 12 ? 'am' : 'pm'}`;
}

/** "monday" -> "Monday". */
export const dayName = (day: Weekday) => (day[0]!.toUpperCase() + day.slice(1)) as Capitalize<Weekday>;

/** One row per day, Monday first, with `hours` undefined on a closed day. */
export function weekRows(hours: WeekHours): { day: Weekday; name: string; hours?: DayHours }[] {
  return WEEKDAYS.map((day) => ({ day, name: dayName(day), ...(hours[day] && { hours: hours[day] }) }));
}

/** Days with the same hours, together, in week order: schema.org lists them as one specification. */
export function sameHours(hours: WeekHours): { days: Weekday[]; hours: DayHours }[] {
  const groups = new Map<string, { days: Weekday[]; hours: DayHours }>();
  for (const day of WEEKDAYS) {
    const h = hours[day];
    if (!h) continue;
    const key = `${h.opens}-${h.closes}`;
    const group = groups.get(key);
    if (group) group.days.push(day);
    else groups.set(key, { days: [day], hours: h });
  }
  return [...groups.values()];
}

/** "1 Main Street, Springfield, CA 90210". */
export function oneLineAddress(a: Address): string {
  return `${a.streetAddress}, ${a.addressLocality}, ${a.addressRegion} ${a.postalCode}`;
}

/**
 * Directions as a plain link (Google Maps' documented URL scheme; phones open their maps
 * app from it). Nothing loads from the map service until the visitor follows it.
 */
export function directionsUrl(a: Address): string {
  const url = new URL('https://www.google.com/maps/dir/');
  url.searchParams.set('api', '1');
  url.searchParams.set('destination', oneLineAddress(a));
  return url.href;
}
