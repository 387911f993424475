import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROGRAM_SLUGS } from '../../../src/callback/programs.ts';

describe('PROGRAM_SLUGS', () => {
  it('names exactly the program pages in src/content/programs/', () => {
    const dir = new URL('../../../src/content/programs/', import.meta.url);
    const slugs = readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.mdx'))
      .map((file) =>
        file
          .split('/')
          .at(-1)!
          .replace(/\.mdx$/, ''),
      );
    expect([...PROGRAM_SLUGS].sort()).toEqual(slugs.sort());
  });
});
