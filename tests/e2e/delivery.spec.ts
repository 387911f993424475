import { expect, test, type Page } from '@playwright/test';
import { startReceiver, type TestReceiver } from '../unit/delivery/support/receiver.ts';
import { startSmtp, type TestSmtp } from '../unit/delivery/support/smtp.ts';
import { E2E_SMTP_PORT, E2E_WEBHOOK_PORT, E2E_WEBHOOK_SECRET } from './support/webhook.ts';

// One receiver and one SMTP server on fixed ports (the server was told them at start):
// the tests of this file run one after another in one worker.
test.describe.configure({ mode: 'serial' });

let receiver: TestReceiver;
let smtp: TestSmtp;
test.beforeAll(async () => {
  [receiver, smtp] = await Promise.all([
    startReceiver({ port: E2E_WEBHOOK_PORT, secret: E2E_WEBHOOK_SECRET }),
    startSmtp({ port: E2E_SMTP_PORT }),
  ]);
});
test.afterAll(async () => {
  await Promise.all([receiver.stop(), smtp.stop()]);
});

const uniqueName = (label: string) =>
  `E2E delivery ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

/** Fills and sends the form (JavaScript on); answers when it was sent. */
async function sendForm(page: Page, name: string): Promise<number> {
  await page.goto('/programs/outpatient/');
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('textbox', { name: /^Phone number/ }).fill('(202) 555-0187');
  await page.getByLabel('You may leave a voicemail').check();
  await page.getByRole('checkbox', { name: /By checking this box/ }).check();
  // The time trap treats a form sent within 3 s of the first keystroke as a bot.
  await page.waitForTimeout(3_100);
  const sentAt = Date.now();
  await page.getByRole('button', { name: 'Request my callback' }).click();
  await expect(page).toHaveURL('/callback/thanks/');
  return sentAt;
}

/** Requests for this person's lead that reached the receiver, in order (found by the unique name). */
const callsFor = (name: string) =>
  receiver.calls.filter((call) => call.event?.type === 'callback.requested' && call.event.data.name === name);
const leadIdOf = (name: string) => callsFor(name)[0]?.webhookId;
const delivered = (name: string) => callsFor(name).find((call) => call.status === 204);
const emailsFor = (id: string) =>
  smtp.messages.filter((mail) => mail.headers.get('message-id') === `<callback-${id}@localhost>`);

test('a form sent in the browser reaches the webhook, validly signed, and the admissions inbox', async ({
  page,
}) => {
  const name = uniqueName('happy');
  const sentAt = await sendForm(page, name);

  await expect.poll(() => delivered(name) !== undefined, { timeout: 15_000 }).toBe(true);
  const receivedAfter = Date.now() - sentAt;
  const call = delivered(name)!;
  expect(call.verified).toBe(true);
  expect(call.event).toMatchObject({
    type: 'callback.requested',
    data: {
      id: call.webhookId,
      name,
      phone: '+12025550187',
      voicemail: true,
      texts: false,
      page: '/programs/outpatient/',
    },
  });
  await expect.poll(() => emailsFor(call.webhookId).length, { timeout: 15_000 }).toBe(1);
  expect(emailsFor(call.webhookId)[0]!.headers.get('subject')).toBe(
    `New callback request ${call.webhookId.slice(0, 8)}`,
  );
  test
    .info()
    .annotations.push({ type: 'submit to webhook, ms (upper bound)', description: String(receivedAfter) });
  // Every request this receiver got, from any test, carried a valid signature.
  expect(receiver.calls.filter((c) => !c.verified)).toEqual([]);
});

test('with the receiver down, the lead is delivered after it recovers, when the sweeper runs', async ({
  page,
  request,
}) => {
  test.setTimeout(150_000);
  receiver.setFault('http_500');
  const name = uniqueName('recovery');
  await sendForm(page, name);
  await expect.poll(() => callsFor(name).some((call) => call.status === 500), { timeout: 15_000 }).toBe(true);
  receiver.setFault('none');

  // The first retry is due about a minute after the failure; the sweeper (every 5 minutes
  // on Netlify) is run here by POST, as `npm start` allows.
  await expect
    .poll(
      async () => {
        expect((await request.post('/.netlify/functions/deliver-leads')).status()).toBe(200);
        return delivered(name) !== undefined;
      },
      { timeout: 120_000, intervals: [5_000] },
    )
    .toBe(true);
  expect(delivered(name)!.verified).toBe(true);
  // The email went out at once and was not sent again by the sweeps.
  expect(emailsFor(leadIdOf(name)!)).toHaveLength(1);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(`coverage check, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('reaches the webhook as insurance.verification_requested, signed, and the inbox with the neutral subject', async ({
      page,
    }) => {
      const name = uniqueName(`insurance-${javaScriptEnabled ? 'js' : 'nojs'}`);
      await page.goto('/insurance/');
      await page.getByLabel('Your name').fill(name);
      await page.getByRole('textbox', { name: /^Phone number/ }).fill('(202) 555-0187');
      await page.getByLabel('Your date of birth').fill('1990-02-03');
      await page.getByRole('combobox', { name: /^Insurance company/ }).selectOption('other');
      await page.getByLabel('Name of your insurance company').fill('Acme Mutual');
      await page.getByRole('textbox', { name: /^Member ID/ }).fill('zz-9911');
      await page.getByRole('checkbox', { name: /By checking this box/ }).check();
      if (javaScriptEnabled) await page.waitForTimeout(3_100);
      await page.getByRole('button', { name: 'Check my coverage' }).click();
      await expect(page).toHaveURL('/insurance/thanks/');

      const checkCall = () =>
        receiver.calls.find(
          (call) =>
            call.status === 204 &&
            call.event?.type === 'insurance.verification_requested' &&
            call.event.data.name === name,
        );
      await expect.poll(() => checkCall() !== undefined, { timeout: 15_000 }).toBe(true);
      const call = checkCall()!;
      expect(call.verified).toBe(true);
      expect(call.event).toMatchObject({
        type: 'insurance.verification_requested',
        data: {
          id: call.webhookId,
          name,
          insurer: { slug: 'other', name: 'Other' },
          insurerOther: 'Acme Mutual',
          memberId: 'ZZ-9911',
          groupNumber: null,
          policyholder: 'self',
          policyholderName: null,
          page: '/insurance/',
        },
      });
      const mails = () =>
        smtp.messages.filter(
          (mail) => mail.headers.get('message-id') === `<insurance-${call.webhookId}@localhost>`,
        );
      await expect.poll(() => mails().length, { timeout: 15_000 }).toBe(1);
      expect(mails()[0]!.headers.get('subject')).toBe(`New coverage check ${call.webhookId.slice(0, 8)}`);
      expect(receiver.calls.filter((c) => !c.verified)).toEqual([]);
    });
  });
}
