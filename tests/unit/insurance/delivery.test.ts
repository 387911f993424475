/**
 * A coverage check reaches admissions through the same delivery code as a callback: the
 * real signature-verifying receiver gets `insurance.verification_requested`, the real SMTP
 * server the neutral subject; a failing channel is retried by the same sweep.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverLead } from '../../../src/leads/delivery/deliver-lead.ts';
import type { DeliveryDeps } from '../../../src/leads/delivery/deps.ts';
import { sweep } from '../../../src/leads/delivery/sweep.ts';
import { channelState } from '../../../src/leads/storage/metadata.ts';
import type { LeadStore } from '../../../src/leads/storage/store.ts';
import { captureLog, makeDeps, randomIp, submit, type CapturedLog } from '../callback/support/fixtures.ts';
import { deliveryDeps, MINUTE, T0, testClock, type TestClock } from '../delivery/support/leads.ts';
import { startServers, type TestServers } from '../delivery/support/servers.ts';
import { decodeQuotedPrintable } from '../delivery/support/smtp.ts';
import { handleInsurance, INSURANCE_SECRETS, VALID_INSURANCE } from './support/fixtures.ts';

let servers: TestServers;
let clock: TestClock;
let log: CapturedLog;
let deps: DeliveryDeps & { leads: LeadStore };

beforeEach(async () => {
  servers = await startServers();
  clock = testClock();
  log = captureLog();
  deps = await deliveryDeps([servers.webhook, servers.email], { clock, log: log.logger });
});
afterEach(async () => {
  expect(servers.receiver.calls.filter((call) => !call.verified)).toEqual([]);
  for (const secret of INSURANCE_SECRETS) expect(log.lines.join('\n')).not.toContain(secret);
  await servers.stop();
});

async function submitCheck(fields: Record<string, unknown> = VALID_INSURANCE): Promise<string> {
  const waited: Promise<unknown>[] = [];
  const handlerDeps = await makeDeps({
    log: log.logger,
    leads: deps.leads,
    channels: ['webhook', 'email'],
    now: clock.now,
    afterStore: async (id, etag) => void (await deliverLead(deps, id, { listedEtag: etag })),
    waitUntil: (work) => void waited.push(work),
  });
  const response = await handleInsurance(submit('json', fields), randomIp(), handlerDeps);
  expect(response.status).toBe(202);
  const { id } = (await response.json()) as { id: string };
  await Promise.all(waited);
  return id;
}

const insuranceMails = () =>
  servers.smtp.messages.filter((mail) => /^<insurance-/.test(mail.headers.get('message-id') ?? ''));

describe('delivery of a coverage check', () => {
  it('the webhook gets insurance.verification_requested, signed, with nulls for empty fields', async () => {
    const { name, phone, dateOfBirth, insurer, memberId, consent } = VALID_INSURANCE;
    const id = await submitCheck({
      name,
      phone,
      dateOfBirth,
      insurer,
      memberId,
      consent,
      insurerOther: 'ignored',
    });
    const events = servers.receiver.accepted();
    expect(events.map((event) => event.type)).toEqual(['insurance.verification_requested']);
    const event = events[0]!;
    expect(event.type === 'insurance.verification_requested' && event.data).toEqual({
      id,
      receivedAt: T0.toISOString(),
      name,
      phone: '+14155552671',
      email: null,
      dateOfBirth,
      insurer: { slug: insurer, name: 'Sample Blue Health Plan' },
      insurerOther: null,
      memberId: 'XQZ7741-9023',
      groupNumber: null,
      policyholder: 'self',
      policyholderName: null,
      policyholderDateOfBirth: null,
      state: null,
      callTime: 'anytime',
      consent: { version: expect.stringMatching(/^i1-[0-9a-f]{12}$/), at: T0.toISOString() },
      page: null,
    });
    expect(channelState((await deps.leads.getMeta(id))!.meta!, 'webhook')).toMatchObject({
      status: 'delivered',
    });
  });

  it('the email has the neutral subject, the details, a tel: link, the consent record and a Message-ID from the id', async () => {
    const id = await submitCheck();
    const [mail] = insuranceMails();
    expect(mail).toBeDefined();
    expect(mail!.headers.get('subject')).toBe(`New coverage check ${id.slice(0, 8)}`);
    for (const secret of ['Marisol', 'Sample', 'Blue', 'insurance'])
      expect(mail!.headers.get('subject')).not.toContain(secret);
    expect(mail!.headers.get('message-id')).toMatch(new RegExp(`^<insurance-${id}@`));
    const text = decodeQuotedPrintable(mail!.raw);
    expect(text).toContain('<a href="tel:+14155552671">');
    expect(text).toContain('Member ID: XQZ7741-9023');
    expect(text).toContain("Plan holder's name: Teodoro Quintanilla");
    expect(text).toMatch(/Consent: agreed to consent text i1-[0-9a-f]{12} at /);
  });

  it('a failing webhook is retried by the same sweep, and the email is not sent twice', async () => {
    servers.receiver.setFault('http_500');
    const id = await submitCheck();
    expect(channelState((await deps.leads.getMeta(id))!.meta!, 'webhook')).toMatchObject({
      status: 'pending',
      attempts: 1,
    });
    servers.receiver.setFault('none');
    clock.set(new Date(T0.getTime() + 2 * MINUTE));
    await sweep(deps, { retentionDays: 14 });
    expect(channelState((await deps.leads.getMeta(id))!.meta!, 'webhook')).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
    expect(
      servers.receiver.accepted().filter((event) => event.type === 'insurance.verification_requested'),
    ).toHaveLength(1);
    expect(insuranceMails()).toHaveLength(1);
  });

  it('an SMTP server that refuses the recipient: retried, then delivered', async () => {
    servers.smtp.setFault('refuse_recipient');
    const id = await submitCheck();
    expect(channelState((await deps.leads.getMeta(id))!.meta!, 'email').status).toBe('pending');
    servers.smtp.setFault('none');
    clock.set(new Date(T0.getTime() + 2 * MINUTE));
    await sweep(deps, { retentionDays: 14 });
    expect(channelState((await deps.leads.getMeta(id))!.meta!, 'email').status).toBe('delivered');
    expect(insuranceMails()).toHaveLength(1);
  });
});
