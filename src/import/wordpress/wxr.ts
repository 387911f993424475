/**
 * Reads a WordPress export (WXR 1.0-1.2) into plain typed data: the first step of
 * `npm run import:wordpress` (issue 13). An XML parser (saxes), never regular expressions
 * over the markup: CDATA split across sections, entities and a byte-order mark are the
 * parser's business, and a malformed file stops with `file:line:column`.
 *
 * Privacy by omission: author and commenter emails, commenter IPs and comment text are
 * never read into memory. Comments are only counted, so a summary can account for them.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

export interface WxrAuthor {
  login: string;
  displayName: string;
}

export interface WxrTerm {
  /** Category nicename or tag slug: the URL part. */
  slug: string;
  name: string;
  description: string;
  /** Parent category's slug ('' for none; always '' for tags). */
  parent: string;
  /** `wp:term_id`, which Yoast's primary category refers to; absent in some old exports. */
  termId?: number;
}

export interface WxrItemTerm {
  /** "category", "post_tag", or another taxonomy. */
  domain: string;
  slug: string;
  name: string;
}

export interface WxrItem {
  id: number;
  /** "post", "page", "attachment", "nav_menu_item", "revision", ... */
  type: string;
  /** "publish", "draft", "pending", "future", "private", "trash", "inherit", ... */
  status: string;
  title: string;
  /** The item's old address, as WordPress gave it. */
  link: string;
  /** `wp:post_name`: may be percent-encoded, may be empty (drafts). */
  slug: string;
  /** Publication time in UTC (ISO 8601), or null for WordPress's zero date. */
  publishedAt: string | null;
  /** The author's login (dc:creator). */
  creator: string;
  content: string;
  excerpt: string;
  parent: number;
  /** True when the post is password-protected: its text must never be written anywhere. */
  hasPassword: boolean;
  /** For attachments: the file's URL under wp-content/uploads. */
  attachmentUrl: string | null;
  terms: WxrItemTerm[];
  /** Post meta (`_thumbnail_id`, `_wp_old_slug`, Yoast's `_yoast_wpseo_*`, ...), every value per key in order. */
  meta: Record<string, string[]>;
  commentCount: number;
}

export interface WxrExport {
  /** `wp:wxr_version`, e.g. "1.2". */
  version: string;
  title: string;
  link: string;
  baseSiteUrl: string;
  baseBlogUrl: string;
  authors: WxrAuthor[];
  categories: WxrTerm[];
  tags: WxrTerm[];
  items: WxrItem[];
}

