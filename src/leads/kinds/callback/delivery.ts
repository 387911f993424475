/** The callback's delivery half: reading its records and sending them (no schema here). */
import { centerTime } from '../../channels/center-time.ts';
import { shortId } from '../../channels/channel.ts';
import { CALL_TIME_LABELS, FOR_WHOM_LABELS, displayPhone, programLabel } from '../../channels/labels.ts';
import type { KindDelivery } from '../kind.ts';
import { LeadRecordSchema, type LeadRecord } from './record.ts';

const yesNo = (allowed: boolean, yes: string, no: string) => (allowed ? yes : no);

export const callbackDelivery: KindDelivery<LeadRecord> = {
  name: 'callback',
  recordSchema: LeadRecordSchema,
  webhookEvent: 'callback.requested',
  webhookData: (lead) => ({
    id: lead.id,
    receivedAt: lead.receivedAt,
    name: lead.name,
    phone: lead.phone,
    email: lead.email,
    callTime: lead.callTime,
    forWhom: lead.forWhom,
    program: lead.program,
    voicemail: lead.voicemail,
    texts: lead.texts,
    consent: { version: lead.consent.version, at: lead.consent.at },
    page: lead.page,
  }),
  mail: (lead, timeZone) => ({
    subject: `New callback request ${shortId(lead.id)}`,
    intro: 'A visitor asked for a confidential callback.',
    rows: [
      ['Name', lead.name],
      ['Phone', displayPhone(lead.phone)],
      ['Email', lead.email ?? 'not given'],
      ['Best time to call', CALL_TIME_LABELS[lead.callTime]],
      ['Calling about', lead.forWhom ? FOR_WHOM_LABELS[lead.forWhom] : 'not said'],
      ['Program of interest', lead.program ? programLabel(lead.program) : 'not chosen'],
      ['Voicemail', yesNo(lead.voicemail, 'may leave a voicemail', 'do NOT leave a voicemail')],
      ['Text messages', yesNo(lead.texts, 'welcome', 'do NOT text')],
      [
        'Consent',
        `agreed to consent text ${lead.consent.version} at ${centerTime(lead.consent.at, timeZone)}`,
      ],
      ['Sent from page', lead.page ?? 'unknown'],
      ['Received', centerTime(lead.receivedAt, timeZone)],
      ['Lead id', lead.id],
    ],
  }),
  messageIdPrefix: 'callback',
  report: (record) => [
    `  name      ${record.name}`,
    `  phone     ${record.phone}`,
    `  email     ${record.email ?? '-'}`,
    `  call      ${record.callTime}`,
    `  for       ${record.forWhom ?? '-'}`,
    `  program   ${record.program ?? '-'}`,
    `  voicemail ${record.voicemail ? 'yes' : 'no'}`,
    `  texts     ${record.texts ? 'yes' : 'no'}`,
    `  consent   ${record.consent.version} at ${record.consent.at}`,
    `  page      ${record.page ?? 'unknown'}`,
  ],
};
