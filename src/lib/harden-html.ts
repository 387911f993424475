/**
 * Finishing touches on built HTML that Astro's Markdown/MDX pipeline does not offer:
 * links to other sites get rel="noopener noreferrer", and bundled scripts get
 * Subresource Integrity. Pure string functions, so they are unit-tested on their own.
 */

const ANCHOR = /<a\s[^>]*>/gi;
const HREF = /\shref="(https?:\/\/[^"]*)"/i;
const REL = /\srel="([^"]*)"/i;

/** Adds noopener and noreferrer to every link whose target is on another origin. */
export function addOutboundRel(html: string, origin: string): string {
  return html.replace(ANCHOR, (tag) => {
    const href = HREF.exec(tag)?.[1];
    if (!href || new URL(href).origin === origin) return tag;
    const rel = REL.exec(tag)?.[1];
    const words = new Set([...(rel?.split(/\s+/).filter(Boolean) ?? []), 'noopener', 'noreferrer']);
    const value = `rel="${[...words].join(' ')}"`;
    return rel === undefined ? tag.replace(/^<a\s/i, `<a ${value} `) : tag.replace(REL, ` ${value}`);
  });
}

const BUNDLED_SCRIPT = /<script type="module" src="(\/_astro\/[^"]+\.js)"><\/script>/g;

/** Paths of the bundled module scripts a page loads. */
export function bundledScripts(html: string): string[] {
  return [...html.matchAll(BUNDLED_SCRIPT)].map((m) => m[1]!);
}

/** Adds `integrity` (and the CORS mode it needs) to each bundled module script. */
export function addIntegrity(html: string, integrityOf: (src: string) => string): string {
  return html.replace(
    BUNDLED_SCRIPT,
    (_tag, src: string) =>
      `<script type="module" src="${src}" integrity="${integrityOf(src)}" crossorigin="anonymous"></script>`,
  );
}