/** A file that is not a readable WordPress export; `message` starts with `file:line:column`. */
export class WxrError extends Error {
  override name = 'WxrError';
  readonly file: string;
  readonly line: number;
  readonly column: number;
  constructor(file: string, line: number, column: number, reason: string) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

// WordPress has written its namespace over http:// and https://, for versions 1.0 to 1.2.
const WP_NS = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/$/;
const EXCERPT_NS = /^https?:\/\/wordpress\.org\/export\/1\.[012]\/excerpt\/$/;
const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const DC_NS = 'http://purl.org/dc/elements/1.1/';

type Kind = 'wp' | 'excerpt' | 'content' | 'dc' | 'rss' | 'other';

function kindOf(uri: string): Kind {
  if (uri === '') return 'rss';
  if (WP_NS.test(uri)) return 'wp';
  if (EXCERPT_NS.test(uri)) return 'excerpt';
  if (uri === CONTENT_NS) return 'content';
  if (uri === DC_NS) return 'dc';
  return 'other';
}

/** "kind:local", the name a handler below matches on, whatever prefix the file used. */
const nameOf = (tag: SaxesTagNS) => `${kindOf(tag.uri)}:${tag.local}`;

const ZERO_DATE = /^0000-00-00/;

/** saxes puts its own "line:column: " in front of a message; we give ours with the file name. */
const stripPosition = (message: string) => message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');

/** WordPress's "YYYY-MM-DD HH:MM:SS" in UTC to ISO 8601; null for the zero date or nonsense. */
export function wxrDate(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || ZERO_DATE.test(value)) return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** An item with every field empty: the reader fills it in, tests start from it. */
export function emptyItem(): WxrItem {
  return {
    id: 0,
    type: '',
    status: '',
    title: '',
    link: '',
    slug: '',
    publishedAt: null,
    creator: '',
    content: '',
    excerpt: '',
    parent: 0,
    hasPassword: false,
    attachmentUrl: null,
    terms: [],
    meta: {},
    commentCount: 0,
  };
}

/** Where each part of a term sits in a `<wp:category>` or `<wp:tag>`; tags have no parent. */
const CATEGORY_FIELDS = ['category_nicename', 'cat_name', 'category_description', 'category_parent'] as const;
const TAG_FIELDS = ['tag_slug', 'tag_name', 'tag_description', null] as const;

function termOf(
  fields: Record<string, string>,
  [slug, name, description, parent]: readonly [string, string, string, string | null],
): WxrTerm {
  const read = (key: string | null) => (key === null ? '' : (fields[key] ?? ''));
  const term = { slug: read(slug), name: read(name), description: read(description), parent: read(parent) };
  const termId = Number(fields.term_id);
  return Number.isInteger(termId) && termId > 0 ? { ...term, termId } : term;
}

/** An export with nothing in it: the reader fills it in, tests start from it. */
export function emptyExport(): WxrExport {
  return {
    version: '',
    title: '',
    link: '',
    baseSiteUrl: '',
    baseBlogUrl: '',
    authors: [],
    categories: [],
    tags: [],
    items: [],
  };
}

export function readWxr(text: string, file: string): WxrExport {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const out = emptyExport();
  // The open elements, as "kind:local" names, and the text of the innermost one.
  const path: string[] = [];
  let textBuffer = '';
  let fields: Record<string, string> = {};
  let item: WxrItem | null = null;
  let itemTerm: { domain: string; slug: string } | null = null;
  let metaKey = '';
  let metaValue = '';
  let sawWpNamespace = false;
  let failure: WxrError | null = null;

  const fail = (reason: string) => {
    failure ??= new WxrError(file, parser.line, parser.column, reason);
  };
  // Inside a comment nothing is kept: its author, email, IP and text stay in the file.
  const inComment = () => path.includes('wp:comment');

  parser.on('error', (error) => fail(stripPosition(error.message)));
  parser.on('opentag', (tag) => {
    const name = nameOf(tag);
    if (kindOf(tag.uri) === 'wp' || kindOf(tag.uri) === 'excerpt') sawWpNamespace = true;
    if (path.length === 0 && name !== 'rss:rss') fail(`not a WordPress export: the root is <${tag.name}>`);
    path.push(name);
    textBuffer = '';
    if (name === 'rss:item' && path.length === 3) item = emptyItem();
    else if (name === 'wp:author' || name === 'wp:category' || name === 'wp:tag') fields = {};
    else if (item && name === 'rss:category' && path.length === 4) {
      const attribute = (key: string) => String(tag.attributes[key]?.value ?? '');
      itemTerm = { domain: attribute('domain'), slug: attribute('nicename') };
    } else if (item && name === 'wp:comment' && path.length === 4) item.commentCount++;
    else if (name === 'wp:postmeta') metaKey = metaValue = '';
  });
  const addText = (chunk: string) => {
    if (!inComment()) textBuffer += chunk;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => {
    const name = path.pop()!;
    const value = textBuffer;
    textBuffer = '';
    if (inComment() || name === 'wp:comment') return;
    const parent = path.at(-1);
    if (parent === 'rss:channel') {
      if (name === 'rss:title') out.title = value.trim();
      else if (name === 'rss:link') out.link = value.trim();
      else if (name === 'wp:wxr_version') out.version = value.trim();
      else if (name === 'wp:base_site_url') out.baseSiteUrl = value.trim();
      else if (name === 'wp:base_blog_url') out.baseBlogUrl = value.trim();
      else if (name === 'wp:author')
        out.authors.push({
          login: fields['author_login'] ?? '',
          displayName: fields['author_display_name'] ?? '',
        });
      else if (name === 'wp:category') out.categories.push(termOf(fields, CATEGORY_FIELDS));
      else if (name === 'wp:tag') out.tags.push(termOf(fields, TAG_FIELDS));
      else if (name === 'rss:item' && item) {
        out.items.push(item);
        item = null;
      }
      return;
    }
    if (parent === 'wp:author' || parent === 'wp:category' || parent === 'wp:tag') {
      // author_email is deliberately not kept.
      if (name !== 'wp:author_email') fields[name.slice(3)] = value.trim();
      return;
    }
    if (parent === 'wp:postmeta') {
      if (name === 'wp:meta_key') metaKey = value.trim();
      else if (name === 'wp:meta_value') metaValue = value;
      return;
    }
    if (!item || parent !== 'rss:item') return;
    switch (name) {
      case 'rss:title':
        item.title = value.trim();
        break;
      case 'rss:link':
        item.link = value.trim();
        break;
      case 'dc:creator':
        item.creator = value.trim();
        break;
      case 'content:encoded':
        item.content = value;
        break;
      case 'excerpt:encoded':
        item.excerpt = value;
        break;
      case 'wp:post_id':
        item.id = Number(value.trim()) || 0;
        break;
      case 'wp:post_date_gmt':
        item.publishedAt = wxrDate(value);
        break;
      case 'wp:post_name':
        item.slug = value.trim();
        break;
      case 'wp:status':
        item.status = value.trim();
        break;
      case 'wp:post_parent':
        item.parent = Number(value.trim()) || 0;
        break;
      case 'wp:post_type':
        item.type = value.trim();
        break;
      case 'wp:post_password':
        // Only whether there is one: the password itself is of no use to us.
        item.hasPassword = value.trim() !== '';
        break;
      case 'wp:attachment_url':
        item.attachmentUrl = value.trim() || null;
        break;
      case 'rss:category':
        if (itemTerm) item.terms.push({ ...itemTerm, name: value.trim() });
        itemTerm = null;
        break;
      case 'wp:postmeta':
        if (metaKey) (item.meta[metaKey] ??= []).push(metaValue);
        break;
    }
  });

  try {
    // A byte-order mark is not part of the XML.
    parser.write(text.startsWith('\uFEFF') ? text.slice(1) : text);
    if (!failure) parser.close();
  } catch (error) {
    fail(error instanceof Error ? stripPosition(error.message) : 'unreadable');
  }
  if (failure) throw failure;
  if (!sawWpNamespace)
    throw new WxrError(file, 1, 1, 'not a WordPress export: no WordPress export namespace');
  return out;
}
