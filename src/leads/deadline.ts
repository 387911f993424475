/**
 * Bounds how long we wait on storage. A visitor on a slow phone should learn within
 * seconds that they ought to call, not after every retry of a failing store.
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
