/**
 * No field value of a coverage check in any log line, answer, blob key, metadata or stored
 * body: everything on the Blobs server's disk is searched for the person's details.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { filesOnDisk, startBlobs, type TestBlobs } from '../callback/support/blobs.ts';
import { captureLog, makeDeps, randomIp, submit } from '../callback/support/fixtures.ts';
import { handleInsurance, INSURANCE_SECRETS, VALID_INSURANCE } from './support/fixtures.ts';

let blobs: TestBlobs;
beforeAll(async () => {
  blobs = await startBlobs();
});
afterAll(async () => {
  await blobs.stop();
});

describe('privacy', () => {
  it.each(['form', 'json'] as const)(
    '%s: accepted, invalid and repeated requests leave no value anywhere',
    async (encoding) => {
      const log = captureLog();
      const deps = await makeDeps({ log: log.logger, channels: ['webhook'] });
      const submissionId = crypto.randomUUID();
      const bodies: string[] = [];
      for (const fields of [
        { ...VALID_INSURANCE, submissionId },
        { ...VALID_INSURANCE, submissionId },
        { ...VALID_INSURANCE, dateOfBirth: '2199-06-19', memberId: 'XQZ/7741' },
      ]) {
        const response = await handleInsurance(submit(encoding, fields), randomIp(), deps);
        expect(response.status).toBeLessThan(500);
        bodies.push(await response.text(), JSON.stringify([...response.headers]));
      }
      const disk = [...(await filesOnDisk(blobs.directory))].map(
        ([path, bytes]) => `${path}\n${bytes.toString('latin1')}\n${bytes.toString('utf8')}`,
      );
      expect(disk.length).toBeGreaterThan(0);
      const everything = [...log.lines, ...bodies, ...disk].join('\n');
      for (const secret of INSURANCE_SECRETS) expect(everything, secret).not.toContain(secret);
      for (const secret of INSURANCE_SECRETS)
        expect(everything.toLowerCase()).not.toContain(secret.toLowerCase());
      // The names of the fields that failed are logged; their values are not.
      expect(log.events()).toContainEqual(
        expect.objectContaining({
          event: 'insurance.answered',
          outcome: 'invalid',
          fields: ['dateOfBirth', 'memberId'],
        }),
      );
    },
  );
});
