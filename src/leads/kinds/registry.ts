/**
 * Every request kind, by name: the one registration a new kind needs (with its folder
 * and its function file). The pipeline finds a stored lead's kind here by the record's
 * `kind` (absent: a callback, as every lead stored before kinds existed).
 */
import { callbackKind } from './callback/index.ts';
import { insuranceKind } from './insurance/index.ts';
import { DEFAULT_KIND, type BaseRecord, type KindName, type KindValue, type LeadKind } from './kind.ts';

/** A kind whose value and record types are its own business. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = LeadKind<KindValue, any>;

export const KINDS: Record<KindName, AnyKind> = {
  callback: callbackKind,
  insurance: insuranceKind,
};

export const kindNamed = (name: KindName): AnyKind => KINDS[name];

/** The kind a stored record belongs to. */
export const kindOf = (record: Pick<BaseRecord, 'kind'>): AnyKind => KINDS[record.kind ?? DEFAULT_KIND];
