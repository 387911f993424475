/**
 * Yoast SEO settings carried over from an export's post meta.
 */
import { describe, expect, it } from 'vitest';
import { resolveTemplate, yoastSeo } from '../../../src/import/wordpress/yoast.ts';

const context = {
  title: 'Signs of relapse',
  siteName: 'Absolute Awakenings',
  excerpt: 'What to watch for.',
  category: 'Recovery',
};

describe('Yoast templates', () => {
  it.each([
    ['%%title%% %%sep%% %%sitename%%', 'Signs of relapse - Absolute Awakenings', []],
    ['%%title%% | %%category%%', 'Signs of relapse | Recovery', []],
    ['%%excerpt%%', 'What to watch for.', []],
    ['%%title%% %%page%% %%sep%% %%sitename%%', 'Signs of relapse - Absolute Awakenings', []],
    ['%%title%% %%sep%% %%cf_custom%%', 'Signs of relapse', ['cf_custom']],
    ['%%CF_Custom%% %%sep%% %%title%%', 'Signs of relapse', ['cf_custom']],
    ['  Plain   text  ', 'Plain text', []],
  ])('%j -> %j (unresolved %j)', (template, text, unresolved) => {
    expect(resolveTemplate(template, context)).toEqual({ text, unresolved });
  });

  it('uses the separator setting', () => {
    expect(resolveTemplate('%%title%% %%sep%% %%sitename%%', { ...context, separator: '|' }).text).toBe(
      'Signs of relapse | Absolute Awakenings',
    );
  });
});

describe('a post’s Yoast settings', () => {
  it('reads title, description, noindex and canonical, resolving each', () => {
    const meta = {
      _yoast_wpseo_title: ['%%title%% %%sep%% %%sitename%%'],
      _yoast_wpseo_metadesc: ['Learn %%title%%: %%unknown_var%%'],
      '_yoast_wpseo_meta-robots-noindex': ['1'],
      _yoast_wpseo_canonical: ['https://elsewhere.example/relapse/'],
    };
    expect(yoastSeo({ meta }, context)).toEqual({
      title: 'Signs of relapse - Absolute Awakenings',
      description: 'Learn Signs of relapse:',
      noindex: true,
      canonical: 'https://elsewhere.example/relapse/',
      unresolved: ['unknown_var'],
    });
  });

  it('a post without Yoast settings has none', () => {
    expect(yoastSeo({ meta: {} }, context)).toEqual({
      title: null,
      description: null,
      noindex: false,
      canonical: null,
      unresolved: [],
    });
  });

  it('noindex only when Yoast says 1 (2 means "use the default")', () => {
    expect(yoastSeo({ meta: { '_yoast_wpseo_meta-robots-noindex': ['2'] } }, context).noindex).toBe(false);
  });
});
