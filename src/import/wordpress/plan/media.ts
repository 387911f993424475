/**
 * The images of imported posts: which file of a local copy of `wp-content/uploads` an
 * image URL stands for, where it is copied to next to the articles, and which attachment is
 * a post's featured image. Reads the file system only to ask whether a file exists.
 *
 * WordPress serves resized copies (`photo-1024x683.jpg`), the big-image copy
 * (`photo-scaled.jpg`) and edited copies (`photo-e1234567890.jpg`) of one upload: the
 * original is what the site's own image pipeline should start from. Anything under
 * `gravity_forms/` holds files patients uploaded through a form: never resolved, never
 * copied, and reported without saying which file.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { finding, type Finding } from '../findings.ts';
import type { WxrExport, WxrItem } from '../wxr.ts';
import { urlParts } from './paths.ts';

/** One attachment (media library item) of the export. */
export interface Attachment {
  id: number;
  /** `wp:attachment_url`: the uploaded file's URL ('' when the export has none). */
  url: string;
  /** `_wp_attached_file`: the file's path under uploads, e.g. "2013/03/photo.jpg" ('' if absent). */
  file: string;
  /** `_wp_attachment_image_alt` ('' if absent). */
  alt: string;
  /** The post it was uploaded to (0 for none). */
  parent: number;
  /** Its attachment page. */
  link: string;
}

/** The export's attachments by id. */
export function attachmentsById(exp: WxrExport): Map<number, Attachment> {
  const out = new Map<number, Attachment>();
  for (const item of exp.items)
    if (item.type === 'attachment')
      out.set(item.id, {
        id: item.id,
        url: item.attachmentUrl ?? '',
        file: item.meta['_wp_attached_file']?.[0]?.trim() ?? '',
        alt: item.meta['_wp_attachment_image_alt']?.[0]?.trim() ?? '',
        parent: item.parent,
        link: item.link,
      });
  return out;
}

/**
 * The uploads base URLs the export's own attachments use (e.g.
 * "http://wptest.io/demo/wp-content/uploads/sites/2/"): each attachment URL minus its
 * `_wp_attached_file`, or minus its `YYYY/MM/name` when that meta is missing. Sorted, unique.
 */
