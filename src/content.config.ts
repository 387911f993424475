import { defineCollection, reference } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { readingMinutes } from './lib/reading-time.ts';

/** A closed range of numbers no larger than `limit`, e.g. hours per week (at most 168). */
const range = (limit: number) =>
  z
    .object({ min: z.number().nonnegative(), max: z.number().positive().max(limit) })
    .refine((r) => r.min <= r.max, 'min must not be greater than max');
const text = z.string().trim().min(1);

/** A page's title: short enough to show whole in search results. */
const title = text.max(60);
/** A page's meta description: long enough to say something, short enough not to be cut. */
const description = text.min(70).max(160);

/** A two-letter US state code, e.g. "CA". */
const stateCode = z.string().regex(/^[A-Z]{2}$/, 'a two-letter state code such as "CA"');

/** A professional licence, as the issuing state's board lists it. */
const license = z.object({
  /** What the licence is for, as the board names it, e.g. "Physician and Surgeon". */
  name: text.max(80),
  /** The licence number, exactly as the board's lookup shows it. */
  number: text.max(40),
  /** Two-letter code of the state that issued it, e.g. "CA". */
  state: stateCode,
});

/** A 24-hour time of day, e.g. "08:00" or "17:30". */
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a 24-hour time such as "08:00"');
/** A calendar day written YYYY-MM-DD. */
const day = z.iso.date();

/** When a place is open on one day. */
const dayHours = z
  .object({
    /** Opening time, e.g. "08:00". */
    opens: time,
    /** Closing time, later the same day, e.g. "20:00". */
    closes: time,
  })
  .refine((h) => h.opens < h.closes, 'closes must be later than opens, on the same day');

/** The same shape as `Accreditation` in src/site.config.ts: a trust claim anyone can check. */
const credential = z.object({
  /** Who grants it, e.g. the state's health department. */
  issuer: text.max(120),
  /** What it certifies, in plain words, e.g. "Outpatient substance use disorder treatment". */
  certifies: text.max(160),
  /** The licence number, exactly as the issuer's lookup shows it. */
  number: text.max(40),
  /** The issuer's own page where anyone can check it: a plain link, never a seal script. */
  verifyUrl: z.url({ protocol: /^https$/, error: "the issuer's own https page" }),
  /** The last day it is valid; every build fails once it has passed. */
  validUntil: day,
});

/** A phone number as people read it and as `tel:` links dial it; both must be the same number. */
const phone = z
  .object({
    /** How people read it, e.g. "(202) 555-0142". */
    display: text.max(24),
    /** E.164 form for `tel:` links and JSON-LD, e.g. "+12025550142". */
    e164: z.string().regex(/^\+1\d{10}$/, 'a US number in E.164 form, e.g. "+12025550142"'),
  })
  .refine((p) => `+1${p.display.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '')}` === p.e164, {
    message: 'display and e164 must be the same number',
    path: ['e164'],
  });

/** A place where care happens: one file each in src/content/locations, the slug its name. */
const locations = defineCollection({
  loader: glob({ pattern: '*.json', base: './src/content/locations' }),
  schema: z.object({
    /** Short name shown to people, e.g. "Main campus". */
    name: text.max(40),
    /** The location page's meta description. */
    description,
    /** Street and number, e.g. "1200 Main Street, Suite 4". */
    streetAddress: text.max(100),
    /** City. */
    addressLocality: text.max(60),
    /** Two-letter state code. */
    addressRegion: stateCode,
    /** Five-digit ZIP code, or ZIP+4. */
    postalCode: z.string().regex(/^\d{5}(-\d{4})?$/, 'a ZIP code such as "90210" or "90210-1234"'),
    /** Where the entrance is, for map results (schema.org `geo`). */
    geo: z.object({
      /** Degrees north, e.g. 34.0522. */
      latitude: z.number().min(-90).max(90),
      /** Degrees east (negative in the US), e.g. -118.2437. */
      longitude: z.number().min(-180).max(180),
    }),
    /** The number this location answers. The main location's is also the admissions line. */
    phone,
    /** Opening hours for each day; a day left out is closed. */
    hours: z.object({
      /** Monday's hours. */
      monday: dayHours.optional(),
      /** Tuesday's hours. */
      tuesday: dayHours.optional(),
      /** Wednesday's hours. */
      wednesday: dayHours.optional(),
      /** Thursday's hours. */
      thursday: dayHours.optional(),
      /** Friday's hours. */
      friday: dayHours.optional(),
      /** Saturday's hours. */
      saturday: dayHours.optional(),
      /** Sunday's hours. */
      sunday: dayHours.optional(),
    }),
    /** A note under the hours, e.g. "Closed on federal holidays". */
    hoursNote: text.max(160).optional(),
    /** Programs offered here (entries in `programs`). */
    programs: z.array(reference('programs')).min(1),
    /** Whether sessions by secure video are offered from this location. */
    telehealth: z.boolean(),
    /** Where to park, and what it costs. */
    parking: text.max(300).optional(),
    /** How to get here by bus or train. */
    transit: text.max(300).optional(),
    /** The state licences this location holds, each with the agency's own lookup. */
    licenses: z.array(credential).default([]),
    /** Position in location lists (lower first). */
    order: z.number().int().default(100),
  }),
});

