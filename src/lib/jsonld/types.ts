/**
 * What the JSON-LD builders need, as plain data. The shapes are subsets of the site
 * configuration and of the loaded content (src/lib/content.ts), so callers pass those
 * objects as they are and tests pass small literals.
 */
import type { SiteConfig } from '../../site.config.ts';
import type { Address, WeekHours } from '../locations.ts';
import type { LevelOfCare, Range } from '../program-facts.ts';

export type SiteInput = Pick<
  SiteConfig,
  'name' | 'tagline' | 'url' | 'lang' | 'admissions' | 'medicalSpecialties' | 'acceptingNewPatients'
>;

/** What every page's graph says besides the page: the logo and the places where care happens. */
export interface SiteGraphInput {
  logo?: ImageInput | undefined;
  /** Every location (src/content/locations), each a `MedicalClinic` of the organization. */
  locations?: readonly LocationInput[];
}

export interface LocationInput extends Address {
  /** File name in src/content/locations, e.g. "main-campus". */
  slug: string;
  /** Root-relative URL of its page, e.g. "/locations/main-campus/". */
  url: string;
  name: string;
  geo: { latitude: number; longitude: number };
  phone: { e164: string };
  hours: WeekHours;
}

export interface ImageInput {
  /** Absolute URL of the built image. */
  url: string;
  width: number;
  height: number;
  alt?: string;
}

export interface CrumbInput {
  name: string;
  /** Absolute URL. */
  url: string;
}

export interface PersonInput {
  /** Entry id in src/content/people. */
  id: string;
  name: string;
  kind: 'person' | 'role';
  credentials: string[];
  jobTitle?: string | undefined;
  bio: string;
  /** A person's licence to practise. */
  license?: { name: string; number: string; state: string } | undefined;
}

export interface ArticleInput {
  /** Root-relative URL, e.g. "/articles/iop-vs-outpatient/". */
  url: string;
  title: string;
  description: string;
  publishedAt: Date;
  updatedAt?: Date | undefined;
  reviewedAt: Date;
  author: PersonInput;
  reviewer: PersonInput;
  topics: { label: string; url: string }[];
  programs: { title: string; url: string }[];
  /** Reading time. */
  minutes: number;
}

export interface ProgramInput {
  /** Root-relative URL, e.g. "/programs/outpatient/". */
  url: string;
  title: string;
  shortName: string;
  description: string;
  levelOfCare: LevelOfCare;
  hoursPerWeek: Range;
  daysPerWeek: Range;
  hoursPerSession: Range;
  services: string[];
  therapies: string[];
  suitedFor: string[];
  notSuitedFor: string[];
}
