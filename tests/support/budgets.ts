/**
 * Performance budgets of one built page, measured from its HTML and the files it loads
 * (no browser). Pure: the caller hands in the HTML and a way to read the site's files.
 *
 * Why these numbers: readers are often on "Slow 4G" (150 ms round trip, 1.6 Mbps) and an
 * old phone. A new TCP connection may send about 10 packets (~14.6 KB) before the first
 * acknowledgement, so a page whose HTML and render-critical CSS fit in 14 KB gzipped can
 * render after a single round trip.
 */
import { gzipSync } from 'node:zlib';
import { load, type CheerioAPI } from 'cheerio';

export const BUDGETS = {
  /** HTML plus every stylesheet it needs to render, gzipped. */
  criticalGz: 14 * 1024,
  /** All JavaScript of a page with a lead form (its enhancement, with every module it imports), gzipped. */
  formScriptGz: 3 * 1024,
  /** Any one image file, each srcset candidate included: ~0.5 s on Slow 4G. */
  imageBytes: 100 * 1024,
} as const;

export interface PageBudget {
  path: string;
  /** The document, gzipped; inline CSS included. */
  htmlGz: number;
  /** The page's CSS on its own, gzipped: inline `<style>` (already in htmlGz) plus linked sheets. */
  cssGz: number;
  /** Linked stylesheets only, gzipped: what the first render needs beyond the HTML. */
  linkedCssGz: number;
  jsGz: number;
  images: number;
  /** The largest candidate of each image, summed: an upper bound of what a phone fetches. */
  imageBytes: number;
  /** HTML + linked CSS + JS + images. */
  total: number;
  problems: string[];
}

/** Reads a file of the built site by URL path ("/_astro/x.js"), or undefined when missing. */
export type ReadAsset = (urlPath: string) => Uint8Array | undefined;

/** Default gzip level, as a typical server sends it (Netlify's brotli is smaller still). */
export const gz = (data: string | Uint8Array): number => gzipSync(data).length;
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

const NON_EXECUTABLE_SCRIPT = /^(application\/(ld\+)?json|importmap|speculationrules)$/i;
/** `<link rel>` values that make the browser fetch or connect (canonical, alternate… do not). */
const FETCHING_RELS =
  /\b(stylesheet|icon|apple-touch-icon|mask-icon|manifest|preload|modulepreload|prefetch|preconnect|dns-prefetch|prerender)\b/i;