const people = defineCollection({
  loader: glob({ pattern: '**/*.{yaml,yml,json}', base: './src/content/people' }),
  schema: ({ image }) =>
    z
      .object({
        /** A person's full name, or a role such as "Clinical review team". */
        name: text,
        /** Whether this entry is a real person (who gets a profile at /team/<slug>/) or a role that stands for several people (no page). */
        kind: z.enum(['person', 'role']),
        /** Degrees and licences as written after the name, e.g. ["MD", "LCSW"]. */
        credentials: z.array(text).default([]),
        /** Job title shown under the name; a person's role on their profile (JSON-LD jobTitle). */
        jobTitle: text.optional(),
        /** One or two sentences about them, in plain words. */
        bio: text,
        /** Only people allowed here may be named as an article's medical reviewer. */
        reviewsClinicalContent: z.boolean().default(false),
        /** A person's licence to practise, shown on their profile; roles have none. */
        license: license.optional(),
        /** An optional portrait on a person's profile, processed by astro:assets. */
        photo: z.object({ image: image(), alt: text }).optional(),
      })
      .refine((p) => p.kind === 'person' || (!p.license && !p.photo), {
        message: 'a role has no licence or photo: give the person an entry of their own (kind: person)',
        path: ['kind'],
      }),
});

/** Kinds of health plan an insurer sells, as insurance cards name them. */
export const PLAN_TYPES = [
  'HMO',
  'PPO',
  'EPO',
  'POS',
  'Medicare Advantage',
  'Medicaid managed care',
] as const;

const insurers = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './src/content/insurers' }),
  schema: z.object({
    /** The insurer as its members know it, e.g. "Blue Cross Blue Shield of Illinois". */
    name: text.max(80),
    /** The kinds of its plans the center takes, e.g. [PPO, HMO]. */
    planTypes: z.array(z.enum(PLAN_TYPES)).min(1),
    /** Whether the center is in this insurer's network ("in") or bills it out of network ("out"). */
    network: z.enum(['in', 'out']),
    /** One or two plain sentences for visitors: referrals, prior approval, what out of network means here. */
    notes: text.max(300).optional(),
  }),
});

const topics = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: './src/content/topics' }),
  schema: z.object({
    /** How the topic is named on pages. */
    label: text.max(40),
    /** The topic page's meta description. */
    description,
    /** The broader topic this one sits under, e.g. a WordPress sub-category's parent. */
    parent: reference('topics').optional(),
  }),
});

const programs = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/programs' }),
  schema: z.object({
    /** Page title, e.g. "Intensive Outpatient Program (IOP)". */
    title,
    /** Meta description and the summary on program lists. */
    description,
    /** Short name used in tables and links, e.g. "IOP". */
    shortName: text.max(24),
    /** Level of care, from least to most intensive. */
    levelOfCare: z.enum(['outpatient', 'intensive-outpatient', 'partial-hospitalization', 'residential']),
    /** Typical hours of treatment a week. */
    hoursPerWeek: range(168),
    /** Days with treatment a week; 0.5 means every other week. */
    daysPerWeek: range(7),
    /** Length of one session, in hours. */
    hoursPerSession: range(24),
    /** What the program includes, e.g. "Group therapy". */
    services: z.array(text).min(1),
    /** Therapeutic approaches used, e.g. "Cognitive behavioral therapy (CBT)". */
    therapies: z.array(text).min(1),
    /** What the program aims to achieve, most important first. */
    goals: z.array(text).min(1),
    /** Who the program tends to fit. */
    suitedFor: z.array(text).min(1),
    /** Who should look at another level of care instead. */
    notSuitedFor: z.array(text).min(1),
    /** Position in program lists and tables (lower first). */
    order: z.number().int().default(100),
  }),
});

/**
 * glob(), except that each article's reading time is counted from its MDX source when the
 * entry is stored, and the source itself is not kept. Pages render articles from their
 * compiled modules; a copy of every source in the data store is bundled into the build
 * (about 8 kB an article) and was needed only to count words.
 */
