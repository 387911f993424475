/**
 * Gutenberg block comments (`<!-- wp:paragraph -->`) out of a post, with WordPress's own
 * parser: every block gives back its inner HTML, except the few that mean something more
 * (embeds, Gravity Forms) and the dynamic ones that render nothing without PHP.
 */
import { parse } from '@wordpress/block-serialization-default-parser';
import { finding, type Finding } from '../findings.ts';
import { embedMarker, formMarker } from './markers.ts';

type ParsedBlock = ReturnType<typeof parse>[number];

/** True when the content was written in the block editor: then WordPress skips autop. */
export function hasBlocks(html: string): boolean {
  return html.includes('<!-- wp:');
}

// Blocks that are empty on purpose: layout or pagination, nothing to carry over.
const EMPTY_ON_PURPOSE = new Set(['core/spacer', 'core/more', 'core/nextpage', 'core/separator']);

/** The block's name without the `core/` prefix WordPress adds to unprefixed names. */
const nameOf = (block: ParsedBlock): string => block.blockName ?? '';

/** The embed URL of `core/embed` and of the older `core-embed/<provider>` blocks, or null. */
function embedUrl(block: ParsedBlock): string | null {
  const name = nameOf(block);
  if (name !== 'core/embed' && !name.startsWith('core-embed/')) return null;
  const url = block.attrs?.['url'];
  return typeof url === 'string' && url.trim() !== '' ? url.trim() : null;
}

function render(block: ParsedBlock, findings: Finding[]): string {
  const name = nameOf(block);
  const url = embedUrl(block);
  if (url !== null) return embedMarker(url);
  if (name === 'gravityforms/form') return formMarker();
  // The inner HTML with each inner block put back where its null placeholder stands.
  let inner = 0;
  const html = block.innerContent
    .map((part) => {
      if (part !== null) return part;
      const child = block.innerBlocks[inner++];
      return child ? render(child, findings) : '';
    })
    .join('');
  if (name !== '' && html.trim() === '' && !EMPTY_ON_PURPOSE.has(name))
    // A dynamic block (latest posts, search, calendar, ...): PHP drew it, the export holds nothing.
    findings.push(finding('block-dropped', true, name));
  return html;
}

/** The post's HTML with every block comment gone, embeds and forms as placeholders. */
export function flattenBlocks(html: string, findings: Finding[]): string {
  return parse(html)
    .map((block) => render(block, findings))
    .join('');
}
