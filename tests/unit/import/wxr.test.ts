/**
 * The WordPress export reader: real public exports from ../shared/fixtures (skipped with
 * a message when that folder is absent) and small exports written here, one per rule.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWxr, WxrError, wxrDate, type WxrExport } from '../../../src/import/wordpress/wxr.ts';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/wordpress/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(`Skipping the real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`);

const typesOf = (wxr: WxrExport) => {
  const counts: Record<string, number> = {};
  for (const item of wxr.items) counts[item.type] = (counts[item.type] ?? 0) + 1;
  return counts;
};
const sum = (wxr: WxrExport, of: (item: WxrExport['items'][number]) => number) =>
  wxr.items.reduce((total, item) => total + of(item), 0);

// The counts ../shared/fixtures/wordpress/README.md gives for each file.
describe.skipIf(!haveFixtures).each([
  [
    'themeunittestdata.wordpress.xml',
    { post: 58, page: 21, attachment: 37, nav_menu_item: 70 },
    { categories: 68, tags: 110, comments: 33 },
  ],
  ['wptest/wptest.xml', { post: 37, page: 15, attachment: 44, nav_menu_item: 102 }, { oldSlugs: 20 }],
] as const)('real export %s', (file, types, counts) => {
  const path = `${FIXTURES}${file}`;
  // Read when a test runs, not when the suite is collected: without ../shared the suite is skipped.
  let wxr: WxrExport;
  beforeAll(() => {
    wxr = readWxr(readFileSync(path, 'utf8'), path);
  });

  it('accounts for every item, by type', () => {
    expect(typesOf(wxr)).toEqual(types);
    expect(wxr.version).toBe('1.2');
  });

  it('reads the terms, comments and old slugs the fixture notes list', () => {
    if ('categories' in counts) expect(wxr.categories).toHaveLength(counts.categories);
    if ('tags' in counts) expect(wxr.tags).toHaveLength(counts.tags);
    if ('comments' in counts) expect(sum(wxr, (item) => item.commentCount)).toBe(counts.comments);
    if ('oldSlugs' in counts)
      expect(sum(wxr, (item) => item.meta['_wp_old_slug']?.length ?? 0)).toBe(counts.oldSlugs);
  });

  it('keeps no email or IP address from the file', () => {
    const raw = readFileSync(path, 'utf8');
    const emails = new Set(raw.match(/[\w.+-]+@[\w-]+\.[\w.-]+/g) ?? []);
    const ips = new Set(raw.match(/<wp:comment_author_IP>(?:<!\[CDATA\[)?([^<\]]+)/g) ?? []);
    expect(emails.size + ips.size).toBeGreaterThan(0);
    const kept = JSON.stringify(wxr);
    for (const email of emails)
      if (!/\.(png|jpe?g)$/.test(email)) expect(kept.includes(email), email).toBe(false);
    for (const ip of ips) expect(kept.includes(ip.replace(/^.*[>[]/, '')), ip).toBe(false);
  });

  it('a truncated copy stops with file:line:column', () => {
    const raw = readFileSync(path, 'utf8');
    expect(() => readWxr(raw.slice(0, Math.floor(raw.length / 2)), 'cut.xml')).toThrow(/^cut\.xml:\d+:\d+: /);
  });
});

/** A small export around `items`, in the namespace of WXR `version` over `scheme`. */
function wxr(items: string, { version = '1.2', scheme = 'https', head = '' } = {}): string {
  const ns = `${scheme}://wordpress.org/export/${version}/`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="${ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="${ns}">
<channel>
<title>Center</title><link>https://old.example</link><wp:wxr_version>${version}</wp:wxr_version>
<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_email><![CDATA[editor@old.example]]></wp:author_email><wp:author_display_name><![CDATA[Pat Editor]]></wp:author_display_name></wp:author>
${head}
${items}
</channel></rss>`;
}

const POST = `<item>
<title>Hope &amp; help</title><link>https://old.example/2019/05/hope/</link>
<dc:creator><![CDATA[editor]]></dc:creator>
<content:encoded><![CDATA[<p>First half ]]]]><![CDATA[> second half</p>]]></content:encoded>
<excerpt:encoded><![CDATA[Short.]]></excerpt:encoded>
<wp:post_id>42</wp:post_id><wp:post_date_gmt><![CDATA[2019-05-03 14:05:06]]></wp:post_date_gmt>
<wp:post_name><![CDATA[esperanza-%c3%a1nimo]]></wp:post_name><wp:status><![CDATA[publish]]></wp:status>
<wp:post_parent>0</wp:post_parent><wp:post_type><![CDATA[post]]></wp:post_type><wp:post_password><![CDATA[]]></wp:post_password>
<category domain="category" nicename="recovery"><![CDATA[Recovery]]></category>
<category domain="post_tag" nicename="hope"><![CDATA[Hope]]></category>
<wp:postmeta><wp:meta_key><![CDATA[_wp_old_slug]]></wp:meta_key><wp:meta_value><![CDATA[old-hope]]></wp:meta_value></wp:postmeta>
<wp:postmeta><wp:meta_key><![CDATA[_yoast_wpseo_metadesc]]></wp:meta_key><wp:meta_value><![CDATA[A %%sep%% description]]></wp:meta_value></wp:postmeta>
<wp:comment><wp:comment_author><![CDATA[Jordan Commenter]]></wp:comment_author><wp:comment_author_email><![CDATA[jordan@mail.example]]></wp:comment_author_email><wp:comment_author_IP><![CDATA[203.0.113.9]]></wp:comment_author_IP><wp:comment_content><![CDATA[My brother relapsed]]></wp:comment_content></wp:comment>
</item>`;

describe('small exports', () => {
  it('reads a post: CDATA split across sections, entities, terms, meta, a percent-encoded slug', () => {
    const [item] = readWxr(wxr(POST), 'post.xml').items;
    expect(item).toEqual({
      id: 42,
      type: 'post',
      status: 'publish',
      title: 'Hope & help',
      link: 'https://old.example/2019/05/hope/',
      slug: 'esperanza-%c3%a1nimo',
      publishedAt: '2019-05-03T14:05:06.000Z',
      creator: 'editor',
      content: '<p>First half ]]> second half</p>',
      excerpt: 'Short.',
      parent: 0,
      hasPassword: false,
      attachmentUrl: null,
      terms: [
        { domain: 'category', slug: 'recovery', name: 'Recovery' },
        { domain: 'post_tag', slug: 'hope', name: 'Hope' },
      ],
      meta: { _wp_old_slug: ['old-hope'], _yoast_wpseo_metadesc: ['A %%sep%% description'] },
      commentCount: 1,
    });
  });

  it('reads nothing of a comment but that it exists, and no author email', () => {
    const read = JSON.stringify(readWxr(wxr(POST), 'post.xml'));
    for (const kept of ['Jordan', 'jordan@mail.example', '203.0.113.9', 'relapsed', 'editor@old.example'])
      expect(read.includes(kept), kept).toBe(false);
    expect(readWxr(wxr(POST), 'post.xml').authors).toEqual([{ login: 'editor', displayName: 'Pat Editor' }]);
  });

  it.each([
    ['WXR 1.0 over http://', { version: '1.0', scheme: 'http' }],
    ['WXR 1.1 over http://', { version: '1.1', scheme: 'http' }],
    ['WXR 1.2 over https://', { version: '1.2', scheme: 'https' }],
  ])('reads %s', (_, options) => {
    expect(readWxr(wxr(POST, options), 'x.xml').items.map((item) => item.id)).toEqual([42]);
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(readWxr(`\uFEFF${wxr(POST)}`, 'bom.xml').items).toHaveLength(1);
  });

  it('reads categories with their parents and tags, and the term ids Yoast refers to', () => {
    const head = `<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[opioids]]></wp:category_nicename><wp:category_parent><![CDATA[substances]]></wp:category_parent><wp:cat_name><![CDATA[Opioids]]></wp:cat_name><wp:category_description><![CDATA[About opioids.]]></wp:category_description></wp:category>
