/**
 * The one typed description of the center. Pages, JSON-LD, the callback function and
 * its error pages all read from here.
 *
 * Values we do not know yet are obvious placeholders (555-01xx numbers, `.example`
 * domains, the word "Placeholder"). `npm run build` with CONTEXT=production or
 * NODE_ENV=production refuses to run while any of them is left (see src/lib/placeholders.ts).
 *
 * Where care happens is content, not configuration: one file per place in
 * src/content/locations. The main location's phone is the admissions line, read here so the
 * lead functions (which load no content collection) dial the same number as every page.
 */
import mainLocation from './content/locations/main-campus.json' with { type: 'json' };

export interface Phone {
  /** How people read it, e.g. "(202) 555-0142". */
  display: string;
  /** E.164 form for `tel:` links and JSON-LD, e.g. "+12025550142". */
  e164: string;
}

/** A licence or accreditation the center holds, shown with a way to check it. */
export interface Accreditation {
  /** Who grants it, e.g. a state's health department or an accrediting body. */
  issuer: string;
  /** What it certifies, in plain words, e.g. "Outpatient substance use disorder treatment". */
  certifies: string;
  /** The licence or certificate number, as the issuer prints it. */
  number: string;
  /** The issuer's own page where anyone can check it: a plain link, never a seal script. */
  verifyUrl: string;
  /** The last day it is valid (YYYY-MM-DD); the build fails once it has passed. */
  validUntil: string;
}

export interface CrisisLine {
  /** What the line is, in plain words. */
  label: string;
  /** What to dial or text, as people read it. */
  display: string;
  /** Target of the `tel:` link. */
  tel: string;
  /** Target of an `sms:` link, where the line takes texts. */
  sms?: string;
  /** A web chat, where the line offers one. */
  chatUrl?: string;
}

/** A language, besides English, in which the center tells people that language help is free. */
export interface LanguageTagline {
  /** BCP 47 code, set as `lang` on every element that shows this language's text, e.g. "es". */
  lang: string;
  /** Writing direction, where it is right to left (Arabic, Farsi, Hebrew, Urdu). */
  dir?: 'rtl';
  /** The language's name in English, e.g. "Spanish". */
  englishName: string;
  /** The language's name in itself, e.g. "Español". */
  name: string;
  /** The tagline in that language: language help is free of charge. */
  tagline: string;
  /** Words in that language before the admissions phone number, e.g. "Llame al". */
  callPrefix: string;
  /** Text of the link to the language-assistance notice in every page's footer, in that language. */
  footerLink: string;
}

/** A government office that takes complaints, with the ways to reach it. */
export interface ComplaintOffice {
  /** The office's full name. */
  name: string;
  /** Its own page for filing a complaint. */
  url: string;
  /** Its toll-free line. */
  phone: { display: string; tel: string };
  /** Its TDD line for people who are deaf or hard of hearing. */
  tdd: { display: string; tel: string };
}

export interface Notices {
  /**
   * Languages whose tagline the language-assistance notice shows, and the footer links to.
   * Section 1557 asks for the 15 languages most spoken in the center's state: counsel sets them.
   */
  languages: LanguageTagline[];
  /** Where people can complain about discrimination or a breach of their health privacy. */
  complaintOffice: ComplaintOffice;
}

export interface SiteConfig {
  /** The center's public name. */
  name: string;
  /** One sentence on what the center does, used in meta descriptions and JSON-LD. */
  tagline: string;
  /** Canonical origin of the production site, no trailing slash. */
  url: string;
  /** Language of every page (BCP 47). */
  lang: string;
  /** The center's IANA time zone: emails to admissions give times in it, the zone named. */
  timeZone: string;
  admissions: {
    /** The number every "call us" link dials: the main location's (src/content/locations/main-campus.json). */
    phone: Phone;
    /** Inbox for people who prefer email (shown on the accessibility and privacy pages). */
    email: string;
    /** When the admissions line is answered, in plain words. */
    hours: string;
    /** The same hours for schema.org `openingHours`, e.g. "Mo-Fr 08:00-20:00". */
    openingHours: string[];
  };
  /** Public crisis lines, shown on every page. */
  crisisLines: CrisisLine[];
  /**
   * Accreditations of the center as a whole, shown in every trust block; each location's state
   * licences sit with the location (src/content/locations).
   */
  accreditations: Accreditation[];
  /** What the center treats, for schema.org `medicalSpecialty`. */
  medicalSpecialties: string[];
  /** Whether the center is taking new patients (schema.org `isAcceptingNewPatients`). */
  acceptingNewPatients: boolean;
  /** Rules for the clinical review of articles; the build refuses articles that break them. */
  review: ReviewPolicy;
  /** What the required notices (nondiscrimination, language help, privacy practices) show. */
  notices: Notices;
}

export interface ReviewPolicy {
  /** An article whose last clinical review is older than this many months fails the build. */
  maxAgeMonths: number;
  /** A reviewer needs one of these (the editorial guidelines promise doctorate-level clinicians). */
  clinicalCredentials: string[];
}

export const site: SiteConfig = {
  name: 'Absolute Awakenings',
  tagline:
    'Compassionate, evidence-based treatment for addiction and mental-health conditions, with programs tailored to each person.',
  url: 'https://absolute-awakenings.example',
  lang: 'en-US',
  // The address is not known yet: this follows the placeholder main location's state (CA).
  // Set the zone of the real address with it.
  timeZone: 'America/Los_Angeles',
  admissions: {
    phone: mainLocation.phone,
    email: 'admissions@absolute-awakenings.example',
    hours: 'Placeholder hours: Monday to Friday, 8 am to 8 pm',
    openingHours: ['Mo-Fr 08:00-20:00'],
  },
  crisisLines: [
    {
      label: '988 Suicide & Crisis Lifeline',
      display: '988',
      tel: '988',
      sms: '988',
      chatUrl: 'https://988lifeline.org/',
    },
    { label: 'Emergency', display: '911', tel: '911' },
    {
      label: 'SAMHSA National Helpline (free, confidential, 24/7)',
      display: '1-800-662-4357',
      tel: '+18006624357',
    },
  ],
  // Not known yet (shared/content-facts.md): one obvious placeholder, refused in production.
  accreditations: [
    {
      issuer: 'Placeholder accrediting body',
      certifies: 'Placeholder: what the accreditation covers, e.g. behavioral health care',
      number: 'Placeholder accreditation number',
      verifyUrl: 'https://accrediting-body.example/verify',
      validUntil: '2099-12-31',
    },
  ],
  medicalSpecialties: ['Addiction medicine', 'Psychiatry'],
  acceptingNewPatients: true,
  review: { maxAgeMonths: 12, clinicalCredentials: ['MD', 'DO', 'PsyD', 'PhD', 'DNP'] },
  notices: {
    languages: [
      {
        lang: 'es',
        englishName: 'Spanish',
        name: 'Español',
        tagline:
          'ATENCIÓN: si habla español, puede recibir ayuda gratuita con el idioma, como un intérprete o información traducida.',
        callPrefix: 'Llame al',
        footerLink: 'Ayuda gratuita con el idioma',
      },
    ],
    complaintOffice: {
      name: 'U.S. Department of Health and Human Services, Office for Civil Rights',
      url: 'https://www.hhs.gov/ocr/complaints/index.html',
      phone: { display: '1-800-368-1019', tel: '+18003681019' },
      tdd: { display: '1-800-537-7697', tel: '+18005377697' },
    },
  },
};
