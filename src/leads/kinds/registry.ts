/**
 * Every request kind, by name: the one registration a new kind needs (with its folder
 * and its function file). Delivery finds a stored lead's kind here by the record's
 * `kind` (absent: a callback, as every lead stored before kinds existed). Only the
 * delivery half is registered: the function files hand intake the whole kind.
 */
import { callbackDelivery } from './callback/delivery.ts';
import { insuranceDelivery } from './insurance/delivery.ts';
import {
  DEFAULT_KIND,
  type BaseRecord,
  type KindDelivery,
  type KindName,
  type KindValue,
  type LeadKind,
} from './kind.ts';

/** A kind whose value and record types are its own business. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = LeadKind<KindValue, any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDelivery = KindDelivery<any>;

export const KINDS: Record<KindName, AnyDelivery> = {
  callback: callbackDelivery,
  insurance: insuranceDelivery,
};

/** The kind a stored record belongs to. */
export const kindOf = (record: Pick<BaseRecord, 'kind'>): AnyDelivery => KINDS[record.kind ?? DEFAULT_KIND];