<wp:tag><wp:term_id>9</wp:term_id><wp:tag_slug><![CDATA[family]]></wp:tag_slug><wp:tag_name><![CDATA[Family]]></wp:tag_name></wp:tag>`;
    const read = readWxr(wxr('', { head }), 'terms.xml');
    expect(read.categories).toEqual([
      { slug: 'opioids', name: 'Opioids', description: 'About opioids.', parent: 'substances', termId: 3 },
    ]);
    expect(read.tags).toEqual([{ slug: 'family', name: 'Family', description: '', parent: '', termId: 9 }]);
  });

  it('a password-protected post is marked, and the password itself is not kept', () => {
    const item = POST.replace('<wp:post_password><![CDATA[]]>', '<wp:post_password><![CDATA[s3cret-pw]]>');
    const read = readWxr(wxr(item), 'pw.xml');
    expect(read.items[0]!.hasPassword).toBe(true);
    expect(JSON.stringify(read)).not.toContain('s3cret-pw');
  });

  it.each([
    ['a truncated file', wxr(POST).slice(0, 900), /^bad\.xml:\d+:\d+: /],
    ['a stray ampersand', wxr(POST).replace('Hope &amp; help', 'Hope & help'), /^bad\.xml:\d+:\d+: /],
    [
      'an RSS feed, not an export',
      '<rss><channel><title>x</title></channel></rss>',
      /not a WordPress export/,
    ],
    [
      'another XML root',
      '<feed xmlns:wp="https://wordpress.org/export/1.2/"/>',
      /^bad\.xml:1:\d+: not a WordPress export/,
    ],
  ])('refuses %s with file:line:column', (_, text, message) => {
    const error = (() => {
      try {
        readWxr(text, 'bad.xml');
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(WxrError);
    expect((error as WxrError).message).toMatch(message);
  });
});

describe('WordPress dates', () => {
  it.each([
    ['2019-05-03 14:05:06', '2019-05-03T14:05:06.000Z'],
    ['0000-00-00 00:00:00', null],
    ['', null],
    ['2019-13-45 99:00:00', null],
    ['yesterday', null],
  ])('%j -> %j', (value, expected) => {
    expect(wxrDate(value)).toBe(expected);
  });
});