const FONT_FILE = /\.(woff2?|ttf|otf|eot)(\?|#|$)/i;
const MODERN_IMAGE = /\.(avif|webp)(\?|#|$)/i;
const VECTOR_IMAGE = /\.svg(\?|#|$)/i;

export function measurePage(path: string, html: string, read: ReadAsset, siteOrigin: string): PageBudget {
  const $ = load(html);
  const problems: string[] = [];
  const resolve = (ref: string): URL | undefined => {
    try {
      return new URL(ref, new URL(path, siteOrigin));
    } catch {
      return undefined;
    }
  };
  const firstParty = (ref: string) => resolve(ref)?.origin === new URL(siteOrigin).origin;
  const file = (ref: string, what: string): Uint8Array | undefined => {
    const url = resolve(ref);
    const bytes = url && read(url.pathname);
    if (!bytes) problems.push(`${what} ${ref} is missing from the build`);
    return bytes;
  };

  const css = measureCss($, (ref) => (firstParty(ref) ? file(ref, 'stylesheet') : undefined));
  problems.push(...css.problems);

  // No third-party request of any kind: every URL the page or its CSS fetches is on this site.
  for (const ref of [...requestedUrls($), ...css.urls]) {
    if (/^(data|blob):/i.test(ref)) continue;
    if (!resolve(ref)) problems.push(`unreadable URL: ${ref}`);
    else if (!firstParty(ref)) problems.push(`third-party request: ${ref}`);
  }

  const htmlGz = gz(html);
  if (htmlGz + css.linkedGz > BUDGETS.criticalGz) {
    problems.push(
      `HTML + CSS is ${kb(htmlGz + css.linkedGz)} gzipped, budget ${kb(BUDGETS.criticalGz)} (first round trip)`,
    );
  }

  const js = measureScripts($, (ref) => (firstParty(ref) ? file(ref, 'script') : undefined));
  problems.push(...js.problems);

  const images = measureImages($, (ref) => (firstParty(ref) ? file(ref, 'image') : undefined));
  problems.push(...images.problems);

  return {
    path,
    htmlGz,
    cssGz: css.inlineGz + css.linkedGz,
    linkedCssGz: css.linkedGz,
    jsGz: js.gz,
    images: images.count,
    imageBytes: images.bytes,
    total: htmlGz + css.linkedGz + js.gz + images.bytes,
    problems,
  };
}

/** Every URL the browser would fetch (or connect to) for this page, as written. */
function requestedUrls($: CheerioAPI): string[] {
  const urls: string[] = [];
  const attr = (selector: string, name: string) =>
    $(selector).each((_, el) => {
      const value = $(el).attr(name)?.trim();
      if (value) urls.push(value);
    });
  attr('script[src], img[src], source[src], video[src], audio[src], track[src], iframe[src]', 'src');
  attr('embed[src], input[type="image" i][src]', 'src');
  attr('video[poster]', 'poster');
  attr('object[data]', 'data');
  attr('form[action]', 'action');
  $('link[href]').each((_, el) => {
    if (FETCHING_RELS.test($(el).attr('rel') ?? '')) urls.push($(el).attr('href')!.trim());
  });
  $('img[srcset], source[srcset]').each((_, el) => {
    urls.push(...srcsetUrls($(el).attr('srcset') ?? ''));
  });
  $('[style]').each((_, el) => {
    urls.push(...cssUrls($(el).attr('style') ?? ''));
  });
  return urls;
}

const srcsetUrls = (srcset: string): string[] =>
  srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);

const cssUrls = (css: string): string[] =>
  [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3/gi)].map(
    (m) => m[2] ?? m[4] ?? '',
  );

function measureCss($: CheerioAPI, read: (ref: string) => Uint8Array | undefined) {
  const problems: string[] = [];
  const inline = $('style')
    .map((_, el) => $(el).text())
    .get()
    .join('\n');
  let linkedGz = 0;
  const sheets: string[] = [inline];
  $('link[href]').each((_, el) => {
    if (!/\bstylesheet\b/i.test($(el).attr('rel') ?? '')) return;
    const bytes = read($(el).attr('href')!);
    if (!bytes) return;
    linkedGz += gz(bytes);
    sheets.push(Buffer.from(bytes).toString('utf8'));
  });
  // System fonts only: a web font costs a request and delays or reflows text.
  if (sheets.some((text) => /@font-face/i.test(text)))
    problems.push('web font (@font-face): use the system font stack');
  if (sheets.some((text) => /@import/i.test(text)))
    problems.push('@import chains a render-blocking stylesheet');
  $('link[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (FONT_FILE.test(href) || $(el).attr('as')?.toLowerCase() === 'font')
      problems.push(`web font: ${href}`);
  });
  // url() and @import in inline and linked CSS, for the third-party check.
  const urls = sheets.flatMap(cssUrls);
  return { inlineGz: inline.trim() ? gz(inline) : 0, linkedGz, urls, problems };
}

/** The lead forms whose enhancement may ship JavaScript: the callback form and the coverage check. */
export const LEAD_FORMS = 'form[data-callback-form], form[data-insurance-form]';

/** Static imports of a bundled module (`import{…}from"./chunk.js"`), as paths next to `ref`. */
function moduleImports(ref: string, bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes);
  const base = ref.slice(0, ref.lastIndexOf('/') + 1);
  return [...text.matchAll(/(?:^|[;}\s])import\s*(?:[^'"`;]*?from\s*)?["'`](\.\/[^"'`]+)["'`]/g)].map(
    (match) => base + match[1]!.slice(2),
  );
}

function measureScripts($: CheerioAPI, read: (ref: string) => Uint8Array | undefined) {
  const problems: string[] = [];
  const hasForm = $(LEAD_FORMS).length > 0;
  const scripts = $('script').filter(
    (_, el) => !NON_EXECUTABLE_SCRIPT.test($(el).attr('type')?.trim() ?? ''),
  );
  const preloads = $('link[rel~="modulepreload" i], link[rel~="preload" i][as="script" i]');
  let total = 0;
  const counted = new Set<string>();

  scripts.each((_, el) => {
    const script = $(el);
    const src = script.attr('src');
    const isModule = script.attr('type')?.trim().toLowerCase() === 'module';
    const deferred = isModule || (src !== undefined && (script.is('[defer]') || script.is('[async]')));
    if (!deferred) problems.push(`render-blocking script: ${src ?? 'inline classic <script>'}`);
    const bytes = src === undefined ? script.text() : read(src);
    if (bytes !== undefined) total += gz(bytes);
    // A shared chunk the module imports is fetched before it runs: it counts too, once.
    const pending = src !== undefined && bytes !== undefined ? moduleImports(src, bytes as Uint8Array) : [];
    while (pending.length > 0) {
      const ref = pending.pop()!;
      if (counted.has(ref)) continue;
      counted.add(ref);
      const chunk = read(ref);
      if (chunk === undefined) continue;
      total += gz(chunk);
      pending.push(...moduleImports(ref, chunk));
    }
  });
  preloads.each((_, el) => {
    const bytes = read($(el).attr('href')!);
    if (bytes) total += gz(bytes);
  });

  const count = scripts.length + preloads.length;
  if (!hasForm && count > 0)
    problems.push(
      `JavaScript on a page without the callback form or the coverage check (${kb(total)} gzipped)`,
    );
  if (hasForm && total > BUDGETS.formScriptGz)
    problems.push(
      `JavaScript is ${kb(total)} gzipped, budget ${kb(BUDGETS.formScriptGz)} (form enhancement)`,
    );
  return { gz: total, problems };
}

