/**
 * A build keeps the facts of every page until its checks end (6,000 pages for 5,000
 * articles), so facts must not keep the page they were read from alive. V8 stores a
 * substring as a slice of the whole string: facts holding slices kept every page's HTML.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { readPageFacts } from '../../../src/lib/seo/page-facts.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const PAGES = 60;
const filler = 'Plain words that make the page long enough to weigh something. '.repeat(4000);
/** A distinct ~250 kB page each time, with the kinds of values facts keep. */
const page = (n: number) =>
  `<!doctype html><html><head><title>Page number ${n} of the memory test</title>` +
  `<meta name="description" content="The description of page number ${n}, long enough to be sliced.">` +
  `<link rel="canonical" href="https://example.org/pages/page-number-${n}/">` +
  `<script type="application/ld+json">{"@graph":[{"@id":"https://example.org/pages/${n}/#webpage","dateModified":"2026-11-${n % 28}"}]}</script>` +
  `</head><body><main id="main-content-of-page-${n}"><p>${filler}</p>` +
  `<a href="/articles/a-long-article-slug-number-${n}/">more</a></main></body></html>`;

it('keeps facts, not pages, in memory', () => {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: PAGES }, (_, n) => readPageFacts(page(n), `p${n}/index.html`));
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  // The pages weigh about 15 MB together; their facts, a few kilobytes each.
  expect(kept).toHaveLength(PAGES);
  expect(grown).toBeLessThan(2 * 1024 * 1024);
});
