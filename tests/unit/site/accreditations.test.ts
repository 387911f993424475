import { describe, expect, it } from 'vitest';
import { accreditationProblems, trustCredentials } from '../../../src/lib/accreditations.ts';
import { findPlaceholders } from '../../../src/lib/placeholders.ts';
import { site, type Accreditation } from '../../../src/site.config.ts';

const valid: Accreditation = {
  issuer: 'State Department of Health Care Services',
  certifies: 'Outpatient treatment',
  number: '300123AP',
  verifyUrl: 'https://licensing.test/verify',
  validUntil: '2027-06-30',
};

describe('accreditationProblems', () => {
  it.each([
    ['a current one', valid, []],
    ['one valid through today', { ...valid, validUntil: '2026-12-02' }, []],
    ['one that ran out yesterday', { ...valid, validUntil: '2026-12-01' }, ['expired on 2026-12-01']],
    [
      'a date not written YYYY-MM-DD',
      { ...valid, validUntil: '30/06/2027' },
      ['must be a day written YYYY-MM-DD'],
    ],
    ['an impossible day', { ...valid, validUntil: '2027-13-40' }, ['must be a day written YYYY-MM-DD']],
    [
      'a lookup page without https',
      { ...valid, verifyUrl: 'http://licensing.test/verify' },
      ["issuer's https page"],
    ],
  ])('%s', (_name, accreditation, expected) => {
    const problems = accreditationProblems([accreditation], '2026-12-02');
    expect(problems).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(problems[i]).toContain(text));
    problems.forEach((p) => expect(p).toContain('site.accreditations[0] (State Department'));
  });

  it('the shipped placeholder is current, and a production build would refuse every field of it', () => {
    expect(accreditationProblems(site.accreditations, new Date().toISOString().slice(0, 10))).toEqual([]);
    const settings = findPlaceholders(site).map((p) => p.setting);
    for (const field of ['issuer', 'certifies', 'number', 'verifyUrl'])
      expect(settings).toContain(`site.accreditations[0].${field}`);
  });
});

describe('accreditationProblems names where a licence is written', () => {
  it('a location file', () => {
    const [problem] = accreditationProblems(
      [{ ...valid, validUntil: '2026-01-01' }],
      '2026-12-02',
      'src/content/locations/north.json: licenses',
    );
    expect(problem).toBe(
      'src/content/locations/north.json: licenses[0] (State Department of Health Care Services): expired on 2026-01-01; renew it or remove it.',
    );
  });
});

describe('trustCredentials', () => {
  const accredited = { ...valid, issuer: 'An accrediting body', number: 'A-1' };
  const other = { ...valid, number: '300999AP' };

  it.each([
    ['the accreditations alone', [], [accredited]],
    [
      'then each location licence',
      [{ licenses: [valid] }, { licenses: [other] }],
      [accredited, valid, other],
    ],
    [
      'a licence two locations share, once',
      [{ licenses: [valid] }, { licenses: [valid] }],
      [accredited, valid],
    ],
  ])('%s', (_name, locations, expected) => {
    expect(trustCredentials([accredited], locations)).toEqual(expected);
  });
});
