/** Words a typical adult reads a minute on screen; a plain, conservative figure. */
export const WORDS_PER_MINUTE = 220;

/** Counts the words a reader sees in MDX source: not imports, tags, URLs or markup. */
export function countWords(mdx: string): number {
  const prose = mdx
    .replace(/^\s*(import|export)\s.*$/gm, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[#*_>`|~[\]-]/g, ' ');
  return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes, never less than one: "0 min read" helps nobody. */
export function readingMinutes(mdx: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  return Math.max(1, Math.round(countWords(mdx) / wordsPerMinute));
}
