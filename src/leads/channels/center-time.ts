/**
 * Times as admissions reads them: in the center's own time zone (`site.timeZone`), the
 * zone named, e.g. "Mon, Mar 2, 2026, 7:00 AM PST" (the abbreviation follows daylight
 * saving time). For people only: what a program parses (the webhook's JSON) stays ISO UTC.
 */
import { site } from '../../site.config.ts';

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat(site.lang, {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    formats.set(timeZone, format);
  }
  return format;
}

export function centerTime(when: Date | string, timeZone: string = site.timeZone): string {
  const date = typeof when === 'string' ? new Date(when) : when;
  // Stored times are validated ISO; should one not parse, show it as stored, never hide it.
  if (Number.isNaN(date.getTime())) return String(when);
  // ICU puts a narrow no-break space before AM/PM; plain text mail is safer with a space.
  return formatFor(timeZone)
    .format(date)
    .replace(/[\u202f\u2009\u00a0]/g, ' ');
}
