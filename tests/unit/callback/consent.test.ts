import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONSENT_TEXT, CONSENT_VERSION } from '../../../src/callback/consent.ts';
import { site } from '../../../src/site.config.ts';

describe('consent text', () => {
  it('has a version that names this exact text (update the version when the text changes)', () => {
    const hash = createHash('sha256').update(CONSENT_TEXT).digest('hex').slice(0, 12);
    expect(CONSENT_VERSION).toBe(`c1-${hash}`);
  });

  it.each([
    ['who calls', site.name],
    ['calls', 'call and text me'],
    ['texts', 'text messages'],
    ['the number given', 'phone number I gave'],
    ['automated technology', 'automated technology'],
    ['not a condition of care', 'do not have to agree to this to get care'],
    ['withdrawal', 'take back my consent at any time'],
    ['rates', 'Message and data rates may apply'],
  ])('covers %s', (_, phrase) => {
    expect(CONSENT_TEXT).toContain(phrase);
  });

  it('reads plainly: short sentences, mostly short words', () => {
    const sentences = CONSENT_TEXT.split(/(?<=\.)\s+/);
    const words = CONSENT_TEXT.split(/\s+/);
    expect(Math.max(...sentences.map((s) => s.split(/\s+/).length))).toBeLessThanOrEqual(25);
    expect(words.length / sentences.length).toBeLessThanOrEqual(18);
  });
});