export function uploadsBases(exp: WxrExport): string[] {
  const out = new Set<string>();
  for (const { url, file } of attachmentsById(exp).values()) {
    if (!url) continue;
    const clean = url.replace(/[?#].*$/, '');
    if (file && clean.endsWith(file)) out.add(clean.slice(0, -file.length));
    else {
      const match = /^(.*\/)\d{4}\/\d{2}\/[^/]+$/.exec(clean);
      if (match?.[1]) out.add(match[1]);
    }
  }
  return [...out].sort();
}

/** Where a URL's path sits under one of the uploads bases, decoded, or null. */
function underUploads(url: string, uploadsBase: readonly string[]): string[] | null {
  const parts = urlParts(url);
  if (!parts) return null;
  for (const base of uploadsBase) {
    const root = urlParts(base);
    if (!root || (parts.host !== null && root.host !== null && parts.host !== root.host)) continue;
    const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
    if (!parts.path.startsWith(prefix)) continue;
    const segments = parts.path.slice(prefix.length).split('/').map(decodeURIComponent);
    // An encoded slash (`..%2F..%2Fetc`) decodes inside one segment: refuse it, never climb out.
    if (segments.some((segment) => ['', '.', '..'].includes(segment) || /[/\\\0]/.test(segment))) return null;
    return segments;
  }
  return null;
}

/** True for a URL of a file under `gravity_forms/` in the uploads: a patient's file. */
export function isPrivateUpload(url: string, uploadsBase: readonly string[]): boolean {
  return underUploads(url, uploadsBase)?.includes('gravity_forms') ?? false;
}

// Applied from the end of the name, in the order WordPress appends them:
// edit (-e + a timestamp), big-image copy (-scaled), resized copy (-WxH).
const SUFFIXES = [/-\d+x\d+$/, /-scaled$/, /-e\d{10,13}$/];

/**
 * The name and every shorter name WordPress could have made it from, longest first:
 * "a-e1234567890-300x200.jpg" → that, "a-e1234567890.jpg", "a.jpg".
 */
function originsOf(path: string): string[] {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return [path];
  let stem = name.slice(0, dot);
  const ext = name.slice(dot);
  const out = [path];
  for (const suffix of SUFFIXES) {
    const shorter = stem.replace(suffix, '');
    if (shorter !== stem && shorter !== '') {
      stem = shorter;
      out.push(`${dir}${stem}${ext}`);
    }
  }
  return out;
}

/**
 * The path under uploads ("2013/03/photo.jpg") of the original of an uploads URL, or null
 * when it is not an uploads URL or is under `gravity_forms/`. With `originals` (the
 * export's `_wp_attached_file` values), a name that is itself an upload is kept even when
 * it looks like a resized copy ("image-alignment-150x150.jpg" is a real upload).
 */
export function originalUpload(
  url: string,
  uploadsBase: readonly string[],
  originals?: ReadonlySet<string>,
): string | null {
  const segments = underUploads(url, uploadsBase);
  if (!segments || segments.includes('gravity_forms')) return null;
  const origins = originsOf(segments.join('/'));
  return origins.find((path) => originals?.has(path)) ?? origins.at(-1)!;
}

/** A file name safe in a Markdown link and on any file system; see safeSegment. */
const SAFE = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * A segment as it may be written: kept when already lower-case ASCII without spaces,
 * otherwise slugified with a short hash of the original appended, so two names that slugify
 * alike ("Photo 1.jpg", "photo-1.jpg") stay two files, whatever order they are met in.
 */
function safeSegment(segment: string, isFile: boolean): string {
  const dot = isFile ? segment.lastIndexOf('.') : -1;
  const stem = dot > 0 ? segment.slice(0, dot) : segment;
  const ext = dot > 0 ? segment.slice(dot + 1) : '';
  if (SAFE.test(stem) && (ext === '' || /^[a-z0-9]+$/.test(ext))) return segment;
  const hash = createHash('sha256').update(segment).digest('hex').slice(0, 8);
  const slug = slugify(stem) || 'file';
  const safeExt = ext.toLowerCase().replace(/[^a-z0-9]/g, '');
  return `${slug}-${hash}${safeExt ? `.${safeExt}` : ''}`;
}

/** Where the copies of the uploads go, project-relative. */
export const UPLOADS_DEST = 'src/content/articles/wordpress/uploads';

/** What the image resolver needs to know of the old uploads and the new article folder. */
export interface ImageResolverInput {
  /** The local copy of `wp-content/uploads` (`--uploads`), or null when none was given. */
  uploadsDir: string | null;
  /** The uploads base URLs (see uploadsBases). */
  uploadsBase: readonly string[];
  /** The folder of the article files, project-relative (e.g. "src/content/articles/wordpress"). */
  articleDir: string;
  /** The export's `_wp_attached_file` values: names that are uploads, not resized copies. */
  originals?: Iterable<string>;
  /** Project-relative folder the files are copied to; UPLOADS_DEST by default. */
  destDir?: string;
}

/** One file to copy from the local uploads into the project. */
export interface ImageCopy {
  /** Absolute path of the local upload. */
  from: string;
  /** Project-relative destination. */
  to: string;
}

/** The images of one import: resolved one URL at a time, copied and reported at the end. */
export interface ImageResolver {
  /** The path to use in the article ("./uploads/2013/03/photo.jpg"), or null when no local file stands for `src`. */
  resolve(src: string): string | null;
  /** Every file a resolved image needs copied, sorted by destination, each once. */
  copies(): ImageCopy[];
  /** What a person should know, each once, sorted. */
  findings(): Finding[];
}

/** Resolves image URLs of posts to local copies of the uploads; see ImageResolver. */
export function createImageResolver(input: ImageResolverInput): ImageResolver {
  const originals = new Set(input.originals ?? []);
  const destDir = input.destDir ?? UPLOADS_DEST;
  const copies = new Map<string, ImageCopy>();
  const findings = new Map<string, Finding>();
  const note = (item: Finding) => findings.set(`${item.code} ${item.detail ?? ''}`, item);
  const exists = (path: string) => existsSync(path) && statSync(path).isFile();

  return {
    resolve(src) {
      const segments = underUploads(src, input.uploadsBase);
      if (!segments) return null;
      if (segments.includes('gravity_forms')) {
        // Which file, or whose, is not said.
        note(finding('private-upload-skipped', false));
        return null;
      }
      if (input.uploadsDir === null) return null;
      const origins = originsOf(segments.join('/'));
      // An upload the export names first, then the most original name found on disk, then the copy asked for.
      const order = [...origins.filter((path) => originals.has(path)), ...origins.slice().reverse()];
      const found = order.find((path) => exists(join(input.uploadsDir!, ...path.split('/'))));
      if (found === undefined) {
        note(finding('image-missing', true, origins.at(-1)));
        return null;
      }
      const parts = found.split('/');
      const to = posix.join(
        destDir,
        ...parts.map((part, index) => safeSegment(part, index === parts.length - 1)),
      );
      copies.set(to, { from: join(input.uploadsDir, ...parts), to });
      const relative = posix.relative(input.articleDir, to);
      return relative.startsWith('.') ? relative : `./${relative}`;
    },
    copies: () => [...copies.values()].sort((a, b) => (a.to < b.to ? -1 : a.to > b.to ? 1 : 0)),
    findings: () =>
      [...findings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, item]) => item),
  };
}

/** The featured image (`_thumbnail_id`) of a post: its attachment's URL and alt text, or null. */
export function featuredImage(
  item: Pick<WxrItem, 'meta'>,
  attachments: ReadonlyMap<number, Attachment>,
): { id: number; url: string; alt: string } | null {
  const id = Number(item.meta['_thumbnail_id']?.[0]?.trim());
  const attachment = Number.isInteger(id) && id > 0 ? attachments.get(id) : undefined;
  if (!attachment || !attachment.url) return null;
  return { id: attachment.id, url: attachment.url, alt: attachment.alt };
}
