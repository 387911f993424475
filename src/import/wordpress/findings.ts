/**
 * What the importer tells a person about one post, topic, person or file. A finding never
 * carries personal data or post text: only a stable code and a short non-personal detail
 * (a shortcode's name, a host, a field name, a line:column).
 */
export interface Finding {
  /** Stable reason code in kebab-case, e.g. "unknown-shortcode"; documented in the README. */
  code: string;
  /** What it concerns, e.g. "gallery", "maps.example.com", "description"; never text of the post. */
  detail?: string;
  /** True when a person must look before the post can be published: counts as "needs review". */
  review: boolean;
}

export const finding = (code: string, review: boolean, detail?: string): Finding =>
  detail === undefined ? { code, review } : { code, review, detail };
