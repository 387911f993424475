/**
 * Plain-words versions of a lead's choices, for the people reading an email or an inbox
 * file. The call-time words match the form's labels (src/components/CallbackForm.astro).
 */
import type { CallTime, ForWhom } from '../../callback/fields.ts';

export const CALL_TIME_LABELS: Record<CallTime, string> = {
  morning: 'Morning (8 am to noon)',
  afternoon: 'Afternoon (noon to 5 pm)',
  evening: 'Evening (5 pm to 8 pm)',
  anytime: 'Any time',
};

export const FOR_WHOM_LABELS: Record<ForWhom, string> = {
  self: 'Themselves',
  'loved-one': 'Someone they care about',
};

/** "+12025550142" -> "(202) 555-0142"; anything else is shown as stored. */
export function displayPhone(e164: string): string {
  const match = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return match ? `(${match[1]}) ${match[2]}-${match[3]}` : e164;
}

/** "intensive-outpatient" -> "Intensive outpatient". */
export function programLabel(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
