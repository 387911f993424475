import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { clientChecks } from '../../../src/callback/client-checks.ts';
import { LIMITS, MESSAGES, validateCallback, type VisibleField } from '../../../src/callback/schema.ts';

const base = { name: 'Sam', phone: '(202) 555-0143', consent: 'yes' };

/** The browser checks may let through what the server refuses, but never disagree in words. */
describe('clientChecks agrees with the schema', () => {
  it.each([
    [{}],
    [{ name: '' }],
    [{ name: ' \u0000 ' }],
    [{ name: 'x'.repeat(LIMITS.nameMax + 1) }],
    [{ phone: '' }],
    [{ phone: '555-1234' }],
    [{ phone: '123-456-7890' }],
    [{ phone: '+44 20 7946 0958' }],
    [{ phone: '202-555-0143 ext 4' }],
    [{ phone: '1 (202) 555-0143' }],
    [{ email: 'nope' }],
    [{ email: `${'a'.repeat(250)}@b.org` }],
    [{ email: 'sam@example.org' }],
    [{ consent: '' }],
    [{ consent: 'no' }],
  ])('%j', (change) => {
    const fields = { ...base, ...change };
    const server = validateCallback(fields);
    const serverErrors = server.ok ? {} : server.errors;
    const browser = clientChecks(fields);
    for (const [field, message] of Object.entries(browser)) {
      expect(serverErrors[field as VisibleField]).toBe(message);
    }
  });

  it('passes a valid form', () => {
    expect(clientChecks(base)).toEqual({});
  });

  it('reads a File or missing value as empty', () => {
    expect(clientChecks({ name: new Blob(['x']), phone: undefined })).toEqual({
      name: MESSAGES.name.required,
      phone: MESSAGES.phone.required,
      consent: MESSAGES.consent.required,
    });
  });
});

describe('browser bundle', () => {
  async function bundle(entry: string): Promise<{ gzipped: number; inputs: string[] }> {
    const result = await build({
      stdin: { contents: entry, resolveDir: process.cwd(), loader: 'ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      metafile: true,
      platform: 'browser',
      logLevel: 'silent',
    });
    return {
      gzipped: gzipSync(result.outputFiles[0]!.contents).length,
      inputs: Object.keys(result.metafile.inputs),
    };
  }

  it('keeps clientChecks small and free of phone metadata and Node modules', async () => {
    const { gzipped, inputs } = await bundle(
      "import { clientChecks } from './src/callback/client-checks.ts'; globalThis.c = clientChecks;",
    );
    // The form script's whole budget is 3 KB gzipped; these checks may take about half.
    expect(gzipped).toBeLessThan(1_500);
    expect(inputs.filter((input) => /libphonenumber|valibot|node:/.test(input))).toEqual([]);
  });

  it('can bundle the full schema for a browser (no Node imports)', async () => {
    const { inputs } = await bundle("import * as s from './src/callback/schema.ts'; globalThis.s = s;");
    expect(inputs.some((input) => input.includes('libphonenumber-js'))).toBe(true);
  });
});
