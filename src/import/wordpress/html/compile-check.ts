/**
 * Whether the site can compile a body, with its own compiler (satteri): an article whose
 * MDX does not compile would stop the build, so it is reported instead of written.
 */
import { markdownToHtml, mdxToJs } from 'satteri';

/** Where a body fails to compile (line and column of the body) and why. */
export interface BodyError {
  line: number;
  column: number;
  message: string;
}

/** satteri's messages start with "line:column: ". */
function parseError(error: unknown): BodyError {
  const message = error instanceof Error ? error.message : String(error);
  const at = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(message);
  return at
    ? { line: Number(at[1]), column: Number(at[2]), message: message.slice(at[0].length) }
    : { line: 1, column: 1, message };
}

/**
 * Compiles a body as MDX (`mdx`) or parses it as Markdown (`md`); null when fine. Async so
 * the integrator's code does not change if the compiler becomes async.
 */
export async function checkBody(body: string, format: 'md' | 'mdx'): Promise<BodyError | null> {
  try {
    if (format === 'mdx') mdxToJs(body);
    else markdownToHtml(body);
    return null;
  } catch (error) {
    return parseError(error);
  }
}
