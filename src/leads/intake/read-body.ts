/**
 * Reads a request body up to a byte limit, counting bytes as they arrive: a missing or
 * false Content-Length cannot make us buffer more than the limit.
 */

export const BODY_LIMIT_BYTES = 16 * 1024;

export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; problem: 'too_large' | 'unreadable' };

export async function readBody(
  body: ReadableStream<Uint8Array> | null,
  contentLength: string | null,
  limit = BODY_LIMIT_BYTES,
): Promise<BodyRead> {
  // An honest, too-large Content-Length is refused without reading anything.
  if (contentLength !== null && /^\d+$/.test(contentLength.trim()) && Number(contentLength) > limit) {
    await body?.cancel().catch(() => undefined);
    return { ok: false, problem: 'too_large' };
  }
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, problem: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    // The client went away or sent a broken chunked body: nothing usable arrived.
    return { ok: false, problem: 'unreadable' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}
