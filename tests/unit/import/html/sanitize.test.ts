/**
 * The sanitize pass on the tree itself: attributes never reach Markdown, so what it strips
 * is checked here, where a regression would show.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { sanitize } from '../../../../src/import/wordpress/html/sanitize.ts';
import { videoLink } from '../../../../src/import/wordpress/html/urls.ts';

const clean = (html: string): Root => {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(html);
  sanitize(tree, []);
  return tree;
};

describe('sanitize', () => {
  it('drops inline styles and every on* handler, keeps the rest', () => {
    const tree = clean(
      '<p style="color:red" onclick="a()" onMouseOver="b()" class="x"><a href="/y" onfocus="c()">y</a></p>',
    );
    const seen: Element['properties'][] = [];
    visit(tree, 'element', (node: Element) => {
      seen.push(node.properties);
    });
    expect(seen).toEqual([{ className: ['x'] }, { href: '/y' }]);
  });

  it.each(['script', 'style', 'noscript', 'template', 'svg', 'select', 'textarea', 'button'])(
    'drops <%s> and its content',
    (tag) => {
      const tree = clean(`<p>keep</p><${tag}>gone</${tag}>`);
      expect(JSON.stringify(tree)).not.toContain('gone');
      expect(JSON.stringify(tree)).toContain('keep');
    },
  );

  it('drops comments', () => {
    const tree = clean('<p>a<!-- secret --></p>');
    let comments = 0;
    visit(tree, 'comment', () => {
      comments++;
    });
    expect(comments).toBe(0);
  });
});

describe('videoLink', () => {
  it.each([
    ['https://www.youtube.com/watch?v=abcdefghijk&list=x', 'https://www.youtube.com/watch?v=abcdefghijk'],
    ['https://m.youtube.com/watch?v=abcdefghijk', 'https://www.youtube.com/watch?v=abcdefghijk'],
    ['https://youtu.be/abcdefghijk?t=3', 'https://www.youtube.com/watch?v=abcdefghijk'],
    ['//www.youtube.com/embed/abcdefghijk', 'https://www.youtube.com/watch?v=abcdefghijk'],
    ['https://www.youtube-nocookie.com/embed/abcdefghijk', 'https://www.youtube.com/watch?v=abcdefghijk'],
    ['https://www.youtube.com/shorts/abcdefghijk', 'https://www.youtube.com/watch?v=abcdefghijk'],
    ['https://www.youtube.com/playlist?list=PLabcdefgh', 'https://www.youtube.com/playlist?list=PLabcdefgh'],
    ['https://vimeo.com/76979871', 'https://vimeo.com/76979871'],
    ['https://player.vimeo.com/video/76979871?h=a', 'https://vimeo.com/76979871'],
    ['https://www.youtube.com/', null],
    ['https://notyoutube.com/watch?v=abcdefghijk', null],
    ['https://vimeo.com/about', null],
    ['/relative/watch?v=abcdefghijk', null],
  ])('%s -> %s', (url, href) => {
    expect(videoLink(url)?.href ?? null).toBe(href);
  });
});
