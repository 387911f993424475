/**
 * The context the tests convert with: uploads under wp-content/uploads resolve to
 * "./uploads/<yyyy>/<mm>/<file>" (multisite `sites/<n>/` too) unless the file's name starts
 * with "gone" (an upload not copied); nothing else resolves. Links to
 * the old contact page go to /callback/, every other link is kept.
 */
import type { ConvertContext } from '../../../../src/import/wordpress/html/index.ts';

const UPLOAD = /\/wp-content\/uploads\/(?:sites\/\d+\/)?(\d{4})\/(\d{2})\/([^/?#]+)$/;

/** A context that records what it was asked, so a test can say what went through it. */
export function testContext(): ConvertContext & { links: string[]; images: string[] } {
  const links: string[] = [];
  const images: string[] = [];
  return {
    links,
    images,
    rewriteLink(url) {
      links.push(url);
      return url.includes('old.example/contact') ? '/callback/' : null;
    },
    image(src) {
      images.push(src);
      const match = UPLOAD.exec(src);
      return match && !match[3]!.startsWith('gone') ? `./uploads/${match[1]}/${match[2]}/${match[3]}` : null;
    },
    callbackFormHref: '#cb-title',
  };
}

/** The findings as "code" or "code:detail" strings, for compact expectations. */
export const codes = (findings: readonly { code: string; detail?: string }[]): string[] =>
  findings.map((f) => (f.detail === undefined ? f.code : `${f.code}:${f.detail}`));
