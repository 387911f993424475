import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { INSURERS } from '../../../src/leads/kinds/insurance/insurers.ts';
import { findSampleInsurers, sampleInsurerReport } from '../../../src/lib/sample-insurers.ts';

const dir = new URL('../../../src/content/insurers/', import.meta.url);
const files = readdirSync(dir).filter((file) => /\.ya?ml$/.test(file));
const sources = Object.fromEntries(
  files.map((file) => [`src/content/insurers/${file}`, readFileSync(new URL(file, dir), 'utf8')]),
);

describe('INSURERS', () => {
  it('names exactly the entries of src/content/insurers/, by slug and name', () => {
    const entries = files.map((file) => ({
      slug: file.replace(/\.ya?ml$/, ''),
      name: (parse(sources[`src/content/insurers/${file}`]!) as { name: string }).name,
    }));
    const bySlug = (a: { slug: string }, b: { slug: string }) => a.slug.localeCompare(b.slug);
    expect([...INSURERS].sort(bySlug)).toEqual(entries.sort(bySlug));
  });

  it('has no entry called "other", which is the form\'s own choice', () => {
    expect(INSURERS.map((insurer) => insurer.slug)).not.toContain('other');
  });
});

describe('sample insurers', () => {
  it('every shipped entry is an obvious sample, which a production build refuses by file', () => {
    const found = findSampleInsurers(sources);
    expect(found.map((entry) => entry.setting).sort()).toEqual(Object.keys(sources).sort());
    const report = sampleInsurerReport(found);
    for (const file of Object.keys(sources)) expect(report).toContain(file);
  });

  it('a real name passes', () => {
    expect(
      findSampleInsurers({ 'a.yaml': 'name: Blue Cross Blue Shield\nplanTypes: [PPO]\nnetwork: in\n' }),
    ).toEqual([]);
    expect(sampleInsurerReport([])).toBe('');
  });
});
