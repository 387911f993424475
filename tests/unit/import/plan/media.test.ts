/**
 * Images of imported posts: the original upload behind a URL, its local copy and the path
 * an article uses, featured images, and patients' form uploads never touched. Small
 * uploads folders made here, and wptest with its real uploads/ from ../shared (skipped
 * with a message without it).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachmentsById,
  createImageResolver,
  featuredImage,
  isPrivateUpload,
  originalUpload,
  uploadsBases,
} from '../../../../src/import/wordpress/plan/media.ts';
import {
  emptyExport,
  emptyItem,
  readWxr,
  type WxrExport,
  type WxrItem,
} from '../../../../src/import/wordpress/wxr.ts';

const FIXTURES = fileURLToPath(new URL('../../../../../shared/fixtures/wordpress/', import.meta.url));
const haveFixtures = existsSync(FIXTURES);
if (!haveFixtures)
  console.warn(`Skipping the real WordPress exports: ${FIXTURES} is absent (it lives in ../shared).`);

const BASES = ['https://old.example/wp-content/uploads/', 'https://cdn.example/uploads/sites/2/'];
const U = 'https://old.example/wp-content/uploads';

describe('originalUpload', () => {
  it.each([
    [`${U}/2013/03/photo.jpg`, '2013/03/photo.jpg'],
    [`${U}/2013/03/photo-1024x683.jpg`, '2013/03/photo.jpg'],
    [`${U}/2013/03/photo-scaled.jpg`, '2013/03/photo.jpg'],
    [`${U}/2013/03/photo-e1234567890.jpg`, '2013/03/photo.jpg'],
    [`${U}/2013/03/photo-e1234567890-300x200.jpg`, '2013/03/photo.jpg'],
    [`${U}/2013/03/photo-1024x683.jpg?resize=10#x`, '2013/03/photo.jpg'],
    [`http://www.old.example/wp-content/uploads/2013/03/photo.jpg`, '2013/03/photo.jpg'],
    ['/wp-content/uploads/2013/03/photo.jpg', '2013/03/photo.jpg'],
    ['https://cdn.example/uploads/sites/2/2011/01/a.png', '2011/01/a.png'],
    [`${U}/2013/03/caf%C3%A9%20au%20lait.jpg`, '2013/03/café au lait.jpg'],
    [`${U}/2013/03/1024x683.jpg`, '2013/03/1024x683.jpg'],
    [`${U}/2013/03/image-alignment-1200x4002-300x100.jpg`, '2013/03/image-alignment-1200x4002.jpg'],
    [`${U}/gravity_forms/1-abc/2024/01/intake.pdf`, null],
    ['https://cdn.example/uploads/sites/2/gravity_forms/x.pdf', null],
    [`${U}/../wp-config.php`, null],
    [`${U}/2013/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd`, null],
    [`${U}/2013/..%5C..%5Cwin.ini`, null],
    ['https://elsewhere.example/wp-content/uploads/2013/03/photo.jpg', null],
    ['https://old.example/2013/03/photo.jpg', null],
    ['data:image/png;base64,AAAA', null],
  ])('%s -> %s', (url, expected) => {
    expect(originalUpload(url, BASES)).toBe(expected);
  });

  it('keeps a name that is itself an upload, though it looks resized', () => {
    const originals = new Set(['2013/03/image-alignment-150x150.jpg']);
    expect(originalUpload(`${U}/2013/03/image-alignment-150x150.jpg`, BASES)).toBe(
      '2013/03/image-alignment.jpg',
    );
    expect(originalUpload(`${U}/2013/03/image-alignment-150x150.jpg`, BASES, originals)).toBe(
      '2013/03/image-alignment-150x150.jpg',
    );
  });

  it.each([
    [`${U}/gravity_forms/1-abc/intake.pdf`, true],
    [`${U}/2013/03/gravity_forms.jpg`, false],
    [`${U}/2013/03/photo.jpg`, false],
  ])('isPrivateUpload(%s) = %s', (url, expected) => {
    expect(isPrivateUpload(url, BASES)).toBe(expected);
  });
});

describe('createImageResolver with a local uploads folder', () => {
  let dir: string;
  const files = [
    '2013/03/photo.jpg',
    '2013/03/photo-1024x683.jpg',
    '2013/03/only-resized-300x200.jpg',
    '2013/03/image-alignment-150x150.jpg',
    // Both uploaded: the export says the -150x150 one is an upload of its own.
    '2013/03/image-alignment.jpg',
    '2013/03/Photo 1.jpg',
    '2013/03/photo-1.jpg',
    '2013/03/Ελληνικά.PNG',
    'gravity_forms/1-abc/intake.pdf',
  ];
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'uploads-'));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), file);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const resolver = () =>
    createImageResolver({
      uploadsDir: dir,
      uploadsBase: BASES,
      articleDir: 'src/content/articles/wordpress',
      originals: ['2013/03/image-alignment-150x150.jpg'],
    });

  it.each([
    ['the original', `${U}/2013/03/photo.jpg`, './uploads/2013/03/photo.jpg'],
    [
      'a resized copy resolves to the original',
      `${U}/2013/03/photo-1024x683.jpg`,
      './uploads/2013/03/photo.jpg',
    ],
    [
      'a resized copy of a missing original: the copy',
      `${U}/2013/03/only-resized-300x200.jpg`,
      './uploads/2013/03/only-resized-300x200.jpg',
    ],
    [
      'an upload that looks resized',
      `${U}/2013/03/image-alignment-150x150.jpg`,
      './uploads/2013/03/image-alignment-150x150.jpg',
    ],
    ['not on disk', `${U}/2013/03/gone.jpg`, null],
    ['not an uploads URL', 'https://elsewhere.example/a.jpg', null],
    ['a patient file', `${U}/gravity_forms/1-abc/intake.pdf`, null],
  ])('%s', (_, src, expected) => {
    expect(resolver().resolve(src)).toBe(expected);
  });

  it('gives file names that need no escaping, unique, whatever the order', () => {
    const srcs = [
      `${U}/2013/03/Photo%201.jpg`,
      `${U}/2013/03/photo-1.jpg`,
      `${U}/2013/03/%CE%95%CE%BB%CE%BB%CE%B7%CE%BD%CE%B9%CE%BA%CE%AC.PNG`,
    ];
    const forward = resolver();
    const paths = srcs.map((src) => forward.resolve(src));
    const backward = resolver();
    expect([...srcs].reverse().map((src) => backward.resolve(src))).toEqual([...paths].reverse());
    expect(new Set(paths).size).toBe(3);
    for (const path of paths) expect(path).toMatch(/^\.\/uploads\/2013\/03\/[a-z0-9][a-z0-9_-]*\.[a-z0-9]+$/);
    expect(paths[1]).toBe('./uploads/2013/03/photo-1.jpg');
    expect(forward.copies()).toEqual(backward.copies());
  });

  it('lists each copy once, sorted, from the original on disk to the project', () => {
    const images = resolver();
    for (const src of [
      `${U}/2013/03/photo-1024x683.jpg`,
      `${U}/2013/03/photo.jpg`,
      `${U}/2013/03/only-resized-300x200.jpg`,
    ])
      images.resolve(src);
    expect(images.copies()).toEqual([
      {
        from: join(dir, '2013/03/only-resized-300x200.jpg'),
        to: 'src/content/articles/wordpress/uploads/2013/03/only-resized-300x200.jpg',
      },
      {
        from: join(dir, '2013/03/photo.jpg'),
        to: 'src/content/articles/wordpress/uploads/2013/03/photo.jpg',
      },
    ]);
  });

  it('reports a missing image with its uploads path, a patient file with nothing at all', () => {
    const images = resolver();
    images.resolve(`${U}/2013/03/gone-300x200.jpg`);
    images.resolve(`${U}/2013/03/gone.jpg`);
    images.resolve(`${U}/gravity_forms/1-abc/intake.pdf`);
    images.resolve(`${U}/gravity_forms/2-def/other.pdf`);
    expect(images.findings()).toEqual([
      { code: 'image-missing', review: true, detail: '2013/03/gone.jpg' },
      { code: 'private-upload-skipped', review: false },
    ]);
    expect(JSON.stringify(images.copies())).not.toContain('gravity_forms');
  });

  it('without an uploads folder resolves nothing, and copies nothing', () => {
    const images = createImageResolver({
      uploadsDir: null,
      uploadsBase: BASES,
      articleDir: 'src/content/articles',
    });
    expect(images.resolve(`${U}/2013/03/photo.jpg`)).toBeNull();
    expect(images.copies()).toEqual([]);
  });

  it('paths are relative to the article folder', () => {
    const images = createImageResolver({
      uploadsDir: dir,
      uploadsBase: BASES,
      articleDir: 'src/content/articles',
    });
    expect(images.resolve(`${U}/2013/03/photo.jpg`)).toBe('./wordpress/uploads/2013/03/photo.jpg');
  });
});

const attachment = (id: number, extra: Partial<WxrItem>): WxrItem => ({
  ...emptyItem(),
  id,
  type: 'attachment',
  status: 'inherit',
  link: `https://old.example/?attachment_id=${id}`,
  ...extra,
});

describe('attachments and featured images', () => {
  const exp: WxrExport = {
    ...emptyExport(),
    version: '1.2',
    items: [
      attachment(5, {
        parent: 9,
        attachmentUrl: 'https://old.example/blog/wp-content/uploads/sites/3/2013/03/photo.jpg',
        meta: { _wp_attached_file: ['2013/03/photo.jpg'], _wp_attachment_image_alt: [' A photo '] },
      }),
      attachment(6, { attachmentUrl: 'https://files.example/2014/01/other.png' }),
      attachment(7, {}),
    ],
  };

  it('reads url, file, alt, parent and link', () => {
    expect(attachmentsById(exp).get(5)).toEqual({
      id: 5,
      url: 'https://old.example/blog/wp-content/uploads/sites/3/2013/03/photo.jpg',
      file: '2013/03/photo.jpg',
      alt: 'A photo',
      parent: 9,
      link: 'https://old.example/?attachment_id=5',
    });
    expect(attachmentsById(exp).get(7)).toMatchObject({ url: '', file: '', alt: '' });
  });

  it('finds the uploads bases from the attachments themselves', () => {
    expect(uploadsBases(exp)).toEqual([
      'https://files.example/',
      'https://old.example/blog/wp-content/uploads/sites/3/',
    ]);
  });

  it.each([
    [
      { _thumbnail_id: ['5'] },
      { id: 5, url: 'https://old.example/blog/wp-content/uploads/sites/3/2013/03/photo.jpg', alt: 'A photo' },
    ],
    [{ _thumbnail_id: ['7'] }, null],
    [{ _thumbnail_id: ['404'] }, null],
    [{ _thumbnail_id: ['x'] }, null],
    [{}, null],
  ])('featured image of %j', (meta, expected) => {
    expect(featuredImage({ meta }, attachmentsById(exp))).toEqual(expected);
  });
});

describe.skipIf(!haveFixtures)('real export wptest with its uploads (skipped without ../shared)', () => {
  let exp: WxrExport;
  beforeAll(() => {
    const path = `${FIXTURES}wptest/wptest.xml`;
    exp = readWxr(readFileSync(path, 'utf8'), path);
  });
  const images = (wxr: WxrExport) =>
    createImageResolver({
      uploadsDir: `${FIXTURES}wptest/uploads`,
      uploadsBase: uploadsBases(wxr),
      articleDir: 'src/content/articles/wordpress',
      originals: [...attachmentsById(wxr).values()].map(({ file }) => file),
    });

  it('43 of the 44 attachments resolve to a local file: the missing one is the mp3', () => {
    const resolver = images(exp);
    const missing = [...attachmentsById(exp).values()].filter(({ url }) => resolver.resolve(url) === null);
    expect(missing.map(({ file }) => file)).toEqual(['2013/03/Eddy-Need-Remix.mp3']);
    expect(resolver.copies()).toHaveLength(43);
    for (const { from } of resolver.copies()) expect(existsSync(from)).toBe(true);
  });

  it('every featured image of a post resolves, with its alt text', () => {
    const attachments = attachmentsById(exp);
    const resolver = images(exp);
    const featured = exp.items.flatMap((item) => {
      const image = item.type === 'post' ? featuredImage(item, attachments) : null;
      return image ? [image] : [];
    });
    expect(featured.length).toBe(3);
    for (const image of featured) {
      expect(resolver.resolve(image.url)).toMatch(/^\.\/uploads\/\d{4}\/\d{2}\/[a-z0-9_-]+\.jpg$/);
      expect(image.alt).not.toBe('');
    }
  });

  it("image URLs in the posts resolve to the attachments' originals", () => {
    const resolver = images(exp);
    const srcs = exp.items.flatMap((item) =>
      [...item.content.matchAll(/src="([^"]+)"/g)].map((match) => match[1]!),
    );
    const resolved = srcs.map((src) => resolver.resolve(src)).filter((path) => path !== null);
    expect(resolved.length).toBeGreaterThan(0);
    const originals = new Set([...attachmentsById(exp).values()].map(({ file }) => `./uploads/${file}`));
    for (const path of resolved) expect(originals).toContain(path);
  });
});
