import type { DayOfWeek, OpeningHoursSpecification } from 'schema-dts';
import { dayName, sameHours, type WeekHours } from '../locations.ts';

const days = {
  Mo: 'Monday',
  Tu: 'Tuesday',
  We: 'Wednesday',
  Th: 'Thursday',
  Fr: 'Friday',
  Sa: 'Saturday',
  Su: 'Sunday',
} as const;
type DayCode = keyof typeof days;
const order = Object.keys(days) as DayCode[];
const isDay = (code: string): code is DayCode => code in days;

/**
 * Turns schema.org `openingHours` text ("Mo-Fr 08:00-20:00", "Sa,Su 10:00-14:00") into
 * `OpeningHoursSpecification`s, which `ContactPoint.hoursAvailable` needs. Throws on text
 * it cannot read, so a typo in the site configuration fails the build instead of shipping.
 */
export function openingHoursSpecification(text: string): OpeningHoursSpecification {
  const match = /^([A-Za-z,-]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`Cannot read opening hours "${text}": use the form "Mo-Fr 08:00-20:00".`);
  const [, dayText = '', opens = '', closes = ''] = match;
  const dayOfWeek: DayOfWeek[] = dayText.split(',').flatMap((part) => {
    const [from = '', to = from] = part.split('-');
    if (!isDay(from) || !isDay(to))
      throw new Error(`Cannot read the days "${part}" in opening hours "${text}".`);
    const start = order.indexOf(from);
    const end = order.indexOf(to);
    if (end < start) throw new Error(`Days run backwards in opening hours "${text}".`);
    return order.slice(start, end + 1).map((code): DayOfWeek => `https://schema.org/${days[code]}`);
  });
  return { '@type': 'OpeningHoursSpecification', dayOfWeek, opens, closes };
}

/** A location's week (src/content/locations), one specification per set of days with the same hours. */
export function weekSpecification(hours: WeekHours): OpeningHoursSpecification[] {
  return sameHours(hours).map(({ days: same, hours: h }) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: same.map((day): DayOfWeek => `https://schema.org/${dayName(day)}`),
    opens: h.opens,
    closes: h.closes,
  }));
}
