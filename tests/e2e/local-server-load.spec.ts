import { expect, test } from '@playwright/test';
import { readStoredLeads } from './support/leads.ts';

// @netlify/dev once failed 10-15% of overlapping function calls with "Cannot find module
// '.netlify/functions-serve/_…'" (see scripts/serve.ts). This keeps that from coming back:
// a few hundred posts, several at a time: every one must be answered as accepted and
// be in the store, decryptable, with what was sent (a 202 alone is also what a screened
// post gets, with nothing stored).
const POSTS = 200;
const AT_ONCE = 4;

test('the local server answers hundreds of overlapping callback posts without a failure', async ({
  request,
  baseURL,
}) => {
  // About a second a call under @netlify/dev, one call at a time: minutes, not seconds.
  test.setTimeout(600_000);
  const statuses = new Map<number, number>();
  const sent = new Map<string, string>();
  let next = 0;
  const worker = async () => {
    while (next < POSTS) {
      const n = next++;
      const response = await request.post('/api/callback', {
        headers: { origin: baseURL!, accept: 'application/json' },
        data: {
          name: `Load test ${n}`,
          phone: '(202) 555-0111',
          consent: 'yes',
          submissionId: crypto.randomUUID(),
        },
      });
      statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
      if (response.status() === 202)
        sent.set(((await response.json()) as { id: string }).id, `Load test ${n}`);
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  expect(Object.fromEntries(statuses)).toEqual({ 202: POSTS });
  expect(sent.size).toBe(POSTS);
  const stored = new Map((await readStoredLeads()).map((lead) => [lead.id, lead]));
  const missing = [...sent.keys()].filter((id) => !stored.has(id));
  expect(missing, 'accepted but not stored').toEqual([]);
  for (const [id, name] of sent) expect(stored.get(id)).toMatchObject({ name, phone: '+12025550111' });
});