function articlesLoader(): Loader {
  const source = glob({ pattern: '**/*.{md,mdx}', base: './src/content/articles' });
  return {
    name: 'articles',
    load: (context) => {
      const store = new Proxy(context.store, {
        get(target, property, receiver) {
          if (property !== 'set') return Reflect.get(target, property, receiver) as unknown;
          return (entry: Parameters<typeof target.set>[0]) =>
            target.set({
              ...entry,
              data: { ...entry.data, readingMinutes: readingMinutes(entry.body ?? '') },
              body: undefined,
            });
        },
      });
      return source.load({ ...context, store });
    },
  };
}

/**
 * Article fields, built once: Astro calls the schema function below for every entry (to
 * give it an `image()` that resolves from that entry's folder); building every field anew
 * for each entry cost about 2 s of the content sync of 5,000 articles (CPU profile).
 */
const articleFields = {
  /** Headline, and the page title unless `seoTitle` is set; at most 60 characters without one. */
  title: text,
  /** Page title in search results, when the headline is too long for them. */
  seoTitle: title.optional(),
  /** Meta description and the summary on article lists; 70-160 characters once published (a draft may have none yet). */
  description: z.string().trim().max(160),
  /** First publication date. */
  publishedAt: z.coerce.date(),
  /** Last substantive edit, when there was one. */
  updatedAt: z.coerce.date().optional(),
  /** Who wrote it (an entry in `people`). */
  author: reference('people'),
  /** Who checked it clinically (an entry in `people` allowed to review); drafts may lack one. */
  reviewer: reference('people').optional(),
  /** When the clinical review was last done; drafts may lack it. */
  reviewedAt: z.coerce.date().optional(),
  /** Topics the article belongs to (entries in `topics`); at least one once published. */
  topics: z.array(reference('topics')).default([]),
  /** Programs the article points readers to (entries in `programs`). */
  programs: z.array(reference('programs')).default([]),
  /** Drafts are built nowhere, so they may lack what only a published page needs. */
  draft: z.boolean().default(false),
  /** Keep the page out of search results and the sitemap (e.g. Yoast's noindex). */
  noindex: z.boolean().default(false),
  /**
   * Minutes to read, counted by the loader from the text (src/lib/reading-time.ts)
   * when the entry is stored; not written in frontmatter.
   */
  readingMinutes: z.number().int().positive().optional(),
};

const articles = defineCollection({
  loader: articlesLoader(),
  schema: ({ image }) =>
    z
      .object({
        ...articleFields,
        /** Optional lead image, processed by astro:assets. */
        hero: z.object({ image: image(), alt: text }).optional(),
      })
      .superRefine((a, ctx) => {
        if (a.draft) return;
        const problem = (path: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: [path], message });
        if ((a.seoTitle ?? a.title).length > 60)
          problem('title', 'a published title must be at most 60 characters: shorten it or add seoTitle');
        if (a.description.length < 70)
          problem('description', 'a published description needs at least 70 characters');
        if (a.topics.length === 0) problem('topics', 'a published article needs at least one topic');
        if (!a.reviewer) problem('reviewer', 'a published article needs a clinical reviewer');
        if (!a.reviewedAt) problem('reviewedAt', 'a published article needs the date of its clinical review');
      })
      .refine((a) => !a.updatedAt || a.updatedAt >= a.publishedAt, {
        message: 'updatedAt must not be before publishedAt',
        path: ['updatedAt'],
      })
      .refine((a) => !a.reviewedAt || a.reviewedAt.getTime() <= Date.now(), {
        message: 'reviewedAt must not be in the future',
        path: ['reviewedAt'],
      }),
});

/** Plain-prose pages such as the privacy notice, written by editors in MDX. */
const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './src/content/pages' }),
  schema: z.object({
    /** Page title. */
    title,
    /** Meta description. */
    description,
    /** When the page last changed in substance. */
    updatedAt: z.coerce.date(),
    /** A notice template counsel has not replaced yet: the page says so, and a production build refuses it. */
    template: z.boolean().default(false),
  }),
});

/** What to have with you for the assessment, listed on /admissions/. */
const whatToBring = defineCollection({
  loader: file('src/content/admissions/what-to-bring.yaml'),
  schema: z.object({
    /** The thing to bring, as a short phrase, e.g. "A photo ID". */
    item: text.max(80),
    /** One sentence on why it helps or what counts, in plain words. */
    detail: text.max(200).optional(),
    /** Position in the list (lower first). */
    order: z.number().int(),
  }),
});

export const collections = { people, topics, programs, articles, pages, whatToBring, locations, insurers };
