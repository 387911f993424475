import type { MedicalTherapy } from 'schema-dts';
import { formatDaysPerWeek, formatRange, levelOfCareName } from '../program-facts.ts';
import { absolute, pageIds, ref } from './ids.ts';
import type { PageJsonLd } from './page.ts';
import { knownSpecialties } from './specialties.ts';
import type { ProgramInput, SiteInput } from './types.ts';

/** "Intensive outpatient care: 3 to 5 days a week, 3 to 4 hours a session, 9 to 20 hours a week. Includes …" */
export function howPerformed(program: ProgramInput): string {
  const schedule = [
    formatDaysPerWeek(program.daysPerWeek),
    `${formatRange(program.hoursPerSession, 'hour')} a session`,
    `${formatRange(program.hoursPerWeek, 'hour')} a week`,
  ].join(', ');
  const lower = schedule.charAt(0).toLowerCase() + schedule.slice(1);
  return `${levelOfCareName(program.levelOfCare)} care: ${lower}. Includes: ${program.services.join('; ')}.`;
}

/**
 * A program page is a `MedicalWebPage` about the program, typed `MedicalTherapy` (the
 * closest schema.org type for a course of treatment): its schedule and services as
 * `howPerformed`, who should choose another level of care as `contraindication`, the
 * approaches it uses as `mentions`, and who it suits as the page's audience.
 */
export function programJsonLd(site: SiteInput, program: ProgramInput): PageJsonLd {
  const url = absolute(site.url, program.url);
  const ids = pageIds(url);
  const specialty = knownSpecialties(site.medicalSpecialties);
  const therapy: MedicalTherapy = {
    '@type': 'MedicalTherapy',
    '@id': ids.therapy,
    name: program.title,
    alternateName: program.shortName,
    description: program.description,
    url,
    howPerformed: howPerformed(program),
    contraindication: program.notSuitedFor,
    ...(specialty.length > 0 && { relevantSpecialty: specialty }),
  };
  return {
    type: 'MedicalWebPage',
    webPage: {
      about: ref(ids.therapy),
      mainEntity: ref(ids.therapy),
      audience: program.suitedFor.map((text) => ({
        '@type': 'MedicalAudience' as const,
        audienceType: text,
      })),
      mentions: program.therapies.map((name) => ({ '@type': 'MedicalTherapy' as const, name })),
      ...(specialty.length > 0 && { specialty }),
    },
    nodes: [therapy],
  };
}
