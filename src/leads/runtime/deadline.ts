/**
 * Bounds how long we wait. A visitor on a slow phone should learn within seconds that
 * they ought to call, not after every retry of a failing store; a delivery sweep must end
 * inside a scheduled run.
 */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Like `withDeadline`, and what the deadline gives up on is cancelled: `work` gets a
 * signal that aborts when the deadline passes (and once the race is over), so a send we
 * have already counted as failed cannot go on and succeed behind our back.
 */
export async function withCancellingDeadline<T>(
  work: (signal: AbortSignal) => Promise<T>,
  ms: number,
): Promise<T> {
  const abandon = new AbortController();
  try {
    return await withDeadline(work(abandon.signal), ms);
  } finally {
    // Also after a result or an error: nothing of this attempt may outlive it.
    abandon.abort(new DeadlineError(`attempt over (deadline ${ms} ms)`));
  }
}
