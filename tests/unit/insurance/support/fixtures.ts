/**
 * Coverage check submissions for the insurance tests; requests, keys, stores and loggers
 * come from the callback tests' support (../../callback/support/).
 */
import { handleLead } from '../../../../src/leads/intake/handler.ts';
import { insuranceKind } from '../../../../src/leads/kinds/insurance/index.ts';
import type { CallbackDeps } from '../../../../src/leads/intake/handler.ts';

/** A complete, valid coverage check whose values are easy to search for. */
export const VALID_INSURANCE = {
  name: 'Marisol Quintanilla-Björk',
  phone: '(415) 555-2671',
  email: 'marisol.quintanilla@example.org',
  dateOfBirth: '1987-06-19',
  insurer: 'sample-blue-plan',
  memberId: 'xqz 7741-9023',
  groupNumber: 'GRP-55821',
  policyholder: 'spouse',
  policyholderName: 'Teodoro Quintanilla',
  policyholderDateOfBirth: '1984-11-02',
  state: 'ca',
  callTime: 'morning',
  consent: 'yes',
  page: '/insurance/',
} as const;

/** Strings that must never appear in storage, answers or logs. */
export const INSURANCE_SECRETS = [
  'Marisol',
  'Quintanilla',
  'Björk',
  'Teodoro',
  '4155552671',
  '555-2671',
  'marisol.quintanilla',
  'example.org',
  '1987-06-19',
  '1984-11-02',
  'XQZ7741',
  'xqz 7741',
  '7741-9023',
  'GRP-55821',
  '55821',
];

export const handleInsurance = (request: Request, ip: string | null, deps: CallbackDeps): Promise<Response> =>
  handleLead(insuranceKind, request, ip, deps);
