/**
 * The small HTML pages a form post gets when it does not go through (no JavaScript
 * needed). Every dynamic value is escaped; the only values are our own messages, a path
 * on our own site and the site configuration, but escaping does not depend on that.
 */
import { site } from '../../site.config.ts';
import { toBase64 } from '../runtime/base64.ts';

const STYLE =
  'body{font:1.125rem/1.6 system-ui,sans-serif;margin:0;padding:1.5rem;color:#1a1a1a;background:#fff}' +
  'main{max-width:36rem;margin:0 auto}h1{font-size:1.5rem;line-height:1.3}' +
  'a{color:#0b5cad}li{margin:.5rem 0}.call{font-size:1.25rem;font-weight:600}.small{font-size:1rem}';

let styleSource: Promise<string> | undefined;

/** CSP source for the one inline style: a hash, so no other style can run. */
function styleHash(): Promise<string> {
  styleSource ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(STYLE))
    .then((digest) => `'sha256-${toBase64(new Uint8Array(digest))}'`);
  return styleSource;
}

export async function htmlContentSecurityPolicy(): Promise<string> {
  return [
    "default-src 'none'",
    `style-src ${await styleHash()}`,
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface PageContent {
  title: string;
  message: string;
  /** Items listed under the message (field problems). */
  items?: readonly string[];
  /** A path on this site to go back to. */
  backTo: string;
}

export function renderPage(content: PageContent): string {
  const e = escapeHtml;
  const phone = site.admissions.phone;
  const items = content.items?.length
    ? `<ul>${content.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`
    : '';
  const crisis = site.crisisLines
    .map((line) => `${e(line.label)}: <a href="tel:${e(line.tel)}">${e(line.display)}</a>`)
    .join('<br>');
  return `<!doctype html>
<html lang="${e(site.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(content.title)} | ${e(site.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${e(content.title)}</h1>
<p>${e(content.message)}</p>
${items}
<p><a href="${e(content.backTo)}">Go back to the form</a>. Your browser's Back button may keep what you typed.</p>
<p class="call">Or call us: <a href="tel:${e(phone.e164)}">${e(phone.display)}</a></p>
<p class="small">If you are in crisis, help is available now.<br>${crisis}</p>
</main>
</body>
</html>
`;
}
