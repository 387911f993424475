/**
 * What the SEO checks need from one built HTML page: its head fields, every URL it points
 * at, its element ids (for #fragment links) and its JSON-LD. Read with htmlparser2, the
 * parser behind cheerio, as a crawler would read the page.
 *
 * A build holds the facts of every page until its checks end, so facts keep only copies
 * of the strings they need: V8 keeps a substring as a slice of the whole string, and facts
 * holding slices of a page kept the HTML of all 6,000 pages of a 5,000-article build alive
 * (420 MB, measured in a heap snapshot).
 */
import { Parser } from 'htmlparser2';

export type ReferenceKind = 'link' | 'image' | 'head';

export interface Reference {
  kind: ReferenceKind;
  /** The attribute as written, e.g. "/programs/" or "#main". */
  raw: string;
}

export interface PageFacts {
  /** URL path: "/", "/articles/x/", or "/404" for 404.html. */
  path: string;
  /** Path of the HTML file inside the build folder, e.g. "articles/x/index.html". */
  file: string;
  /** Full `<title>`, with the site suffix. */
  title: string | undefined;
  description: string | undefined;
  canonical: string | undefined;
  noindex: boolean;
  elementIds: Set<string>;
  references: Reference[];
  /** Each `application/ld+json` block that is valid JSON, parsed anew on each read. */
  jsonld: unknown[];
  /** Blocks that are not valid JSON. */
  jsonldErrors: string[];
  /** `dateModified` of the page's own `#webpage` node, when it has one. */
  dateModified: string | undefined;
}

/** "articles/x/index.html" -> "/articles/x/", "index.html" -> "/", "404.html" -> "/404". */
export function pathOfFile(file: string): string {
  const rel = file.replace(/\\/g, '/').replace(/^\/+/, '');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '');
}

export function readPageFacts(html: string, file: string): PageFacts {
  // One streaming pass of htmlparser2 (the parser cheerio uses, with the same options),
  // without building a DOM or running selectors: every page of a 5,000-article build is
  // read, and a DOM per page cost most of the post-build time and memory. References are
  // grouped as the selectors did, each group in document order.
  const links: Reference[] = [];
  const images: Reference[] = [];
  const srcsets: Reference[] = [];
  const heads: Reference[] = [];
  const socialImages: Reference[] = [];
  const add = (list: Reference[], kind: ReferenceKind, raw: string | undefined) => {
    if (raw?.trim()) list.push({ kind, raw: own(raw.trim()) });
  };
  const elementIds = new Set<string>();
  const jsonldSources: string[] = [];
  let title: string | undefined;
  // Like `$(selector).attr(name)`: the attribute of the first matching element, if any.
  let description: { value: string | undefined } | undefined;
  let canonical: { value: string | undefined } | undefined;
  let robots: { value: string | undefined } | undefined;

  const open: string[] = [];
  /** Text being collected: the first `head > title`, or a JSON-LD script. */
  let collecting: { kind: 'title' | 'jsonld'; depth: number; text: string } | undefined;
  let titleSeen = false;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = open.at(-1);
        open.push(name);
        if (attribs.id !== undefined) elementIds.add(own(attribs.id));
        switch (name) {
          case 'a':
          case 'area':
            if (attribs.href !== undefined) add(links, 'link', attribs.href);
            break;
          case 'img':
            if (attribs.src !== undefined) add(images, 'image', attribs.src);
            if (attribs.srcset !== undefined) addSrcset(srcsets, attribs.srcset, add);
            break;
          case 'source':
            if (attribs.srcset !== undefined) addSrcset(srcsets, attribs.srcset, add);
            break;
          case 'link': {
            if (attribs.rel === 'canonical') canonical ??= { value: attribs.href };
            if (attribs.href === undefined) break;
            const rel = (attribs.rel ?? '').toLowerCase();
            if (!/\b(preconnect|dns-prefetch)\b/.test(rel)) add(heads, 'head', attribs.href);
            break;
          }
          case 'meta':
            if (attribs.property === 'og:image' || attribs.name === 'twitter:image')
              add(socialImages, 'image', attribs.content);
            if (attribs.name === 'description') description ??= { value: attribs.content };
            if (attribs.name === 'robots') robots ??= { value: attribs.content };
            break;
          case 'title':
            if (parent === 'head' && !titleSeen) {
              titleSeen = true;
              collecting = { kind: 'title', depth: open.length, text: '' };
            }
            break;
          case 'script':
            if (attribs.type === 'application/ld+json')
              collecting = { kind: 'jsonld', depth: open.length, text: '' };
            break;
        }
      },
      ontext(text) {
        if (collecting) collecting.text += text;
      },
      onclosetag() {
        if (collecting && collecting.depth === open.length) {
          if (collecting.kind === 'title') title = own(collecting.text);
          else jsonldSources.push(own(collecting.text));
          collecting = undefined;
        }
        open.pop();
      },
    },
    { xmlMode: false, decodeEntities: true },
  );
  parser.end(html);

  const jsonldErrors: string[] = [];
  const valid: string[] = [];
  let dateModified: string | undefined;
  for (const source of jsonldSources) {
    try {
      const block: unknown = JSON.parse(source);
      valid.push(source);
      dateModified ??= webPageDateModified([block]);
    } catch (error) {
      jsonldErrors.push(error instanceof Error ? error.message : String(error));
    }
  }

  return withJsonld(
    {
      path: pathOfFile(file),
      file,
      title: title || undefined,
      description: ownOrUndefined(description?.value),
      canonical: ownOrUndefined(canonical?.value),
      noindex: /\bnoindex\b/i.test(robots?.value ?? ''),
      elementIds,
      references: [...links, ...images, ...srcsets, ...heads, ...socialImages],
      jsonldErrors,
      dateModified: ownOrUndefined(dateModified),
    },
    valid,
  );
}

/**
 * A copy of `text` that does not keep the string it was cut from alive: slicing a string
 * joined with another makes V8 flatten the join into a new string first.
 */
function own(text: string): string {
  return ` ${text}`.slice(1);
}

function ownOrUndefined(text: string | undefined): string | undefined {
  return text === undefined ? undefined : own(text);
}

/**
 * Adds `jsonld`, parsed anew on each read: the guards read it once, and parsed graphs for
 * every page would weigh more than their text. Outside readPageFacts, so that the getter
 * keeps only the sources alive, not the parser's state.
 */
function withJsonld(facts: Omit<PageFacts, 'jsonld'>, sources: string[]): PageFacts {
  return Object.defineProperty(facts, 'jsonld', {
    enumerable: true,
    get: () => sources.map((source): unknown => JSON.parse(source)),
  }) as PageFacts;
}

function addSrcset(
  list: Reference[],
  srcset: string,
  add: (list: Reference[], kind: ReferenceKind, raw: string | undefined) => void,
): void {
  for (const candidate of srcset.split(',')) add(list, 'image', candidate.trim().split(/\s+/)[0]);
}

function webPageDateModified(blocks: unknown[]): string | undefined {
  for (const block of blocks) {
    const graph = (block as { '@graph'?: unknown })?.['@graph'];
    if (!Array.isArray(graph)) continue;
    for (const node of graph as Record<string, unknown>[]) {
      const id = node?.['@id'];
      if (typeof id === 'string' && id.endsWith('#webpage') && typeof node['dateModified'] === 'string') {
        return node['dateModified'];
      }
    }
  }
  return undefined;
}
