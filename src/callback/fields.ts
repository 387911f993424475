/**
 * Field names, limits and choices of the callback form (see /work/shared/callback-contract.md).
 * Browser-safe and dependency-free: the form, its script, the schema and the server all read
 * these, so a limit changes in one place.
 */

/** Fields a person fills in; each can carry a message shown next to it. */
export const VISIBLE_FIELDS = [
  'name',
  'phone',
  'email',
  'callTime',
  'forWhom',
  'program',
  'voicemail',
  'texts',
  'consent',
] as const;
export type VisibleField = (typeof VISIBLE_FIELDS)[number];

/**
 * Fields the page or its script sets. `page` is our addition to the contract: a hidden
 * input with the form page's path, so the lead records where it came from even when the
 * browser sends no Referer. `fillMs` and `submissionId` come only from the script.
 * `startedAt` (a wall-clock time, before issue 12) is no longer a field: like any unknown
 * field it is dropped unread.
 */
export const HIDDEN_FIELDS = ['website', 'fillMs', 'submissionId', 'page'] as const;
export type HiddenField = (typeof HIDDEN_FIELDS)[number];

export const FIELD_NAMES = [...VISIBLE_FIELDS, ...HIDDEN_FIELDS] as const;
export type FieldName = VisibleField | HiddenField;

export const LIMITS = {
  /** Characters (Unicode code points) after trimming. */
  nameMax: 100,
  /** RFC 5321 path limit. */
  emailMax: 254,
  /** Longer than any real way of writing a US number with spaces and punctuation. */
  phoneMax: 40,
  // Stored in readable metadata too, which Netlify Blobs caps at 2 KB.
  pageMax: 256,
} as const;

export const CALL_TIMES = ['morning', 'afternoon', 'evening', 'anytime'] as const;
export type CallTime = (typeof CALL_TIMES)[number];
export const DEFAULT_CALL_TIME: CallTime = 'anytime';

export const FOR_WHOM = ['self', 'loved-one'] as const;
export type ForWhom = (typeof FOR_WHOM)[number];

/** The value a ticked checkbox posts (`voicemail`, `texts`, `consent`). */
export const YES = 'yes';
