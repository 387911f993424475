/**
 * A coverage check as admissions receives it: the encrypted payload, and the `data` of
 * the webhook body (with nulls for what the visitor left empty).
 */
import * as v from 'valibot';
import { CALL_TIMES, type CallTime } from '../../../callback/fields.ts';
import { POLICYHOLDERS, US_STATES, type Policyholder, type UsState } from './fields.ts';

export interface InsuranceRecord {
  kind: 'insurance';
  id: string;
  receivedAt: string;
  name: string;
  phone: string;
  email: string | null;
  dateOfBirth: string;
  /** The insurer as the visitor chose it; `other` has the name they typed in `insurerOther`. */
  insurer: { slug: string; name: string };
  insurerOther: string | null;
  /** Upper-case, no spaces. */
  memberId: string;
  groupNumber: string | null;
  policyholder: Policyholder;
  policyholderName: string | null;
  policyholderDateOfBirth: string | null;
  state: UsState | null;
  callTime: CallTime;
  consent: { version: string; at: string };
  page: string | null;
}

const Iso = v.pipe(v.string(), v.isoTimestamp());
const Day = v.pipe(v.string(), v.isoDate());

export const InsuranceRecordSchema = v.object({
  kind: v.literal('insurance'),
  id: v.string(),
  receivedAt: Iso,
  name: v.string(),
  phone: v.pipe(v.string(), v.regex(/^\+1\d{10}$/)),
  email: v.nullable(v.string()),
  dateOfBirth: Day,
  insurer: v.object({ slug: v.string(), name: v.string() }),
  insurerOther: v.nullable(v.string()),
  memberId: v.string(),
  groupNumber: v.nullable(v.string()),
  policyholder: v.picklist(POLICYHOLDERS),
  policyholderName: v.nullable(v.string()),
  policyholderDateOfBirth: v.nullable(Day),
  state: v.nullable(v.picklist(US_STATES)),
  callTime: v.picklist(CALL_TIMES),
  consent: v.object({ version: v.string(), at: Iso }),
  page: v.nullable(v.string()),
});
