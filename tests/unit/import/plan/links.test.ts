/**
 * Links inside imported posts to the old site: to another imported post → its new page, to
 * the contact page → the callback form, anything else → null (left to the caller).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLinkRewriter } from '../../../../src/import/wordpress/plan/links.ts';
import { normalisePath } from '../../../../src/import/wordpress/plan/paths.ts';
import { readWxr, type WxrExport } from '../../../../src/import/wordpress/wxr.ts';

const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/wordpress/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(`Skipping the real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`);

describe('normal form of paths', () => {
  it.each([
    ['/%ce%b1%ce%b2/', '/%CE%B1%CE%B2/'],
    ['/αβ/', '/%CE%B1%CE%B2/'],
    ['/%CE%B1%CE%B2/', '/%CE%B1%CE%B2/'],
    ['/a b/', '/a%20b/'],
    ['/a*b:c/', '/a%2Ab%3Ac/'],
    ['/a%2Fb/', '/a%2Fb/'],
    ['/100%/', '/100%25/'],
    ['/x/../y/./', '/y/'],
    ['/caf%C3%A9-%zz/', '/caf%C3%A9-%25zz/'],
    ['/', '/'],
  ])('%s -> %s', (path, expected) => {
    expect(normalisePath(path)).toBe(expected);
  });
});

const rewrite = createLinkRewriter({
  siteUrls: ['https://old.example', 'https://old.example/blog'],
  posts: [
    { id: 10, link: 'https://old.example/blog/2013/01/10/foo/', slug: 'foo', oldSlugs: ['foo-old'] },
    { id: 11, link: 'https://old.example/blog/%ce%b1%ce%b2/', slug: '%ce%b1%ce%b2' },
    { id: 12, link: 'https://old.example/blog/not-imported/', slug: 'not-imported' },
    { id: 13, link: 'https://old.example/blog/?p=13' },
    { id: 14, link: 'https://old.example/blog/2014/02/02/twin/', slug: 'twin' },
    { id: 15, link: 'https://old.example/blog/2015/02/02/twin/', slug: 'twin' },
  ],
  slugOf: new Map([
    [10, 'foo'],
    [11, 'alpha-beta'],
    [13, 'a-draft'],
    [14, 'twin'],
    [15, 'twin-2'],
  ]),
  pages: [
    { id: 50, link: 'https://old.example/blog/contact-us/' },
    { id: 51, link: 'https://old.example/blog/about/' },
  ],
  contactPaths: ['/contact-us/', '/contact/'],
});

describe('links to the old site', () => {
  it.each([
    // the post's own address, with and without the trailing slash, any scheme, www, host case
    ['https://old.example/blog/2013/01/10/foo/', '/articles/foo/'],
    ['https://old.example/blog/2013/01/10/foo', '/articles/foo/'],
    ['http://www.OLD.example/blog/2013/01/10/foo/', '/articles/foo/'],
    ['//old.example/blog/2013/01/10/foo/', '/articles/foo/'],
    ['/blog/2013/01/10/foo/', '/articles/foo/'],
    ['https://old.example/blog/2013/01/10/foo/#part-2', '/articles/foo/#part-2'],
    // percent-encoding in any case, or raw UTF-8
    ['https://old.example/blog/%CE%B1%CE%B2/', '/articles/alpha-beta/'],
    ['https://old.example/blog/αβ', '/articles/alpha-beta/'],
    // the permalink shape changed, or an old slug: the name decides when it is unique
    ['https://old.example/blog/foo/', '/articles/foo/'],
    ['https://old.example/blog/2013/01/10/foo-old/', '/articles/foo/'],
    ['https://old.example/blog/twin/', null],
    ['https://old.example/blog/2014/02/02/twin/', '/articles/twin/'],
    ['https://old.example/blog/category/foo/', null],
    // ?p= and ?page_id=
    ['https://old.example/blog/?p=10', '/articles/foo/'],
    ['https://old.example/?p=13#x', '/articles/a-draft/#x'],
    ['/blog/index.php?p=11', '/articles/alpha-beta/'],
    ['https://old.example/blog/?p=12', null],
    ['https://old.example/blog/?p=999', null],
    ['https://old.example/blog/?page_id=50', '/callback/'],
    ['https://old.example/blog/?page_id=51', null],
    ['https://old.example/blog/?attachment_id=10', null],
    // an attachment, even asked for under its post's address, is not the post
    ['https://old.example/blog/2013/01/10/foo/?attachment_id=5', null],
    // the contact page, from the root or the folder
    ['https://old.example/blog/contact-us/', '/callback/'],
    ['/contact', '/callback/'],
    ['https://old.example/contact/#form', '/callback/'],
    // not imported, not on the old site, not a web address
    ['https://old.example/blog/not-imported/', null],
    ['https://old.example/blog/about/', null],
    ['https://elsewhere.example/blog/2013/01/10/foo/', null],
    ['2013/01/10/foo/', null],
    ['mailto:someone@old.example', null],
    ['javascript:alert(1)', null],
    ['#top', null],
    ['', null],
  ])('%s -> %s', (href, expected) => {
    expect(rewrite(href)).toBe(expected);
  });
});

describe.skipIf(!haveFixtures).each(['themeunittestdata.wordpress.xml', 'wptest/wptest.xml'])(
  'real export %s (skipped without ../shared)',
  (file) => {
    let exp: WxrExport;
    let rewrite: (href: string) => string | null;
    beforeAll(() => {
      const path = `${FIXTURES}${file}`;
      exp = readWxr(readFileSync(path, 'utf8'), path);
      const posts = exp.items.filter((item) => item.type === 'post');
      rewrite = createLinkRewriter({
        siteUrls: [exp.baseSiteUrl, exp.baseBlogUrl, exp.link],
        posts: posts.map((post) => ({
          id: post.id,
          link: post.link,
          slug: post.slug,
          oldSlugs: post.meta['_wp_old_slug'],
        })),
        slugOf: new Map(posts.map((post) => [post.id, `p-${post.id}`])),
        pages: exp.items
          .filter((item) => item.type === 'page')
          .map((page) => ({ id: page.id, link: page.link })),
        contactPaths: ['/contact/'],
      });
    });

    it("every post's own address and its /?p= address lead to its new page", () => {
      for (const post of exp.items.filter((item) => item.type === 'post')) {
        expect(rewrite(post.link)).toBe(`/articles/p-${post.id}/`);
        expect(rewrite(`${exp.link}/?p=${post.id}#c`)).toBe(`/articles/p-${post.id}/#c`);
      }
    });

    it('no page, attachment page or uploaded file is taken for a post', () => {
      const others = exp.items.filter((item) => item.type === 'page' || item.type === 'attachment');
      for (const item of others) expect(rewrite(item.link)).toBeNull();
      for (const item of others) if (item.attachmentUrl) expect(rewrite(item.attachmentUrl)).toBeNull();
    });
  },
);