/** What the image checks need from an `<img>` and the `<source>`s of its `<picture>`. */
interface ImageFacts {
  src: string;
  width?: string;
  height?: string;
  loading?: string;
  hero: boolean;
  /** srcset candidates of the img and its sources. */
  srcset: string[];
  /** Whether any srcset uses width descriptors ("800w"), which need `sizes`. */
  widthDescriptors: boolean;
  sizes: boolean;
  modernSource: boolean;
}

function imageFacts($: CheerioAPI): ImageFacts[] {
  return $('img')
    .toArray()
    .map((el) => {
      const img = $(el);
      const sources = img
        .parent('picture')
        .find('source')
        .toArray()
        .map((s) => $(s));
      const srcsets = [
        img.attr('srcset') ?? '',
        ...sources.map((s) => s.attr('srcset') ?? s.attr('src') ?? ''),
      ];
      return {
        src: img.attr('src')?.trim() ?? '',
        width: img.attr('width'),
        height: img.attr('height'),
        loading: img.attr('loading')?.toLowerCase(),
        hero: img.attr('fetchpriority')?.toLowerCase() === 'high',
        srcset: srcsets.flatMap(srcsetUrls),
        widthDescriptors: srcsets.some((set) => /\d+w\s*(,|$)/.test(set)),
        sizes: [img, ...sources].some((node) => Boolean(node.attr('sizes'))),
        modernSource: sources.some((s) => /image\/(avif|webp)/i.test(s.attr('type') ?? '')),
      };
    });
}

function measureImages($: CheerioAPI, read: (ref: string) => Uint8Array | undefined) {
  const problems: string[] = [];
  const images = imageFacts($);
  const heroes = images.filter((image) => image.hero).length;
  if (heroes > 1) problems.push(`${heroes} images have fetchpriority="high": only the hero may`);
  let bytes = 0;

  for (const image of images) {
    const label = `image ${image.src || '(no src)'}`;
    if (!image.src.startsWith('/_astro/'))
      problems.push(`${label} is not processed by astro:assets (/_astro/…)`);
    if (!/^\d+$/.test(image.width ?? '') || !/^\d+$/.test(image.height ?? ''))
      problems.push(`${label} has no width and height (the layout shifts when it loads)`);
    if (!VECTOR_IMAGE.test(image.src)) problems.push(...rasterProblems(image, label));
    // The hero is the likely LCP element: fetched first. Everything else waits for the scroll.
    if (image.hero && image.loading === 'lazy')
      problems.push(`${label} is the hero (fetchpriority high) but lazy`);
    if (!image.hero && image.loading !== 'lazy')
      problems.push(`${label} must be loading="lazy", or be the hero with fetchpriority="high"`);

    let largest = 0;
    for (const ref of new Set([image.src, ...image.srcset].filter(Boolean))) {
      const size = read(ref)?.length ?? 0;
      largest = Math.max(largest, size);
      if (size > BUDGETS.imageBytes)
        problems.push(`image ${ref} is ${kb(size)}, budget ${kb(BUDGETS.imageBytes)}`);
    }
    bytes += largest;
  }
  return { count: images.length, bytes, problems };
}

function rasterProblems(image: ImageFacts, label: string): string[] {
  const problems: string[] = [];
  if (!MODERN_IMAGE.test(image.src) && !image.modernSource) problems.push(`${label} is not AVIF or WebP`);
  // One fixed size is either blurry on a big screen or too heavy for a phone.
  if (new Set(image.srcset).size < 2) problems.push(`${label} has no responsive srcset (two sizes or more)`);
  else if (image.widthDescriptors && !image.sizes) problems.push(`${label} has a width srcset but no sizes`);
  return problems;
}
