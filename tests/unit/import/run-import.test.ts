/**
 * The whole import on small exports written here, one per rule, into a throw-away copy of
 * the site: what is published, what stays a draft, what is never written, Yoast, Gravity
 * Forms, zero dates, split CDATA, non-ASCII slugs, personal data, re-runs, hand edits.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copySite, type SiteCopy } from '../../../scripts/perf/site-copy.ts';
import { ImportNotStarted, runImport, type ImportOptions } from '../../../src/import/wordpress/import.ts';
import { ARTICLES_DIR, REDIRECTS_FILE } from '../../../src/import/wordpress/plan-import.ts';
import { projectRoot } from '../../support/fixture-site.ts';

interface Post {
  id: number;
  title?: string;
  status?: string;
  slug?: string;
  date?: string;
  content?: string;
  password?: string;
  meta?: Record<string, string>;
  categories?: string[];
  comment?: { email: string; ip: string; text: string };
}

const LONG =
  'People in recovery often find that a steady routine, honest support and time help more than any one quick fix.';

function post(p: Post): string {
  const slug = p.slug ?? `post-${p.id}`;
  const meta = Object.entries(p.meta ?? {})
    .map(
      ([k, v]) =>
        `<wp:postmeta><wp:meta_key>${k}</wp:meta_key><wp:meta_value><![CDATA[${v}]]></wp:meta_value></wp:postmeta>`,
    )
    .join('');
  const cats = (p.categories ?? ['recovery'])
    .map((c) => `<category domain="category" nicename="${c}"><![CDATA[${c}]]></category>`)
    .join('');
  const comment = p.comment
    ? `<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[Visitor]]></wp:comment_author><wp:comment_author_email>${p.comment.email}</wp:comment_author_email><wp:comment_author_IP>${p.comment.ip}</wp:comment_author_IP><wp:comment_content><![CDATA[${p.comment.text}]]></wp:comment_content></wp:comment>`
    : '';
  return `<item><title>${p.title ?? `Post number ${p.id}`}</title><link>https://old.example/${slug}/</link>
<dc:creator><![CDATA[jdoe]]></dc:creator><content:encoded><![CDATA[${p.content ?? `<p>${LONG}</p>`}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded><wp:post_id>${p.id}</wp:post_id>
<wp:post_date_gmt>${p.date ?? '2020-05-01 10:00:00'}</wp:post_date_gmt><wp:post_name><![CDATA[${slug}]]></wp:post_name>
<wp:status>${p.status ?? 'publish'}</wp:status><wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>
<wp:post_password>${p.password ?? ''}</wp:post_password>${cats}${meta}${comment}</item>`;
}

function wxr(posts: Post[], extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Old site</title><link>https://old.example</link><wp:wxr_version>1.2</wp:wxr_version>
<wp:base_site_url>https://old.example</wp:base_site_url><wp:base_blog_url>https://old.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[jdoe]]></wp:author_login><wp:author_email><![CDATA[jane.author@mail.test]]></wp:author_email><wp:author_display_name><![CDATA[Jane Doe]]></wp:author_display_name></wp:author>
<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[recovery]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Recovery]]></wp:cat_name></wp:category>
<wp:category><wp:term_id>5</wp:term_id><wp:category_nicename><![CDATA[families]]></wp:category_nicename><wp:category_parent><![CDATA[]]></wp:category_parent><wp:cat_name><![CDATA[Families]]></wp:cat_name></wp:category>
${extra}${posts.map(post).join('\n')}</channel></rss>`;
}

let site: SiteCopy;
let exportFile: string;
beforeEach(async () => {
  site = await copySite(projectRoot);
  exportFile = join(site.root, 'export.xml');
});
afterEach(() => site.remove());

const reviewed = { reviewedBy: 'clinical-review-team', reviewedOn: new Date().toISOString().slice(0, 10) };
const options = (more: Partial<ImportOptions> = {}): ImportOptions => ({
  exportFile,
  root: site.root,
  dryRun: false,
  force: false,
  tagsAsTopics: false,
  now: new Date(),
  ...reviewed,
  ...more,
});
const importing = async (posts: Post[], more: Partial<ImportOptions> = {}, extra = '') => {
  writeFileSync(exportFile, wxr(posts, extra));
  return runImport(options(more));
};
const article = (slug: string) => {
  const dir = join(site.root, ARTICLES_DIR);
  const file = ['md', 'mdx'].map((ext) => join(dir, `${slug}.${ext}`)).find((f) => existsSync(f));
  return file ? readFileSync(file, 'utf8') : undefined;
};
const allWritten = () => {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(join(site.root, 'src'));
  return out.join('\n');
};

describe('what is published', () => {
  it.each([
    ['publish', false],
    ['draft', true],
    ['pending', true],
    ['future', true],
  ])('a %s post is written with draft: %s', async (status, draft) => {
    await importing([{ id: 7, status }]);
    expect(article('post-7')).toContain(`draft: ${draft}`);
  });

  it.each([
    ['private', { status: 'private' }],
    ['trashed', { status: 'trash' }],
    ['password-protected', { password: 'pw' }],
  ])('a %s post is never written, and its words appear nowhere', async (_, p) => {
    const outcome = await importing([
      { id: 8, title: 'Secret title words', content: '<p>Secret body words</p>', ...p },
    ]);
    expect(article('post-8')).toBeUndefined();
    const told = JSON.stringify(outcome.plan.entries) + JSON.stringify(outcome.plan.skipped);
    expect(allWritten() + told).not.toMatch(/Secret (title|body) words|post-8/);
  });

  it('without an attestation every post stays a draft, and says why', async () => {
    const outcome = await importing([{ id: 9 }], { reviewedBy: undefined, reviewedOn: undefined });
    expect(article('post-9')).toContain('draft: true');
    expect(article('post-9')).not.toContain('reviewer:');
    const codes = outcome.plan.entries.find((e) => e.id === '9')!.findings.map((f) => f.code);
    expect(codes).toContain('review-missing');
  });

  it.each([
    [{ reviewedBy: 'editorial-team' }, /may not review|reviewsClinicalContent|allowed to review/i],
    [{ reviewedBy: 'nobody-here' }, /nobody-here/],
    [{ reviewedOn: '2031-01-01' }, /future/],
    [{ reviewedOn: undefined }, /--reviewed-on/],
  ])('refuses the attestation %j and writes nothing', async (bad, message) => {
    writeFileSync(exportFile, wxr([{ id: 10 }]));
    await expect(runImport(options(bad))).rejects.toThrow(ImportNotStarted);
    await expect(runImport(options(bad))).rejects.toThrow(message);
    expect(existsSync(join(site.root, ARTICLES_DIR))).toBe(false);
  });
});

describe('text and SEO', () => {
  it('carries Yoast title, description and noindex over, primary category first', async () => {
    await importing([
      {
        id: 11,
        title: 'A headline that is far too long to fit in a search result as it stands now',
        categories: ['recovery', 'families'],
        meta: {
          _yoast_wpseo_title: 'Short title %%sep%% %%sitename%%',
          _yoast_wpseo_metadesc: `${LONG} More words.`,
          '_yoast_wpseo_meta-robots-noindex': '1',
          _yoast_wpseo_primary_category: '5',
        },
      },
    ]);
    const text = article('post-11')!;
    expect(text).toMatch(/seoTitle: Short title - /);
    expect(text).toContain(`description: ${LONG} More words.`);
    expect(text).toContain('noindex: true');
    expect(text).toMatch(/topics:\n {2}- families\n {2}- recovery/);
  });

  it('a Gravity Form becomes a link to the callback form on the page', async () => {
    await importing([{ id: 12, content: `<p>${LONG}</p>\n[gravityform id="3" title="false"]` }]);
    expect(article('post-12')).toMatch(/\]\(#cb-title\)/);
    expect(article('post-12')).not.toContain('gravityform');
  });

  it('a zero date keeps the post a draft and says so', async () => {
    const outcome = await importing([{ id: 13, date: '0000-00-00 00:00:00' }]);
    expect(article('post-13')).toContain('draft: true');
    expect(outcome.plan.entries.find((e) => e.id === '13')!.findings.map((f) => f.code)).toContain(
      'date-missing',
    );
  });

  it('reads text split across CDATA sections whole', async () => {
    await importing([{ id: 14, content: `<p>First half, ]]]]><![CDATA[> second half. ${LONG}</p>` }]);
    expect(article('post-14')).toContain('First half, ]]> second half.');
  });

  it('a percent-encoded Greek slug becomes a readable ASCII one', async () => {
    await importing([{ id: 15, slug: '%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf' }]);
    expect(article('epipedo')).toBeDefined();
    const redirects = JSON.parse(readFileSync(join(site.root, REDIRECTS_FILE), 'utf8')) as { from: string }[];
    expect(redirects.map((r) => r.from)).toContain('/%CE%B5%CF%80%CE%AF%CF%80%CE%B5%CE%B4%CE%BF/');
  });

  it('links between imported posts lead to the new pages, and the contact page to /callback/', async () => {
    await importing([
      {
        id: 16,
        content: `<p>${LONG} <a href="https://old.example/post-17/">next</a> <a href="/contact/">call</a></p>`,
      },
      { id: 17 },
    ]);
    expect(article('post-16')).toContain('[next](/articles/post-17/)');
    expect(article('post-16')).toContain('[call](/callback/)');
  });
});

describe('privacy', () => {
  it('no email or IP address of authors or commenters is written', async () => {
    const outcome = await importing([
      { id: 18, comment: { email: 'visitor.private@mail.test', ip: '203.0.113.77', text: 'My own story' } },
    ]);
    const everything = allWritten() + JSON.stringify(outcome.plan.entries);
    for (const secret of [
      'visitor.private@mail.test',
      '203.0.113.77',
      'jane.author@mail.test',
      'My own story',
    ])
      expect(everything).not.toContain(secret);
  });
});

describe('running again', () => {
  it('changes nothing on the same export, updates what changed, and leaves a hand edit alone', async () => {
    const posts: Post[] = [{ id: 20 }, { id: 21 }];
    await importing(posts);
    const again = await importing(posts);
    expect(again.commit.outcomes.every((o) => o.outcome === 'unchanged')).toBe(true);

    const edited = join(site.root, ARTICLES_DIR, 'post-20.md');
    writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nAn editor's line.\n`);
    const newer = await importing([
      { id: 20, content: `<p>New words. ${LONG}</p>` },
      { id: 21, content: `<p>Newer words. ${LONG}</p>` },
    ]);
    const outcomeOf = (slug: string) =>
      newer.commit.outcomes.find((o) => o.path === `${ARTICLES_DIR}/${slug}.md`)?.outcome;
    expect(outcomeOf('post-20')).toBe('conflict');
    expect(readFileSync(edited, 'utf8')).toContain("An editor's line.");
    expect(outcomeOf('post-21')).toBe('updated');
    expect(article('post-21')).toContain('Newer words.');

    const forced = await importing([{ id: 20, content: `<p>New words. ${LONG}</p>` }], { force: true });
    expect(article('post-20')).toContain('New words.');
    // Post 21 left the export: its file goes with it.
    expect(forced.commit.outcomes.find((o) => o.path.endsWith('post-21.md'))?.outcome).toBe('removed');
    expect(article('post-21')).toBeUndefined();
  });

  it('a dry run writes nothing', async () => {
    const outcome = await importing([{ id: 22 }], { dryRun: true });
    expect(outcome.commit.outcomes.some((o) => o.outcome === 'created')).toBe(true);
    expect(existsSync(join(site.root, ARTICLES_DIR))).toBe(false);
  });
});

describe('one bad post', () => {
  it('stops nothing: it is reported as failed, by id, and the others are written', async () => {
    const { planImport } = await import('../../../src/import/wordpress/plan-import.ts');
    const { readWxr } = await import('../../../src/import/wordpress/wxr.ts');
    const { convertPost } = await import('../../../src/import/wordpress/html/index.ts');
    const exp = readWxr(wxr([{ id: 30, content: '<p>boom</p>' }, { id: 31 }]), 'bad-post.xml');
    const plan = await planImport(
      exp,
      { people: new Map(), topics: new Map(), articles: [], redirects: [] },
      {
        siteName: 'Site',
        reviewPolicy: { maxAgeMonths: 12, clinicalCredentials: ['MD'] },
        now: new Date(),
        uploadsDir: null,
        tagsAsTopics: false,
        convertPost: (html, ctx) => {
          if (html.includes('boom')) throw new TypeError('Secret words of the post');
          return convertPost(html, ctx);
        },
      },
    );
    const failed = plan.entries.find((e) => e.id === '30')!;
    expect(failed).toMatchObject({
      failed: true,
      findings: [{ code: 'convert-failed', detail: 'TypeError' }],
    });
    expect(JSON.stringify(plan.entries)).not.toContain('Secret words');
    expect([...plan.files.keys()]).toContain(`${ARTICLES_DIR}/post-31.md`);
    expect([...plan.files.keys()].some((k) => k.includes('post-30'))).toBe(false);
  });

  it('a category the export does not list still becomes a topic', async () => {
    await importing([{ id: 32, categories: ['unlisted-topic'] }]);
    expect(existsSync(join(site.root, 'src/content/topics/unlisted-topic.yaml'))).toBe(true);
    expect(article('post-32')).toContain('- unlisted-topic');
  });
});
