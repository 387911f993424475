/**
 * The email channel against a real SMTP server (smtp-server) on 127.0.0.1.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../../src/leads/channels/email.ts';
import { closedPort } from '../callback/support/blobs.ts';
import { makeLead, T0 } from './support/leads.ts';
import { decodeQuotedPrintable, startSmtp, type TestSmtp } from './support/smtp.ts';

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.stop();
});
beforeEach(() => {
  smtp.reset();
});

const FROM = 'Callback requests <callbacks@center.test>';
const channel = (options: { url?: string; to?: string[]; onPartial?: (id: string) => void } = {}) =>
  createEmailChannel({
    smtpUrl: options.url ?? smtp.url,
    to: options.to ?? ['admissions@center.test', 'intake@center.test'],
    from: FROM,
    timeoutMs: 2_000,
    ...(options.onPartial && { onPartial: options.onPartial }),
  });

describe('email channel', () => {
  it('sends one message to every admissions address with a neutral subject and a lead-based Message-ID', async () => {
    const lead = makeLead();
    expect(await channel().deliver(lead)).toEqual({ outcome: 'delivered' });
    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail!.from).toBe('callbacks@center.test');
    expect(mail!.to).toEqual(['admissions@center.test', 'intake@center.test']);
    expect(mail!.headers.get('subject')).toBe(`New callback request ${lead.id.slice(0, 8)}`);
    expect(mail!.headers.get('message-id')).toBe(`<callback-${lead.id}@center.test>`);
    expect(mail!.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('puts the details in a text and an HTML body: tel: link, call window, permissions, program, consent', async () => {
    const lead = makeLead({ voicemail: true, texts: false, callTime: 'evening' });
    await channel().deliver(lead);
    const raw = smtp.messages[0]!.raw;
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain/);
    expect(raw).toMatch(/Content-Type: text\/html/);
    const text = decodeQuotedPrintable(raw);
    expect(text).toContain('tel:+14155552671');
    expect(text).toContain('<a href="tel:+14155552671">');
    expect(text).toContain('(415) 555-2671');
    expect(text).toContain('Evening (5 pm to 8 pm)');
    expect(text).toContain('Voicemail: may leave a voicemail');
    expect(text).toContain('Text messages: do NOT text');
    expect(text).toContain('Program of interest: Intensive outpatient');
    // T0 is 15:00 UTC on March 2, 2026: 7 am in the center's zone (site.timeZone), before DST.
    expect(text).toContain('agreed to consent text c1-14ab5db63891 at Mon, Mar 2, 2026, 7:00 AM PST');
    expect(text).toContain('Received: Mon, Mar 2, 2026, 7:00 AM PST');
    expect(text).toContain('Marisol Quintanilla-Bj');
  });

  it('the subject never carries the name, the phone number or the program', async () => {
    const lead = makeLead();
    await channel().deliver(lead);
    const subject = smtp.messages[0]!.headers.get('subject')!;
    for (const value of ['Marisol', '4155552671', 'outpatient', 'intensive'])
      expect(subject).not.toContain(value);
  });

  it('escapes HTML in what the visitor typed', async () => {
    await channel().deliver(makeLead({ name: '<script>alert(1)</script>' }));
    const html = decodeQuotedPrintable(smtp.messages[0]!.raw).split('Content-Type: text/html')[1]!;
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;');
  });

  it.each([
    ['refuses the recipient', 'refuse_recipient', /^(smtp_550|rejected)$/],
    ['drops the connection mid-message', 'drop', /^connection$/],
  ] as const)('retries when the server %s', async (_, fault, code) => {
    smtp.setFault(fault);
    const result = await channel({ to: ['admissions@center.test'] }).deliver(makeLead());
    expect(result.outcome).toBe('retry');
    expect(result.outcome === 'retry' && result.code).toMatch(code);
    expect(smtp.messages).toHaveLength(0);
  });

  it('retries when nothing listens', async () => {
    const url = `smtp://127.0.0.1:${await closedPort()}`;
    expect(await channel({ url }).deliver(makeLead())).toEqual({ outcome: 'retry', code: 'connection' });
  });

  it('one refused address of two: delivered (no resend to the other), reported by lead id', async () => {
    const partial: string[] = [];
    smtp.refuse.add('intake@center.test');
    const lead = makeLead();
    const result = await channel({ onPartial: (id) => partial.push(id) }).deliver(lead);
    expect(result).toEqual({ outcome: 'delivered' });
    expect(smtp.messages[0]!.to).toEqual(['admissions@center.test']);
    expect(partial).toEqual([lead.id]);
  });

  it('an alert says which channel failed for which lead id, nothing about the person', async () => {
    const lead = makeLead();
    await channel().alert({
      leadId: lead.id,
      channel: 'webhook',
      attempts: 27,
      lastError: 'timeout',
      failedAt: T0,
    });
    const [mail] = smtp.messages;
    expect(mail!.headers.get('subject')).toBe(`Callback delivery failed ${lead.id.slice(0, 8)}`);
    expect(mail!.headers.get('message-id')).toBe(`<failed-webhook-${lead.id}@center.test>`);
    const body = decodeQuotedPrintable(mail!.raw);
    expect(body).toContain(lead.id);
    expect(body).toContain('The webhook channel could not deliver');
    expect(body).toContain('It gave up at Mon, Mar 2, 2026, 7:00 AM PST.');
    expect(body).not.toMatch(/Marisol|4155552671|example\.org/);
  });
});

/** Undoes quoted-printable soft breaks and escapes, enough to search a body for text. */
