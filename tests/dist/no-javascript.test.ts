import { describe, expect, it } from 'vitest';
import { builtPages, distFiles } from '../support/dist.ts';

// Pages ship no JavaScript unless a feature truly needs it; data blocks are not scripts.
const DATA_SCRIPT_TYPES = new Set(['application/ld+json']);

describe('built pages run no JavaScript', () => {
  it('dist/ holds no JavaScript files', () => {
    expect(distFiles().filter((f) => /\.(m?js|cjs)$/.test(f))).toEqual([]);
  });

  describe.each(builtPages().map((page) => [page.path, page] as const))('%s', (_path, { $ }) => {
    it('has no executable <script>', () => {
      const scripts = $('script')
        .toArray()
        .filter((el) => !DATA_SCRIPT_TYPES.has($(el).attr('type') ?? ''));
      expect(scripts.map((el) => $.html(el))).toEqual([]);
    });

    it('has no inline event handlers or javascript: URLs', () => {
      const handlers = $('*')
        .toArray()
        .flatMap((el) => ('attribs' in el ? Object.keys(el.attribs) : []).filter((name) => name.startsWith('on')));
      expect(handlers).toEqual([]);
      expect($('[href^="javascript:" i], [src^="javascript:" i], [action^="javascript:" i]').length).toBe(0);
    });
  });
});
