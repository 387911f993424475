/**
 * The email admissions receives for a lead, and the one that reports a failed channel.
 * Pure: the SMTP channel sends these and the local inbox writes them as .eml files, so
 * both show exactly the same message.
 *
 * The subject (the kind's) names no person and no condition ("New callback request 1a2b3c4d"): it
 * shows on lock screens and in shared inbox lists. The details are in the body only.
 * The Message-ID comes from the lead id, so a retried send is the same message to mail
 * clients and a receiving system can deduplicate on it. Times are in the center's time
 * zone (site.timeZone, see ./center-time.ts), the zone named.
 */
import { escapeHtml } from '../intake/answer-html.ts';
import { kindOf } from '../kinds/registry.ts';
import type { StoredRecord } from '../storage/record.ts';
import { centerTime } from './center-time.ts';
import { shortId, type DeliveryFailure } from './channel.ts';
import { displayPhone } from './labels.ts';

export interface MailAddresses {
  from: string;
  to: readonly string[];
}

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

// Marks the message as machine-sent so out-of-office replies stay away from it.
const AUTOMATED = { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' };

/** The domain of the From address, for Message-IDs; a reserved name when there is none. */
export function messageDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from.trim());
  return match ? match[1]!.toLowerCase() : 'callback.invalid';
}

/** `timeZone` defaults to the center's (site.timeZone). The kind gives subject and details. */
export function leadMail(lead: StoredRecord, addresses: MailAddresses, timeZone?: string): MailMessage {
  const kind = kindOf(lead);
  const { subject, intro, rows } = kind.mail(lead, timeZone);
  const tel = `tel:${lead.phone}`;
  const text = [
    intro,
    '',
    ...rows.map(([label, value]) => `${label}: ${value}`),
    '',
    `Call: ${tel}`,
    '',
    'This message holds health information. Do not forward it outside admissions.',
  ].join('\n');
  const cells = rows
    .map(([label, value]) => {
      const shown =
        label === 'Phone' ? `<a href="${escapeHtml(tel)}">${escapeHtml(value)}</a>` : escapeHtml(value);
      return `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${shown}</td></tr>`;
    })
    .join('\n');
  const html = [
    '<!doctype html><html><body>',
    `<p>${escapeHtml(intro)}</p>`,
    `<table cellpadding="4">\n${cells}\n</table>`,
    `<p><a href="${escapeHtml(tel)}">Call ${escapeHtml(displayPhone(lead.phone))}</a></p>`,
    '<p>This message holds health information. Do not forward it outside admissions.</p>',
    '</body></html>',
  ].join('\n');
  return {
    from: addresses.from,
    to: [...addresses.to],
    subject,
    messageId: `<${kind.messageIdPrefix}-${lead.id}@${messageDomain(addresses.from)}>`,
    text,
    html,
    headers: { ...AUTOMATED, 'X-Callback-Lead-Id': lead.id },
  };
}

export function failureMail(
  failure: DeliveryFailure,
  addresses: MailAddresses,
  timeZone?: string,
): MailMessage {
  const lines = [
    `The ${failure.channel} channel could not deliver callback request ${failure.leadId}`,
    `for 24 hours (${failure.attempts} attempts, last error: ${failure.lastError ?? 'unknown'}).`,
    `It gave up at ${centerTime(failure.failedAt, timeZone)}.`,
    '',
    'The request is still stored, encrypted. To see it and send it again:',
    `  npm run leads -- show ${failure.leadId}`,
    `  npm run leads -- retry ${failure.leadId}`,
  ];
  return {
    from: addresses.from,
    to: [...addresses.to],
    subject: `Callback delivery failed ${shortId(failure.leadId)}`,
    messageId: `<failed-${failure.channel}-${failure.leadId}@${messageDomain(addresses.from)}>`,
    text: lines.join('\n'),
    html: `<!doctype html><html><body><pre>${escapeHtml(lines.join('\n'))}</pre></body></html>`,
    headers: { ...AUTOMATED, 'X-Callback-Lead-Id': failure.leadId },
  };
}
