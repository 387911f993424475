import { expect, test } from '@playwright/test';

// @netlify/dev once failed 10-15% of overlapping function calls with "Cannot find module
// '.netlify/functions-serve/_…'" (see scripts/serve.ts). This keeps that from coming back:
// a few hundred posts, several at a time, and every one must be answered as accepted.
const POSTS = 200;
const AT_ONCE = 4;

test('the local server answers hundreds of overlapping callback posts without a failure', async ({
  request,
  baseURL,
}) => {
  // About a second a call under @netlify/dev, one call at a time: minutes, not seconds.
  test.setTimeout(600_000);
  const statuses = new Map<number, number>();
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
    }
  };
  await Promise.all(Array.from({ length: AT_ONCE }, worker));
  expect(Object.fromEntries(statuses)).toEqual({ 202: POSTS });
});
