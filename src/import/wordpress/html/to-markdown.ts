/**
 * The cleaned hast tree to Markdown: rehype-remark → mdast → remark-stringify, with GFM
 * for tables and strikethrough. The Markdown is written so MDX reads it the same: the
 * characters MDX takes for code (`{`, `}`, `<`, a line starting with `import`/`export`)
 * are escaped, and links are never written as `<autolinks>`, which MDX does not have.
 */
import type { Root as HastRoot } from 'hast';
import type { Image, Root as MdastRoot } from 'mdast';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';

/** What MDX would read as an expression, a JSX tag or an ES module statement. */
const MDX_UNSAFE = [
  { character: '{', inConstruct: 'phrasing' as const },
  { character: '{', atBreak: true },
  { character: '}', inConstruct: 'phrasing' as const },
  { character: '}', atBreak: true },
  { character: '<', inConstruct: 'phrasing' as const },
  { character: '<', atBreak: true },
  // Not punctuation, so written as a character reference (`&#x69;mport`): same text, no ESM.
  { character: 'i', atBreak: true, after: 'mport\\b' },
  { character: 'e', atBreak: true, after: 'xport\\b' },
];

/** Adds the MDX escapes to remark-stringify, the way syntax extensions add theirs. */
function mdxSafe(this: Processor): void {
  const data = this.data();
  (data.toMarkdownExtensions ??= []).push({ unsafe: MDX_UNSAFE });
}

let processor: ReturnType<typeof build> | undefined;

function build() {
  return unified().use(rehypeRemark).use(remarkGfm).use(mdxSafe).use(remarkStringify, {
    bullet: '-',
    // `*`, not `_`: only `*` can emphasize part of a word (`f*eli*s`).
    emphasis: '*',
    strong: '*',
    fences: true,
    rule: '-',
    resourceLink: true,
    listItemIndent: 'one',
  });
}

/** The Markdown for a cleaned tree, and the image URLs it uses in order. */
export function toMarkdown(tree: HastRoot): { markdown: string; imageUrls: string[] } {
  processor ??= build();
  const mdast = processor.runSync(tree) as MdastRoot;
  const imageUrls: string[] = [];
  visit(mdast, 'image', (node: Image) => {
    imageUrls.push(node.url);
  });
  return { markdown: processor.stringify(mdast), imageUrls };
}
