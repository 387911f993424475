import type { MedicalSpecialty } from 'schema-dts';

/**
 * schema.org's `MedicalSpecialty` is a closed list. Where a specialty named in the site
 * configuration has a member there, use it; otherwise name it (an extension schema.org allows).
 */
const members: Record<string, Exclude<MedicalSpecialty, object>> = {
  psychiatry: 'https://schema.org/Psychiatric',
  psychiatric: 'https://schema.org/Psychiatric',
  'primary care': 'https://schema.org/PrimaryCare',
  'public health': 'https://schema.org/PublicHealth',
  'community health': 'https://schema.org/CommunityHealth',
  nursing: 'https://schema.org/Nursing',
  'diet and nutrition': 'https://schema.org/DietNutrition',
  toxicology: 'https://schema.org/Toxicologic',
};

export function medicalSpecialty(name: string): MedicalSpecialty {
  return members[name.trim().toLowerCase()] ?? { '@type': 'MedicalSpecialty', name };
}

/** Only the specialties that are schema.org members (for `specialty` on pages). */
export function knownSpecialties(names: string[]): MedicalSpecialty[] {
  return names.flatMap((name) => {
    const member = members[name.trim().toLowerCase()];
    return member ? [member] : [];
  });
}
