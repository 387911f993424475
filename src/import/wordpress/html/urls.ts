/**
 * What a URL found in a post is: a video we can link to, another oEmbed provider, an upload
 * of the old site, a tracker. Pure string work on parsed URLs (the WHATWG URL parser), so
 * the tree passes can ask one question each.
 */

/** Parses an absolute or protocol-relative URL; null for relative or unparsable ones. */
export function absoluteUrl(raw: string): URL | null {
  const value = raw.trim();
  if (!/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(value)) return null;
  try {
    // Protocol-relative embeds (`//www.youtube.com/embed/...`) are https today.
    return new URL(value.startsWith('//') ? `https:${value}` : value);
  } catch {
    return null;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
const within = (host: string, domain: string): boolean => host === domain || host.endsWith(`.${domain}`);

/** A video that becomes a plain link: the canonical address and who hosts it. */
export interface VideoLink {
  provider: 'YouTube' | 'Vimeo';
  href: string;
}

const YOUTUBE_ID = /^[\w-]{6,}$/;

/**
 * The canonical watch address of a YouTube or Vimeo URL in any of the forms WordPress
 * embeds (watch, youtu.be, embed, nocookie, shorts, player.vimeo.com), or null.
 */
export function videoLink(raw: string): VideoLink | null {
  const url = absoluteUrl(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split('/').filter(Boolean);
  if (within(host, 'youtube.com') || within(host, 'youtube-nocookie.com') || host === 'youtu.be') {
    const id =
      host === 'youtu.be'
        ? parts[0]
        : parts[0] === 'watch'
          ? url.searchParams.get('v')
          : ['embed', 'v', 'shorts', 'live'].includes(parts[0] ?? '')
            ? parts[1]
            : url.searchParams.get('v');
    if (id && YOUTUBE_ID.test(id))
      return { provider: 'YouTube', href: `https://www.youtube.com/watch?v=${id}` };
    const list = url.searchParams.get('list');
    if (list && YOUTUBE_ID.test(list))
      return { provider: 'YouTube', href: `https://www.youtube.com/playlist?list=${list}` };
    return null;
  }
  if (within(host, 'vimeo.com')) {
    // vimeo.com/123, vimeo.com/channels/staffpicks/123, player.vimeo.com/video/123
    const id = [...parts].reverse().find((part) => /^\d+$/.test(part));
    return id ? { provider: 'Vimeo', href: `https://vimeo.com/${id}` } : null;
  }
  return null;
}

// The providers WordPress core embeds from a bare URL (wp-includes/class-wp-oembed.php),
// less the video ones handled above. A URL of theirs alone on a line was an embed.
const OEMBED_DOMAINS = [
  'twitter.com',
  'x.com',
  'instagram.com',
  'facebook.com',
  'flickr.com',
  'flic.kr',
  'soundcloud.com',
  'spotify.com',
  'tiktok.com',
  'dailymotion.com',
  'dai.ly',
  'wordpress.tv',
  'videopress.com',
  'ted.com',
  'reddit.com',
  'tumblr.com',
  'scribd.com',
  'slideshare.net',
  'imgur.com',
  'issuu.com',
  'mixcloud.com',
  'speakerdeck.com',
  'kickstarter.com',
  'cloudup.com',
  'animoto.com',
  'smugmug.com',
  'pinterest.com',
  'pocketcasts.com',
  'crowdsignal.com',
  'polldaddy.com',
  'amazon.com',
  'bsky.app',
];

/** The host of a URL WordPress would have embedded through oEmbed (not YouTube/Vimeo), or null. */
export function oembedHost(raw: string): string | null {
  const url = absoluteUrl(raw);
  if (!url || !/^https?:$/.test(url.protocol)) return null;
  const host = url.hostname.toLowerCase();
  return OEMBED_DOMAINS.some((domain) => within(host, domain)) ? host : null;
}

// Analytics and ad pixels that posts pick up when an editor pastes a newsletter or a widget.
const TRACKER_DOMAINS = [
  'google-analytics.com',
  'googletagmanager.com',
  'doubleclick.net',
  'googlesyndication.com',
  'facebook.com',
  'facebook.net',
  'pixel.wp.com',
  'stats.wordpress.com',
  'feeds.feedburner.com',
  'feedburner.google.com',
  'scorecardresearch.com',
  'quantserve.com',
  'bat.bing.com',
  'analytics.twitter.com',
  't.co',
  'px.ads.linkedin.com',
  'list-manage.com',
  'mailchimp.com',
  'hubspot.com',
  'hs-analytics.net',
];

/** The host when an image URL is a known tracker's, else null. */
export function trackerHost(raw: string): string | null {
  const url = absoluteUrl(raw);
  if (!url) return null;
  const host = url.hostname.toLowerCase();
  return TRACKER_DOMAINS.some((domain) => within(host, domain)) ? host : null;
}

/**
 * True when a URL looks like a file of the site's own media library: relative, under
 * `/wp-content/uploads/`, or on a WordPress.com media host. Decides whether an image the
 * integrator could not resolve is "missing" (ours, not copied) or "external".
 */
export function looksLikeUpload(raw: string): boolean {
  const url = absoluteUrl(raw);
  if (!url) return true;
  return (
    url.pathname.includes('/wp-content/uploads/') || within(url.hostname.toLowerCase(), 'files.wordpress.com')
  );
}

/** The last path segment of a URL (no query, no fragment): what a finding may name. */
export function fileName(raw: string): string {
  const path = raw.split(/[?#]/, 1)[0] ?? '';
  return path.split('/').filter(Boolean).pop() ?? '';
}

/** The host of a URL for a finding, or "unknown" when it has none. */
export function hostOf(raw: string): string {
  return absoluteUrl(raw)?.hostname.toLowerCase() || 'unknown';
}

/**
 * True for a URL scheme that runs code or smuggles content (`javascript:`, `vbscript:`,
 * `data:`). Browsers drop tabs and newlines inside a scheme, so they are dropped here too.
 */
export function isUnsafeUrl(raw: string): boolean {
  // Browsers strip ASCII control characters and whitespace from a URL before reading its scheme.
  const compact = raw.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return /^(?:javascript|vbscript|data):/.test(compact);
}

/** True for `mailto:`/`tel:`/`sms:` links and same-page fragments: never rewritten. */
export function isKeptAsIs(raw: string): boolean {
  return /^(?:mailto|tel|sms):/i.test(raw.trim()) || raw.trim().startsWith('#');
}

/** True when a link points at an image file (the full-size copy a thumbnail links to). */
export function isImageFileUrl(raw: string): boolean {
  return /\.(?:jpe?g|png|gif|webp|avif|bmp|tiff?|svg)$/i.test(raw.split(/[?#]/, 1)[0] ?? '');
}
