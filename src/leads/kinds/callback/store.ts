/** Stores a validated callback: the one pipeline's store step with the callback kind. */
import type { Callback } from '../../../callback/schema.ts';
import { storeRequest, type IntakeDeps, type IntakeResult } from '../../storage/store-lead.ts';
import { callbackKind } from './index.ts';

export function storeLead(
  deps: IntakeDeps,
  callback: Callback,
  receivedAt: Date,
  page: string | null,
): Promise<IntakeResult> {
  return storeRequest(deps, callbackKind, callback, receivedAt, page);
}
