/**
 * The only paths the writer accepts: plain posix paths relative to the project. A planned
 * path comes from post slugs and file names in someone's export, so it is checked before
 * anything is written rather than trusted to stay inside the project.
 */

/** Prefix of the staging folder the writer keeps in the project root while it commits. */
export const STAGING_PREFIX = '.import-staging-';

/**
 * Throws an Error naming the path and the rule it breaks unless `path` is relative, uses
 * forward slashes, and has no empty, `.` or `..` segment.
 */
export function checkRelativePath(path: string): void {
  const reject = (why: string): never => {
    throw new Error(`refusing to write ${JSON.stringify(path)}: ${why}`);
  };
  if (path === '') reject('the path is empty');
  if (path.includes('\0')) reject('the path holds a NUL character');
  if (path.includes('\\')) reject('backslashes are not allowed (use posix paths)');
  if (path.startsWith('/') || /^[a-zA-Z]:/.test(path)) reject('absolute paths are not allowed');
  const segments = path.split('/');
  for (const segment of segments) {
    if (segment === '..') reject('".." would leave the project');
    if (segment === '' || segment === '.') reject('empty or "." segments are not allowed');
  }
  if (segments[0]?.startsWith(STAGING_PREFIX)) reject('the staging folder is the writer’s own');
}

/** The folders that hold `path`, outermost first: `a/b/c.md` → `a`, `a/b`. */
export function parentsOf(path: string): string[] {
  const segments = path.split('/');
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
}
