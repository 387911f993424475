/**
 * The fetch our Blobs stores use: each request gives up after a few seconds. The Blobs
 * client retries failed requests several times with seconds between tries; without a
 * bound, one hung connection would hold a visitor's request far past the moment we
 * should tell them to call instead.
 */
export const BLOBS_REQUEST_TIMEOUT_MS = 5_000;

export const boundedFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
  fetch(input, { ...init, signal: init?.signal ?? AbortSignal.timeout(BLOBS_REQUEST_TIMEOUT_MS) });
