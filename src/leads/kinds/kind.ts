/**
 * A request kind: what differs between a callback request, a coverage check and any kind
 * added later. Everything else (guards, body limit, parsing, rate limit, screening,
 * sealing, idempotency, storage, delivery, retries, alerts, retention, the operator
 * command, logging) is one piece of code in ../intake, ../storage, ../delivery and
 * ../channels that takes a kind and never looks inside its fields.
 *
 * A kind is one folder under src/leads/kinds/: `delivery.ts` (its `KindDelivery`,
 * registered once in ./registry.ts) and `index.ts` (the whole `LeadKind`, which its
 * function file netlify/functions/<kind>.mts hands to the pipeline).
 */
import type * as v from 'valibot';

export const KIND_NAMES = ['callback', 'insurance'] as const;
export type KindName = (typeof KIND_NAMES)[number];
/** Leads stored before kinds existed carry none: they are callbacks. */
export const DEFAULT_KIND: KindName = 'callback';

/** What every stored record has, whatever its kind. */
export interface BaseRecord {
  /** Absent on callbacks (as on every lead stored before kinds existed). */
  kind?: KindName;
  id: string;
  /** ISO 8601, UTC. */
  receivedAt: string;
  /** E.164: the number admissions calls back. */
  phone: string;
  consent: { version: string; at: string };
  page: string | null;
}

/** The site's lists a schema checks against (program slugs, insurer slugs), from the wiring. */
export interface KindOptions {
  programSlugs?: readonly string[] | undefined;
  insurerSlugs?: readonly string[] | undefined;
  /** The request's arrival: "today" for rules such as a date of birth not in the future. */
  now?: Date | undefined;
}

/** Validated values: the hidden fields every kind has, and its own. */
export interface KindValue {
  website: string;
  fillMs?: number | undefined;
  submissionId?: string | undefined;
  page?: string | undefined;
}

export type KindValidation<V> = { ok: true; value: V } | { ok: false; errors: Record<string, string> };

/** The email admissions receives, minus the envelope: the channel adds From, To and headers. */
export interface KindMail {
  subject: string;
  /** One sentence above the details. */
  intro: string;
  /** Label and value, in the order admissions works through them. */
  rows: [string, string][];
}

/**
 * What delivery needs of a kind: reading its stored records and sending them. Kept apart
 * from the intake half (the schema), so the scheduled delivery function bundles no schema
 * and no phone-number metadata.
 */
export interface KindDelivery<R extends BaseRecord> {
  readonly name: KindName;
  /** Checks a decrypted record before anything trusts it. */
  readonly recordSchema: v.GenericSchema<unknown, R>;
  /** The webhook's `type` and `data`. */
  readonly webhookEvent: string;
  webhookData(record: R): Record<string, unknown>;
  mail(record: R, timeZone: string | undefined): KindMail;
  /** `Message-ID` starts `<prefix>-<lead id>@`, the same on every retry. */
  readonly messageIdPrefix: string;
  /** Lines for `npm run leads -- show` (decrypted: a terminal, never a ticket). */
  report(record: R): string[];
}

/** A whole kind: its delivery half and what intake needs (schema, record, answers' paths). */
export interface LeadKind<V extends KindValue, R extends BaseRecord> extends KindDelivery<R> {
  /** Where the form is, and where an accepted form post goes. */
  readonly formPath: string;
  readonly thanksPath: string;
  /** "callback form": what a visitor reads when this address is used wrongly. */
  readonly formName: string;
  /** "ask for a callback": what the form is for, in the same text. */
  readonly purpose: string;
  readonly consentVersion: string;
  /** Fields a person fills in, in form order: 422 messages come in this order. */
  readonly visibleFields: readonly string[];
  /** Every field the kind reads (visible and hidden); the body parser drops all others. */
  readonly fieldNames: readonly string[];
  validate(fields: unknown, options: KindOptions): KindValidation<V>;
  /** The record admissions receives. List fields one by one: nothing is stored by accident. */
  buildRecord(input: { id: string; receivedAt: Date; value: V; page: string | null }): R;
  /** Tag and canonical text of the submitted values, for the idempotency hash. */
  readonly submissionTag: string;
  submissionText(record: R): string;
}
