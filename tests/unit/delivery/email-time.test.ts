/**
 * Times in the emails admissions reads: the center's own time zone (site.timeZone), the
 * zone named, across daylight saving time; the webhook's JSON stays ISO UTC.
 */
import { describe, expect, it } from 'vitest';
import { centerTime } from '../../../src/leads/channels/center-time.ts';
import { failureMail, leadMail } from '../../../src/leads/channels/email-message.ts';
import { failureMessage, leadMessage } from '../../../src/leads/channels/webhook-payload.ts';
import { site } from '../../../src/site.config.ts';
import { makeLead } from './support/leads.ts';

const ADDRESSES = { from: 'Callback requests <callbacks@center.test>', to: ['admissions@center.test'] };

// The site's zone is America/Los_Angeles; New York shows that the setting is what counts.
describe.each([
  ['winter', '2026-01-15T17:30:00.000Z', 'America/Los_Angeles', 'Thu, Jan 15, 2026, 9:30 AM PST'],
  ['summer', '2026-07-15T17:30:00.000Z', 'America/Los_Angeles', 'Wed, Jul 15, 2026, 10:30 AM PDT'],
  ['winter', '2026-01-15T17:30:00.000Z', 'America/New_York', 'Thu, Jan 15, 2026, 12:30 PM EST'],
  ['summer', '2026-07-15T17:30:00.000Z', 'America/New_York', 'Wed, Jul 15, 2026, 1:30 PM EDT'],
])('%s instant %s in %s', (_, iso, zone, shown) => {
  const lead = makeLead({ receivedAt: iso, consent: { version: 'c1-14ab5db63891', at: iso } });

  it('formats as local time with the zone named, plain spaces only', () => {
    expect(centerTime(iso, zone)).toBe(shown);
    expect(centerTime(new Date(iso), zone)).toBe(shown);
  });

  it('the lead email gives when it arrived and when consent was given in that zone, text and HTML', () => {
    const mail = leadMail(lead, ADDRESSES, zone);
    expect(mail.text).toContain(`Received: ${shown}`);
    expect(mail.text).toContain(`agreed to consent text c1-14ab5db63891 at ${shown}`);
    expect(mail.html).toContain(`<td>${shown}</td>`);
    expect(mail.html).toContain(`at ${shown}`);
    expect(`${mail.text}${mail.html}`).not.toContain(iso.slice(0, 16));
  });

  it('the failure email gives when the channel gave up in that zone', () => {
    const failure = {
      leadId: lead.id,
      channel: 'webhook' as const,
      attempts: 27,
      lastError: null,
      failedAt: new Date(iso),
    };
    const mail = failureMail(failure, ADDRESSES, zone);
    expect(mail.text).toContain(`It gave up at ${shown}.`);
    expect(mail.html).toContain(`It gave up at ${shown}.`);
    expect(mail.text).not.toContain(iso.slice(0, 16));
  });

  it('the webhook, which a program parses, keeps ISO UTC', () => {
    const body = JSON.parse(leadMessage(lead).body) as {
      timestamp: string;
      data: { receivedAt: string; consent: { at: string } };
    };
    expect([body.timestamp, body.data.receivedAt, body.data.consent.at]).toEqual([iso, iso, iso]);
    const failure = {
      leadId: lead.id,
      channel: 'email' as const,
      attempts: 1,
      lastError: null,
      failedAt: new Date(iso),
    };
    expect((JSON.parse(failureMessage(failure).body) as { timestamp: string }).timestamp).toBe(iso);
  });
});

describe('the site setting', () => {
  it('is an IANA zone the runtime knows, used when no zone is given', () => {
    expect(new Intl.DateTimeFormat('en-US', { timeZone: site.timeZone }).resolvedOptions().timeZone).toBe(
      site.timeZone,
    );
    const iso = '2026-07-15T17:30:00.000Z';
    expect(leadMail(makeLead({ receivedAt: iso }), ADDRESSES).text).toContain(
      `Received: ${centerTime(iso, site.timeZone)}`,
    );
    expect(site.timeZone).toBe('America/Los_Angeles');
    expect(centerTime(iso)).toBe('Wed, Jul 15, 2026, 10:30 AM PDT');
  });

  it('a stored time that does not parse is shown as stored, not hidden', () => {
    expect(centerTime('not a time')).toBe('not a time');
  });
});
