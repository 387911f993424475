/** The coverage check's delivery half: reading its records and sending them (no schema here). */
import { centerTime } from '../../channels/center-time.ts';
import { shortId } from '../../channels/channel.ts';
import { CALL_TIME_LABELS, displayPhone } from '../../channels/labels.ts';
import type { KindDelivery } from '../kind.ts';
import type { Policyholder } from './fields.ts';
import { InsuranceRecordSchema, type InsuranceRecord } from './record.ts';

const HOLDER_LABELS: Record<Policyholder, string> = {
  self: 'The visitor',
  spouse: 'Their spouse or partner',
  parent: 'Their parent',
  other: 'Someone else',
};

export const insuranceDelivery: KindDelivery<InsuranceRecord> = {
  name: 'insurance',
  recordSchema: InsuranceRecordSchema,
  webhookEvent: 'insurance.verification_requested',
  webhookData: (lead) => ({
    id: lead.id,
    receivedAt: lead.receivedAt,
    name: lead.name,
    phone: lead.phone,
    email: lead.email,
    dateOfBirth: lead.dateOfBirth,
    insurer: { slug: lead.insurer.slug, name: lead.insurer.name },
    insurerOther: lead.insurerOther,
    memberId: lead.memberId,
    groupNumber: lead.groupNumber,
    policyholder: lead.policyholder,
    policyholderName: lead.policyholderName,
    policyholderDateOfBirth: lead.policyholderDateOfBirth,
    state: lead.state,
    callTime: lead.callTime,
    consent: { version: lead.consent.version, at: lead.consent.at },
    page: lead.page,
  }),
  mail: (lead, timeZone) => ({
    subject: `New coverage check ${shortId(lead.id)}`,
    intro: 'A visitor asked us to check their insurance coverage and call back with the answer.',
    rows: [
      ['Name', lead.name],
      ['Phone', displayPhone(lead.phone)],
      ['Email', lead.email ?? 'not given'],
      ['Date of birth', lead.dateOfBirth],
      [
        'Insurance company',
        lead.insurerOther ? `${lead.insurer.name}: ${lead.insurerOther}` : lead.insurer.name,
      ],
      ['Member ID', lead.memberId],
      ['Group number', lead.groupNumber ?? 'not given'],
      ['Plan holder', HOLDER_LABELS[lead.policyholder]],
      ...(lead.policyholder === 'self'
        ? []
        : ([
            ["Plan holder's name", lead.policyholderName ?? 'not given'],
            ["Plan holder's date of birth", lead.policyholderDateOfBirth ?? 'not given'],
          ] as [string, string][])),
      ['State', lead.state ?? 'not given'],
      ['Best time to call', CALL_TIME_LABELS[lead.callTime]],
      [
        'Consent',
        `agreed to consent text ${lead.consent.version} at ${centerTime(lead.consent.at, timeZone)}`,
      ],
      ['Sent from page', lead.page ?? 'unknown'],
      ['Received', centerTime(lead.receivedAt, timeZone)],
      ['Lead id', lead.id],
    ],
  }),
  messageIdPrefix: 'insurance',
  report: (record) => [
    `  name      ${record.name}`,
    `  phone     ${record.phone}`,
    `  email     ${record.email ?? '-'}`,
    `  born      ${record.dateOfBirth}`,
    `  insurer   ${record.insurer.slug}${record.insurerOther ? ` (${record.insurerOther})` : ''}`,
    `  member    ${record.memberId}`,
    `  group     ${record.groupNumber ?? '-'}`,
    `  holder    ${record.policyholder}${record.policyholderName ? ` ${record.policyholderName} ${record.policyholderDateOfBirth}` : ''}`,
    `  state     ${record.state ?? '-'}`,
    `  call      ${record.callTime}`,
    `  consent   ${record.consent.version} at ${record.consent.at}`,
    `  page      ${record.page ?? 'unknown'}`,
  ],
};
